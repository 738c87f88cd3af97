// Branding in the contest file (主办, 承办, subtitle, theme) and the contest's logo: checked on
// load with every problem naming its field, seen by every role, uploaded with the host's or the
// organiser's key, refused clearly when it is too big or not an image, and carried by archives.
import { get } from 'node:http';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { LOGO_MAX_BYTES, logoUrl } from '../../shared/branding.js';
import { ORGANISER_KEY_HEADER } from '../../shared/organiser.js';
import { png } from '../support/png.js';
import { ARCHIVE_VERSION, archiveOf, readArchive, restoreArchive } from '../../server/storage/archive.js';
import { BUNDLED_BANK, loadBank } from '../../server/bank/bank.js';
import { parseContestFile } from '../../server/setup/contest-file.js';
import { readContestFile } from '../../server/setup/demo.js';
import { drawContest } from '../../server/rooms/draw.js';
import { imageTypeOf } from '../../server/http/logo.js';
import { openStore } from '../../server/storage/store.js';
import { fillDisk } from '../support/full-disk.js';
import { startServer, type Harness } from '../support/harness.js';

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});
const serve = async () => {
  const h = await startServer();
  harnesses.push(h);
  return h;
};

const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
const JPEG_START = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
const WEBP_START = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]);

const withBranding = (branding: unknown) => ({ ...(readContestFile() as object), branding });

describe('branding in the contest file', () => {
  const bank = loadBank(BUNDLED_BANK).questions;

  it('organiser, co-organiser, subtitle and theme are kept in the definition', () => {
    const parsed = parseContestFile(withBranding({ organiser: ' 中共某市委组织部 ', coOrganiser: '某市委党校', subtitle: '学党史 悟思想', theme: 'blue' }));
    if (!parsed.ok) return expect.fail(parsed.issues.map((i) => i.zh).join('\n'));
    const drawn = drawContest(parsed.file, bank, 'seed');
    if (!drawn.ok) return expect.fail('draw failed');
    expect(drawn.definition.branding).toEqual({ organiser: '中共某市委组织部', coOrganiser: '某市委党校', subtitle: '学党史 悟思想', theme: 'blue' });
  });

  it('a file without branding, or with only some of it, gets the red theme and no empty names', () => {
    const unbranded = { ...(readContestFile() as Record<string, unknown>) };
    delete unbranded.branding;
    const none = parseContestFile(unbranded);
    const some = parseContestFile(withBranding({ organiser: '', subtitle: '决赛' }));
    if (!none.ok || !some.ok) return expect.fail('refused');
    expect(none.file.branding).toBeUndefined();
    const drawn = drawContest(some.file, bank, 'seed');
    if (!drawn.ok) return expect.fail('draw failed');
    expect(drawn.definition.branding).toEqual({ subtitle: '决赛', theme: 'red' });
  });

  it('an unknown theme, an unknown field and an over-long name are each named, in Chinese and English', () => {
    const parsed = parseContestFile(withBranding({ organiser: '主'.repeat(61), theme: 'green', logo: 'x.png' }));
    if (parsed.ok) return expect.fail('accepted');
    const byPath = Object.fromEntries(parsed.issues.map((i) => [i.path, i]));
    expect(byPath['branding.organiser'].zh).toMatch(/^标识与主题 › 主办单位：/);
    expect(byPath['branding.organiser'].en).toMatch(/^Branding › Organiser \(主办\): /);
    expect(byPath['branding.theme'].zh).toMatch(/^标识与主题 › 主题配色：/);
    expect(byPath['branding.theme'].en).toMatch(/red.*blue/);
    expect(byPath.branding.zh).toMatch(/^标识与主题：.*logo/);
  });
});

describe('branding in the views', () => {
  it('every role sees organiser, subtitle and theme; contests stored before branding show the red theme', async () => {
    const h = await serve();
    const [host, screen, phone] = [await h.host(), await h.screen(), await h.contestant('s1')];
    for (const c of [host, screen, phone]) {
      expect(c.view?.branding).toEqual({ organiser: null, coOrganiser: null, subtitle: null, theme: 'red', logoUrl: null });
    }
    const file = withBranding({ organiser: '中共某市委组织部', coOrganiser: '某市委党校', subtitle: '学党史 悟思想', theme: 'blue' });
    expect(await host.request('contest:define', { file })).toEqual({ data: null });
    const seen = await screen.until((v) => v.branding.theme === 'blue');
    expect(seen.branding).toEqual({ organiser: '中共某市委组织部', coOrganiser: '某市委党校', subtitle: '学党史 悟思想', theme: 'blue', logoUrl: null });
  });
});

