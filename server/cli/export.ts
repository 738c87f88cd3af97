// npm run export -- [--contest ID] [--out FILE.xlsx] [--csv DIR] [--data DIR]: writes the show's
// record (results, round scores, score record, buzz log, answers) from the command line.
// Without --contest, the newest contest; without --out or --csv, qiangda-<id>.xlsx here.
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { translate } from '../../shared/i18n/index.js';
import { tables, toCsv, toXlsx } from '../http/exports.js';
import { recordOf } from '../http/records.js';
import { cliLocale, contestAskedFor, openDataStore } from './data-folder.js';

export async function runExport(argv: string[], env: NodeJS.ProcessEnv, print: (line: string) => void): Promise<number> {
  const locale = cliLocale(env);
  const { values } = parseArgs({
    args: argv,
    options: { contest: { type: 'string' }, out: { type: 'string' }, csv: { type: 'string' }, data: { type: 'string' } },
    strict: true,
  });
  const store = openDataStore(values.data, env, print);
  if (!store) return 1;
  try {
    const { id, stored } = contestAskedFor(store, values.contest);
    if (!stored) {
      print(translate(locale, 'export.unknownContest', { id }));
      return 1;
    }
    const all = tables(recordOf(stored), { locale });
    if (values.csv) {
      mkdirSync(values.csv, { recursive: true });
      for (const table of all) {
        const file = join(values.csv, `qiangda-${stored.id}-${table.name}.csv`);
        writeFileSync(file, toCsv(table));
        print(translate(locale, 'export.written', { file }));
      }
    } else {
      const file = values.out ?? `qiangda-${stored.id}.xlsx`;
      writeFileSync(file, await toXlsx(all));
      print(translate(locale, 'export.written', { file }));
    }
    return 0;
  } finally {
    store.close();
  }
}

if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) {
  runExport(process.argv.slice(2), process.env, (line) => console.log(line)).then((code) => process.exit(code));
}
