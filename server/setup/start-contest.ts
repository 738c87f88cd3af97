// Which contest `npm start` opens. Without `--contest`, the newest one not closed (a restart picks
// up the show where it stopped), else a new demo. With `--contest FILE`, the contest last started
// from that file while it is not closed, else a new one from the file: naming a file never
// resumes some other contest that happens to be newer (the demo of an earlier run, say).
import { resolve } from 'node:path';
import type { Contests } from '../rooms/contests.js';
import type { DefinitionIssue } from '../../shared/protocol.js';
import type { Store } from '../storage/store.js';

export type StartedContest = { ok: true; id: string; resumed: boolean } | { ok: false; issues: DefinitionIssue[] };

export interface StartOptions {
  /** The contest file named on the command line, or undefined for the demo. */
  file: string | undefined;
  /** `--fresh`: always a new contest. */
  fresh: boolean;
  /** Reads and parses a contest file (the demo's when given undefined). */
  read: (file: string | undefined) => unknown;
}

/** The settings row that remembers which contest was last started from a file. */
const startedFrom = (file: string) => `contest-file:${resolve(file)}`;

/** Resumes the contest the command line means, or creates it; a refused file gives its issues. */
export function startContest(contests: Contests, store: Store, { file, fresh, read }: StartOptions): StartedContest {
  if (!fresh) {
    const resumable = file === undefined ? contests.newestOpen() : store.setting(startedFrom(file));
    if (resumable !== null && contests.listOpen().some((c) => c.id === resumable)) return { ok: true, id: resumable, resumed: true };
  }
  const created = contests.createFromFile(read(file));
  if (!created.ok) return created;
  if (file !== undefined) store.saveSetting(startedFrom(file), created.id);
  return { ok: true, id: created.id, resumed: false };
}