describe('the logo', () => {
  const put = (h: Harness, body: Buffer, headers: Record<string, string> = { 'x-qiangda-key': h.hostKey }) =>
    fetch(`${h.url}/api/contests/${h.contestId}/logo`, { method: 'PUT', headers: { 'content-type': 'application/octet-stream', ...headers }, body: new Uint8Array(body) });

  it('knows PNG, JPEG and WebP by their content', () => {
    expect(imageTypeOf(png())).toBe('image/png');
    expect(imageTypeOf(JPEG_START)).toBe('image/jpeg');
    expect(imageTypeOf(WEBP_START)).toBe('image/webp');
    expect(imageTypeOf(SVG)).toBeNull();
  });

  it('a PNG uploaded with the host key is served as an image and every page is sent its address', async () => {
    const h = await serve();
    const screen = await h.screen();
    const phone = await h.contestant('s1');
    const res = await put(h, png());
    expect(res.status).toBe(200);
    const { logoUrl: url } = (await res.json()) as { logoUrl: string };
    expect(url).toMatch(new RegExp(`^/api/contests/${h.contestId}/logo\\?v=[0-9a-f]{16}$`));
    expect((await screen.until((v) => v.branding.logoUrl !== null)).branding.logoUrl).toBe(url);
    expect((await phone.until((v) => v.branding.logoUrl !== null)).branding.logoUrl).toBe(url);

    const served = await fetch(`${h.url}${url}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(served.headers.get('cache-control')).toContain('immutable');
    expect(Buffer.from(await served.arrayBuffer())).toEqual(png());
    // fetch() marks a conditional request no-cache, which a server must answer in full; a browser's revalidation does not.
    const again = await new Promise<number | undefined>((resolve) => get(`${h.url}${url}`, { headers: { 'if-none-match': served.headers.get('etag') ?? '' } }, (r) => resolve(r.resume().statusCode)));
    expect(again).toBe(304);
  });

  it('a new logo gets a new address and a new ETag', async () => {
    const h = await serve();
    const first = ((await (await put(h, png())).json()) as { logoUrl: string }).logoUrl;
    const second = ((await (await put(h, JPEG_START, { 'x-qiangda-key': h.hostKey })).json()) as { logoUrl: string }).logoUrl;
    expect(second).not.toBe(first);
    const stale = await fetch(`${h.url}${first}`);
    expect(stale.headers.get('cache-control')).toBe('no-cache');
    expect(stale.headers.get('content-type')).toBe('image/jpeg');
  });

  it('the organiser key may upload too; no key, a wrong key or another contest’s key may not', async () => {
    const h = await serve();
    const organiserKey = h.app.contests.organiserKey();
    expect((await put(h, png(), { [ORGANISER_KEY_HEADER]: organiserKey })).status).toBe(200);
    expect(await (await put(h, png(), {})).json()).toMatchObject({ error: 'not-authorised' });
    expect((await put(h, png(), { 'x-qiangda-key': 'wrong-key-wrong-key' })).status).toBe(401);
    expect((await put(h, png(), { [ORGANISER_KEY_HEADER]: h.hostKey })).status).toBe(401);
    const unknown = await fetch(`${h.url}/api/contests/nope/logo`, { method: 'PUT', headers: { 'x-qiangda-key': h.hostKey }, body: new Uint8Array(png()) });
    expect(await unknown.json()).toMatchObject({ error: 'unknown-contest' });
  });

  it('an oversized file, an SVG, a text file named .png and an empty body are refused, each with its code, and change nothing', async () => {
    const h = await serve();
    const screen = await h.screen();
    const big = Buffer.concat([png(), Buffer.alloc(LOGO_MAX_BYTES)]);
    const tooBig = await put(h, big);
    expect([tooBig.status, await tooBig.json()]).toEqual([413, { error: 'logo-too-big', maxBytes: LOGO_MAX_BYTES }]);
    const svg = await put(h, SVG, { 'x-qiangda-key': h.hostKey, 'content-type': 'image/svg+xml' });
    expect([svg.status, ((await svg.json()) as { error: string }).error]).toEqual([415, 'logo-not-image']);
    const disguised = await put(h, Buffer.from('not a picture, whatever its name says'), { 'x-qiangda-key': h.hostKey, 'content-type': 'image/png' });
    expect(((await disguised.json()) as { error: string }).error).toBe('logo-not-image');
    expect(((await (await put(h, Buffer.alloc(0))).json()) as { error: string }).error).toBe('no-logo');
    expect(h.store.loadLogo(h.contestId)).toBeNull();
    expect(screen.view?.branding.logoUrl).toBeNull();
    expect((await fetch(`${h.url}/api/contests/${h.contestId}/logo`)).status).toBe(404);
  });

  it('is removable, and a closed contest’s logo can no longer change', async () => {
    const h = await serve();
    const screen = await h.screen();
    await put(h, png());
    await screen.until((v) => v.branding.logoUrl !== null);
    const removed = await fetch(`${h.url}/api/contests/${h.contestId}/logo`, { method: 'DELETE', headers: { 'x-qiangda-key': h.hostKey } });
    expect(await removed.json()).toEqual({ logoUrl: null });
    await screen.until((v) => v.branding.logoUrl === null);
    expect((await fetch(`${h.url}/api/contests/${h.contestId}/logo`)).status).toBe(404);

    h.app.contests.closeForGood(h.contestId);
    const closed = await put(h, png());
    expect([closed.status, ((await closed.json()) as { error: string }).error]).toEqual([409, 'contest-closed']);
  });

  it('on a full disk is refused as storage-failed and changes nothing; once there is room it is kept', async () => {
    const h = await serve();
    const screen = await h.screen();
    const disk = fillDisk(h.store, h.contestId);
    const refused = await put(h, Buffer.concat([png(), Buffer.alloc(64 * 1024)]));
    expect([refused.status, ((await refused.json()) as { error: string }).error]).toEqual([500, 'storage-failed']);
    expect(h.room.logoVersion).toBeNull();
    expect(screen.view?.branding.logoUrl).toBeNull();
    disk.free();
    expect(h.store.loadLogo(h.contestId)).toBeNull();
    expect((await put(h, png())).status).toBe(200);
    await screen.until((v) => v.branding.logoUrl !== null);
  });

  it('an archive whose logo is not an image is refused, checksum or not', async () => {
    const h = await serve();
    await put(h, png());
    const stored = h.store.loadContest(h.contestId);
    if (!stored?.logo) return expect.fail('no logo');
    const forged = archiveOf({ ...stored, logo: { ...stored.logo, bytes: SVG } }, 0);
    expect(readArchive(forged)).toEqual({ ok: false, error: 'archive-invalid' });
  });

  it('an archive from before branding (version 1) still restores', async () => {
    const h = await serve();
    const stored = h.store.loadContest(h.contestId);
    if (!stored) return expect.fail('no contest');
    const file = JSON.parse(gunzipSync(archiveOf(stored, 0)).toString('utf8')) as { version: number };
    expect(file.version).toBe(ARCHIVE_VERSION);
    file.version = 1;
    expect(readArchive(gzipSync(JSON.stringify(file)))).toMatchObject({ ok: true });
  });

  it('travels in the archive and comes back with the restore', async () => {
    const h = await serve();
    await put(h, png());
    const stored = h.store.loadContest(h.contestId);
    if (!stored) return expect.fail('no contest');
    const target = openStore(':memory:');
    try {
      expect(restoreArchive(target, archiveOf(stored, 0))).toMatchObject({ ok: true });
      const logo = target.loadLogo(h.contestId);
      expect(logo?.bytes).toEqual(png());
      expect(target.listContests()[0].logoVersion).toBe(stored.logo?.version);
      expect(logoUrl(h.contestId, logo?.version ?? '')).toBe(h.room.facts().logoUrl);
    } finally {
      target.close();
    }
  });
});
