// Reading a bank file in a worker thread with a memory cap and a deadline, one file at a time,
// so that a hostile upload (a zip bomb, a million rows) is refused without stalling or killing
// the contests that run in this process.
import { Worker } from 'node:worker_threads';
import type { Clock } from '../clock.js';
import { detectFormat, MAX_FILE_BYTES, parseBankFile, type BankUpload, type ParsedBank } from './parse.js';
import type { FileErrorCode } from './validate.js';

export interface ParseLimits {
  /** The worker's JavaScript heap, in MB. */
  memoryMb: number;
  /** How long one file may take, in ms of the clock. */
  timeoutMs: number;
}

/** Generous for a 10 MB file of 5,000 questions (~1 s, well under 100 MB), tight for a hostile one. */
export const PARSE_LIMITS: ParseLimits = { memoryMb: 192, timeoutMs: 20_000 };

export type BankParser = (file: BankUpload) => Promise<ParsedBank>;

/** Plain JavaScript that registers tsx, then loads the TypeScript worker: needs no loader from this thread. */
const workerEntry = new URL('./parse-worker-boot.mjs', import.meta.url);

const refusal = (file: BankUpload, code: FileErrorCode, params: Record<string, number>): ParsedBank => ({
  format: detectFormat(file),
  rows: [],
  ignoredColumns: [],
  errors: [{ row: 0, column: null, code, params }],
});

/** Files read or waiting at once; more are refused, so queued uploads hold at most ~50 MB. */
export const MAX_PENDING_FILES = 5;

/** A parser that reads each file in its own worker, queued so at most one worker runs at a time. */
export function isolatedParser(clock: Clock, limits: ParseLimits = PARSE_LIMITS): BankParser {
  let queue: Promise<unknown> = Promise.resolve();
  let pending = 0;
  return (file) => {
    if (pending >= MAX_PENDING_FILES) return Promise.resolve(refusal(file, 'parse-busy', {}));
    pending++;
    const run = queue.then(() => parseInWorker(file, clock, limits)).finally(() => pending--);
    queue = run.catch(() => undefined);
    return run;
  };
}

/** One file in one worker; refused when the worker runs out of memory or time. */
export function parseInWorker(file: BankUpload, clock: Clock, limits: ParseLimits): Promise<ParsedBank> {
  // The cheap refusals need no worker.
  if (file.bytes.length > MAX_FILE_BYTES || file.bytes.length === 0) return parseBankFile(file);
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerEntry, {
      workerData: file,
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 },
    });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      cancelDeadline();
      void worker.terminate();
      outcome();
    };
    const cancelDeadline = clock.schedule(clock.now() + limits.timeoutMs, () =>
      settle(() => resolve(refusal(file, 'parse-timeout', { seconds: Math.round(limits.timeoutMs / 1000) }))),
    );
    worker.on('message', (parsed: ParsedBank) => settle(() => resolve(parsed)));
    worker.on('error', (error: Error & { code?: string }) =>
      settle(() =>
        error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? resolve(refusal(file, 'parse-too-much-memory', { maxMb: limits.memoryMb })) : reject(error),
      ),
    );
    worker.on('exit', (code) => settle(() => reject(new Error(`bank parser exited with code ${code} before answering`))));
  });
}
