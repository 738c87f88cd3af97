// One replay on the server (RULES.md D3, D4): a stored log with a refused command is reported by
// the room at start-up, by the export, and refused on restore; each contest's rules version.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { CommandError } from '../../shared/contest/commands.js';
import { CURRENT_RULES_VERSION } from '../../shared/contest/replay.js';
import { translate } from '../../shared/i18n/index.js';
import { ORGANISER_KEY_HEADER } from '../../shared/organiser.js';
import { archiveOf, restoreArchive } from '../../server/storage/archive.js';
import { runRestore } from '../../server/cli/restore.js';
import { readContestFile } from '../../server/setup/demo.js';
import { tables } from '../../server/http/exports.js';
import { recordOf } from '../../server/http/records.js';
import { openStore, type Store, type StoredContest } from '../../server/storage/store.js';
import { terminalLocale } from '../../server/setup/terminal-locale.js';
import { FakeClock } from '../support/fake-clock.js';
import { startServer, type Harness } from '../support/harness.js';

const harnesses: Harness[] = [];
const stores: Store[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
  for (const s of stores.splice(0)) if (s.db.open) s.close();
});

const freshStore = () => {
  const store = openStore(':memory:');
  stores.push(store);
  return store;
};
const server = async (...args: Parameters<typeof startServer>) => {
  const h = await startServer(...args);
  harnesses.push(h);
  return h;
};
const loaded = (store: Store, id: string): StoredContest => {
  const stored = store.loadContest(id);
  if (!stored) throw new Error(`no contest ${id}`);
  return stored;
};
const notes = (stored: StoredContest, locale: 'zh' | 'en' = 'zh') => tables(recordOf(stored), { locale }).find((t) => t.name === 'results')?.notes;

/** A contest whose log holds two accepted commands and then one the engine refuses (an undo with
 * nothing to undo), as a log written under other rules, or edited, would. */
async function spoiledLog(): Promise<{ store: Store; clock: FakeClock; id: string }> {
  const store = freshStore();
  const clock = new FakeClock();
  const h = await server({ store, clock });
  for (const type of ['question:next', 'question:next'] as const) expect(h.room.submit({ type })).toEqual({ ok: true });
  await h.close();
  harnesses.splice(harnesses.indexOf(h), 1);
  store.appendCommand(h.contestId, loaded(store, h.contestId).commands.length + 1, { type: 'ruling:undo', at: clock.now() });
  return { store, clock, id: h.contestId };
}

describe('[D3] a log with a refused command', () => {
  it('[D3] the room goes on from what replays and prints the refused command on the terminal at start-up', async () => {
    const { store, clock, id } = await spoiledLog();
    const lines: string[] = [];
    const h = await server({ store, clock, log: (line) => lines.push(line) });
    expect(h.contestId).toBe(id);
    expect(h.room.state.question?.index).toBe(0);
    expect(lines).toContain(translate(terminalLocale(), 'replay.refused.terminal', { contest: id, n: 3, type: 'ruling:undo', error: CommandError.NothingToUndo }));
    // The show goes on.
    expect(h.room.submit({ type: 'buzzers:open' })).toEqual({ ok: true });
  });

  it('[D3] the export still works and names the command it left out', async () => {
    const { store, id } = await spoiledLog();
    const record = recordOf(loaded(store, id));
    expect(record.refused).toEqual([{ index: 2, type: 'ruling:undo', error: CommandError.NothingToUndo }]);
    expect(notes(loaded(store, id))).toEqual([
      ['规则版本', 1],
      [translate('zh', 'replay.export.refused', { n: 3, type: 'ruling:undo', error: CommandError.NothingToUndo })],
    ]);
  });

  it('[D3] a restore refuses the archive with archive-replay, naming the command, and writes nothing', async () => {
    const { store, clock, id } = await spoiledLog();
    const bytes = archiveOf(loaded(store, id), 0);
    const target = freshStore();
    const wire = { error: 'archive-replay', refused: { index: 2, type: 'ruling:undo', error: CommandError.NothingToUndo } };
    expect(restoreArchive(target, bytes)).toEqual({ ok: false, ...wire });
    expect(target.listContests()).toEqual([]);

    const h = await server({ store: freshStore(), clock });
    const answer = await fetch(`${h.url}/api/contests/restore`, {
      method: 'POST',
      body: new Uint8Array(bytes),
      headers: { [ORGANISER_KEY_HEADER]: h.app.contests.organiserKey(), 'content-type': 'application/octet-stream' },
    });
    expect([answer.status, await answer.json()]).toEqual([400, wire]);
    expect(h.store.loadContest(id)).toBeNull();
  });

  it('[D3] npm run restore names the refused command too', async () => {
    const { store, id } = await spoiledLog();
    const dir = mkdtempSync(join(tmpdir(), 'qiangda-replay-'));
    try {
      const file = join(dir, 'show.qiangda');
      writeFileSync(file, archiveOf(loaded(store, id), 0));
      const lines: string[] = [];
      expect(runRestore(['--data', join(dir, 'data'), file], { QIANGDA_LANG: 'en' }, (line) => lines.push(line))).toBe(1);
      expect(lines.at(-1)).toBe('Logged command 3 (ruling:undo) in the archive is refused on replay (nothing-to-undo). Not restored');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('[D4] rules version', () => {
  it('[D4] a new contest is played under the current rules; it survives archive and restore and shows in the export', async () => {
    const h = await server();
    const created = h.app.contests.createFromFile(readContestFile());
    if (!created.ok) throw new Error('demo refused');
    const stored = loaded(h.store, created.id);
    expect(stored.definition.rulesVersion).toBe(CURRENT_RULES_VERSION);
    const target = freshStore();
    expect(restoreArchive(target, archiveOf(stored, 0))).toMatchObject({ ok: true });
    expect(loaded(target, created.id).definition.rulesVersion).toBe(2);
    expect(notes(stored, 'en')).toEqual([['Rules version', 2], [translate('en', 'replay.export.complete')]]);
  });

  it('[D4] an archive from before versions were recorded still restores, as version 1', async () => {
    const h = await server();
    expect(h.room.submit({ type: 'question:next' })).toEqual({ ok: true });
    const stored = loaded(h.store, h.contestId);
    const file = JSON.parse(gunzipSync(archiveOf(stored, 0)).toString('utf8'));
    expect(file.contest.definition).not.toHaveProperty('rulesVersion');
    const target = freshStore();
    expect(restoreArchive(target, gzipSync(JSON.stringify(file)))).toMatchObject({ ok: true });
    expect(notes(loaded(target, h.contestId))?.[0]).toEqual(['规则版本', 1]);
  });

  it('[D4] an archive played under rules newer than this server knows is not read', async () => {
    const h = await server();
    const file = JSON.parse(gunzipSync(archiveOf(loaded(h.store, h.contestId), 0)).toString('utf8'));
    file.contest.definition.rulesVersion = CURRENT_RULES_VERSION + 1;
    file.sha256 = createHash('sha256').update(JSON.stringify(file.contest)).digest('hex');
    expect(restoreArchive(freshStore(), gzipSync(JSON.stringify(file)))).toEqual({ ok: false, error: 'archive-invalid' });
  });
});
