// npm run bank:import -- FILE [--check] [--valid-rows] [--data DIR]: imports a bank file into
// the server's SQLite file from the command line and prints the report (QIANGDA_LANG=en for English).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { translate } from '../../shared/i18n/index.js';
import { importQuestions, reportLines, type ImportMode } from '../bank/import.js';
import { isolatedParser } from '../bank/parse-isolated.js';
import { openBank } from '../bank/store.js';
import { realClock } from '../clock.js';
import { cliLocale, openDataStore } from './data-folder.js';

/** Runs one import; returns the exit code (1 when nothing was imported because of errors). */
export async function runImportBank(argv: string[], env: NodeJS.ProcessEnv, print: (line: string) => void): Promise<number> {
  const locale = cliLocale(env);
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: { check: { type: 'boolean', default: false }, 'valid-rows': { type: 'boolean', default: false }, data: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
  } catch {
    print(translate(locale, 'bank.cli.usage'));
    return 2;
  }
  const [file] = args.positionals;
  if (!file || args.positionals.length > 1) {
    print(translate(locale, 'bank.cli.usage'));
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch (error) {
    print(translate(locale, 'bank.cli.cannot-read', { file, reason: error instanceof Error ? error.message : String(error) }));
    return 1;
  }
  const mode: ImportMode = args.values.check ? 'check' : args.values['valid-rows'] ? 'valid-rows' : 'all';
  const store = openDataStore(args.values.data, env, print);
  if (!store) return 1;
  try {
    const bank = openBank(store);
    const report = await importQuestions(bank, { name: basename(file), bytes }, mode, isolatedParser(realClock()));
    for (const line of reportLines(locale, report, bank.count())) print(line);
    const failed = report.outcome !== 'imported' && report.outcome !== 'checked';
    return failed || (mode === 'check' && report.errors.length > 0) ? 1 : 0;
  } finally {
    store.close();
  }
}

if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) {
  process.exitCode = await runImportBank(process.argv.slice(2), process.env, (line) => console.log(line));
}
