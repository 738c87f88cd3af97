// Whether a room's writes are being kept. Every write goes through `write`: a failure is recorded
// (kind and since when) and printed once, not once per retry; the next write that succeeds ends
// it. There is no separate probe: while a failure lasts each refused change tries the disk again,
// and the deadline tick, which retries every second, doubles as one while a countdown runs.
// A corrupt file is the exception: no further write is tried (one could spread the damage);
// the server has to be restarted, and its start-up check says what to do with the file.
import { translate, type Locale, type MessageKey } from '../../shared/i18n/index.js';
import type { StorageProblem } from '../../shared/storage-problem.js';
import type { Clock } from '../clock.js';
import { FencedOut } from './fencing.js';
import { classifyStorageError, describeError } from './storage-problem.js';
import { terminalLocale } from '../setup/terminal-locale.js';

export class StorageHealth {
  /** The failure going on now, or null while writes are kept. */
  problem: StorageProblem | null = null;
  /** The last write was refused because another process owns the contest now (scale-out's
   * fencing): the page is told to try again (internal-error), not that the disk failed. */
  movedAway = false;
  /** The log's last sync failed: only a sync that succeeds ends the problem, not a write. */
  private syncFailing = false;

  constructor(
    /** Names the contest in the terminal. */
    private readonly contestId: string,
    private readonly clock: Clock,
    private readonly log: (message: string) => void = () => {},
    private readonly locale: Locale = terminalLocale(),
  ) {}

  /** Runs one write; true if it was kept. `what` names the write for the terminal. */
  write(what: string, run: () => void): boolean {
    if (this.problem?.kind === 'corrupt') return false;
    this.movedAway = false;
    try {
      run();
    } catch (error) {
      // Another process owns the contest now (scale-out's fencing): the disk is fine, and this
      // process is giving the contest up; the write is refused all the same.
      this.movedAway = error instanceof FencedOut;
      if (!this.movedAway) this.failed(what, error);
      return false;
    }
    if (this.problem && !this.syncFailing) this.recovered();
    return true;
  }

  /** The group commit's sync of this contest's commands ended: null if they are on disk. */
  synced(error: unknown): void {
    if (error === null) {
      this.syncFailing = false;
      if (this.problem) this.recovered();
      return;
    }
    this.syncFailing = true;
    this.failed('log sync', error);
  }

  private failed(what: string, error: unknown): void {
    const kind = classifyStorageError(error);
    // The same failure again (a retry, the next refused command) is already on the console.
    if (this.problem?.kind === kind) return;
    this.problem = { kind, since: this.problem?.since ?? this.clock.now() };
    this.log(
      this.t('terminal.storageFailed', {
        contest: this.contestId,
        problem: this.t(`storage.problem.${kind}`),
        what,
        detail: describeError(error),
        advice: this.t(`storage.advice.${kind}`),
      }),
    );
  }

  private recovered(): void {
    const seconds = Math.max(0, Math.round((this.clock.now() - (this.problem?.since ?? 0)) / 1000));
    this.problem = null;
    this.log(this.t('terminal.storageRecovered', { contest: this.contestId, seconds }));
  }

  private t(key: MessageKey, params?: Record<string, string | number>): string {
    return translate(this.locale, key, params);
  }
}
