// npm run bank:check -- FILE: checks an organiser's bank file (Excel, CSV or JSON) before it goes
// near a contest and prints the quality report, in Chinese (QIANGDA_LANG=en for English). Reads
// only the file: nothing is imported. Exit code 1 when anything needs work.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { translate } from '../../shared/i18n/index.js';
import { checkBankFile, checkLines } from '../bank/check-file.js';
import { isolatedParser } from '../bank/parse-isolated.js';
import { realClock } from '../clock.js';
import { cliLocale } from './data-folder.js';

/** Checks one file; returns the exit code (2: usage, 1: problems or unreadable, 0: fit to use). */
export async function runCheckBank(argv: string[], env: NodeJS.ProcessEnv, print: (line: string) => void): Promise<number> {
  const locale = cliLocale(env);
  const files = argv.filter((a) => a !== '--');
  if (files.length !== 1 || files[0].startsWith('-')) {
    print(translate(locale, 'bankCheck.usage'));
    return 2;
  }
  const [file] = files;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch (error) {
    print(translate(locale, 'bankCheck.cannot-read', { file, reason: error instanceof Error ? error.message : String(error) }));
    return 1;
  }
  const checked = await checkBankFile({ name: basename(file), bytes }, isolatedParser(realClock()));
  const { lines, problems } = checkLines(locale, checked);
  for (const line of lines) print(line);
  return problems ? 1 : 0;
}

if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) {
  process.exitCode = await runCheckBank(process.argv.slice(2), process.env, (line) => console.log(line));
}
