// Copies the log (SQLite's write-ahead file) into the database file on a thread of its own,
// ahead of SQLite's own checkpoint.
//
// Why: SQLite checkpoints inside whichever commit takes the write-ahead file past 1,000 pages.
// The log's INSERT runs on the event loop, so that commit copied the pages and synced the
// database while every phone waited: under 200 busy contests, a 5-45 ms stop about once a
// second. A second connection, on this thread, checkpoints PASSIVE every few hundred commands:
// it copies what no reader still needs and never blocks the writer. The stage's own checkpoint
// still runs once the file holds 1,000 pages, and finds most of them copied and synced already.
//
// Why not leave it all to the thread: the next commit starts the write-ahead file over only once
// a checkpoint has copied all of it. Under a steady stream of presses something is nearly always
// written while the thread copies, and in the many-contests benchmark the file grew to 20,000
// pages without the writer's own checkpoint; the writer's runs between two commits and finishes.
// The writer's checkpoint still syncs both files when any page is left, so its stops are
// shorter and rarer (in that benchmark, INSERTs over 5 ms fell from about 40 to about 10 a
// minute), not gone. SQLite syncs the write-ahead file before every copy and the database after
// it, so durability is unchanged; the log's group commit (group-commit.ts) does not depend on
// checkpoints.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How long closing waits for the thread's connection to close (a checkpoint under way finishes
 * first), so the stage's connection is the last one and folds the write-ahead file back into the
 * database, as it did before. */
const CLOSE_WAIT_MS = 2_000;

// The thread's code is plain JavaScript, evaluated: Node 20's worker threads cannot load the
// TypeScript loader (tsx) the server runs under. It only runs the pragma it is asked for.
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlite);
const db = new Database(workerData.file);
parentPort.postMessage({ ready: true });
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    Atomics.store(workerData.closed, 0, 1);
    Atomics.notify(workerData.closed, 0);
    parentPort.close();
    return;
  }
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ pages: result.checkpointed, of: result.log });
  } catch (error) {
    parentPort.postMessage({ error: String(error) });
  }
});
`;

export interface Checkpointed {
  /** Pages copied into the database file so far, of the pages the write-ahead file holds. */
  pages: number;
  of: number;
}

export class Checkpointer {
  private thread: Worker | null = null;
  private readonly closed = new Int32Array(new SharedArrayBuffer(4));
  /** The thread has opened its connection: closing waits for it to close it. */
  private ready = false;
  private running = false;
  /** Asked while one ran: one more follows it, for what was written meanwhile. */
  private again = false;
  private failed = false;

  constructor(
    private readonly file: string,
    private readonly log: (message: string) => void,
    /** Told after each checkpoint (tests wait on it). */
    private readonly onCheckpoint: (done: Checkpointed) => void = () => {},
  ) {}

  /** Starts a checkpoint on the thread (the thread itself on the first call), unless one runs. */
  ask(): void {
    if (this.failed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    try {
      this.start().postMessage('checkpoint');
    } catch (error) {
      // No thread could be made: the command is in the log all the same, and SQLite checkpoints.
      this.fail(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** Closes the thread's connection and waits for it, so the caller's connection closes last.
   * A thread still starting, or already gone, is stopped without waiting: the caller's
   * connection may then not be the last, and SQLite folds the file back at the next opening. */
  close(): void {
    const thread = this.thread;
    this.thread = null;
    this.failed = true;
    if (!thread) return;
    if (!this.ready) return void thread.terminate();
    thread.postMessage('close');
    if (Atomics.wait(this.closed, 0, 0, CLOSE_WAIT_MS) === 'timed-out') {
      this.log('checkpoint thread: its connection did not close in time; it is stopped');
      void thread.terminate();
    }
  }

  private start(): Worker {
    if (this.thread) return this.thread;
    const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
    const thread = new Worker(THREAD, { eval: true, workerData: { file: this.file, sqlite, closed: this.closed } });
    // It never keeps the server alive: closing the store ends it.
    thread.unref();
    thread.on('message', (m: Checkpointed | { error: string } | { ready: true }) => {
      if ('ready' in m) return void (this.ready = true);
      this.running = false;
      if ('error' in m) this.log(`checkpoint: ${m.error}`);
      else this.onCheckpoint(m);
      if (this.again) {
        this.again = false;
        this.ask();
      }
    });
    thread.on('error', (error) => this.fail(error));
    thread.on('exit', (code) => code !== 0 && this.fail(new Error(`exited with ${code}`)));
    this.thread = thread;
    return thread;
  }

  private fail(error: Error): void {
    if (this.failed) return;
    this.failed = true;
    this.running = false;
    this.thread = null;
    // SQLite's own checkpoint, on the event loop, does all the copying again: slower, still safe.
    this.log(`checkpoint thread failed (${error.message}); the log checkpoints on the event loop alone`);
  }
}
