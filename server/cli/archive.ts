// npm run archive -- [--data DIR] [--contest ID] [--out FILE]: writes one contest, its whole log
// and its secrets to one file (.qiangda) to keep or to restore elsewhere (npm run restore).
// Without --contest, the newest contest; without --out, <title>-<date>.qiangda here.
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { translate } from '../../shared/i18n/index.js';
import { archiveFileName, archiveOf } from '../storage/archive.js';
import { cliLocale, contestAskedFor, openDataStore } from './data-folder.js';

export function runArchive(argv: string[], env: NodeJS.ProcessEnv, print: (line: string) => void, now: () => number = Date.now): number {
  const locale = cliLocale(env);
  const { values } = parseArgs({
    args: argv,
    options: { contest: { type: 'string' }, out: { type: 'string' }, data: { type: 'string' } },
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
    const file = values.out ?? archiveFileName(stored);
    writeFileSync(file, archiveOf(stored, now()));
    print(translate(locale, 'archive.written', { title: stored.definition.title, file, commands: stored.commands.length }));
    return 0;
  } finally {
    store.close();
  }
}

if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) {
  process.exit(runArchive(process.argv.slice(2), process.env, (line) => console.log(line)));
}
