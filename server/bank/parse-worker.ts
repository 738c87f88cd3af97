// The worker thread that reads one bank file (see parse-isolated.ts): whatever the file does to
// this thread's memory or time, the show's thread is not touched.
import { parentPort, workerData } from 'node:worker_threads';
import { parseBankFile, type BankUpload } from './parse.js';

const file = workerData as BankUpload;
parentPort?.postMessage(await parseBankFile(file));
