// Branding in the settings form and the logo calls the staff pages make: the form keeps a file's
// branding as the server reads it and adds none the host did not set; the logo calls send the
// key they are given and bring every refusal back as its code.
import { describe, expect, it } from 'vitest';
import { translate } from '../../shared/i18n/index.js';
import { parseContestFile } from '../../server/setup/contest-file.js';
import { readContestFile } from '../../server/setup/demo.js';
import { fromSource, sameFile, toFile, type EditorNames } from '../../web/host/contest-editor.js';
import { logoApi, type Fetch } from '../../web/lib/logo-api.js';

const names: EditorNames = {
  round: (kind) => translate('zh', `round.kind.${kind}`),
  stage: translate('zh', 'editor.newStage'),
  seat: (n) => translate('zh', 'editor.newSeat', { n }),
};
const fallback = { title: '测试竞赛', seats: [{ name: '1号席', kind: 'individual' as const, phones: 1 }] };
const demo = () => readContestFile() as Record<string, unknown>;

describe('branding in the settings form', () => {
  it('loads and saves the demo\'s branding as the server reads it', () => {
    const model = fromSource(demo(), fallback, names);
    expect(model.branding).toEqual({ organiser: '中共XX市委组织部', coOrganiser: 'XX市委党校', subtitle: '学党史 悟思想 办实事 开新局', theme: 'red' });
    const saved = parseContestFile(toFile(model));
    const original = parseContestFile(demo());
    expect(saved.ok && original.ok && saved.file.branding).toEqual(original.ok && original.file.branding);
  });

  it('a file without branding saves without it; a theme or a name set by the host is saved, empty names left out', () => {
    const unbranded = demo();
    delete unbranded.branding;
    const model = fromSource(unbranded, fallback, names);
    expect(model.branding).toEqual({ organiser: '', coOrganiser: '', subtitle: '', theme: 'red' });
    expect(toFile(model)).not.toHaveProperty('branding');
    const edited = { ...model, branding: { ...model.branding, theme: 'blue' as const, subtitle: '决赛' } };
    expect(sameFile(edited, model)).toBe(false);
    expect(toFile(edited).branding).toEqual({ subtitle: '决赛', theme: 'blue' });
  });

  it('an unknown theme in a hand-written file shows as the default, and a contest made without a file has no branding', () => {
    expect(fromSource({ ...demo(), branding: { theme: 'green' } }, fallback, names).branding.theme).toBe('red');
    expect(toFile(fromSource(null, fallback, names))).not.toHaveProperty('branding');
  });
});

describe('logoApi', () => {
  const answer = (status: number, body: unknown): Fetch => async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  it('uploads the bytes as they are with the key header it was given, and removes', async () => {
    const calls: { url: string; init?: RequestInit }[] = [];
    const fetch: Fetch = async (url, init) => {
      calls.push({ url, init });
      return new Response(JSON.stringify({ logoUrl: init?.method === 'PUT' ? '/api/contests/c%201/logo?v=ab' : null }));
    };
    const api = logoApi(fetch, 'c 1', { 'x-qiangda-key': 'k' });
    const file = new Blob([new Uint8Array([0x89, 0x50])]);
    expect(await api.upload(file)).toEqual({ ok: true, logoUrl: '/api/contests/c%201/logo?v=ab' });
    expect(await api.remove()).toEqual({ ok: true, logoUrl: null });
    expect(calls.map((c) => [c.url, c.init?.method, new Headers(c.init?.headers).get('x-qiangda-key')])).toEqual([
      ['/api/contests/c%201/logo', 'PUT', 'k'],
      ['/api/contests/c%201/logo', 'DELETE', 'k'],
    ]);
    expect(calls[0].init?.body).toBe(file);
  });

  it('brings back the server\'s code, offline, or unavailable for an answer that is not ours', async () => {
    const file = new Blob(['x']);
    expect(await logoApi(answer(415, { error: 'logo-not-image' }), 'c', {}).upload(file)).toEqual({ ok: false, error: 'logo-not-image' });
    expect(await logoApi(answer(413, { error: 'logo-too-big' }), 'c', {}).upload(file)).toEqual({ ok: false, error: 'logo-too-big' });
    expect(await logoApi(async () => Promise.reject(new TypeError('failed')), 'c', {}).remove()).toEqual({ ok: false, error: 'offline' });
    expect(await logoApi(async () => new Response('<html>', { status: 502 }), 'c', {}).remove()).toEqual({ ok: false, error: 'unavailable' });
  });
});
