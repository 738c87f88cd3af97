// npm run restore -- [--data DIR] FILE: puts an archived contest (.qiangda) back into a data
// folder, after checking its checksum and replaying its log. The folder is created if needed; a
// contest it already holds is refused, and so is a damaged or unwritable data file (untouched, with
// the same message as at the server's start). A running server lists it on the organiser page at once.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { translate, type MessageKey } from '../../shared/i18n/index.js';
import { restoreArchive } from '../storage/archive.js';
import { cliLocale, openDataStore } from './data-folder.js';

export function runRestore(argv: string[], env: NodeJS.ProcessEnv, print: (line: string) => void): number {
  const locale = cliLocale(env);
  const { values, positionals } = parseArgs({ args: argv, options: { data: { type: 'string' } }, allowPositionals: true, strict: true });
  const [file] = positionals;
  if (!file || positionals.length > 1) {
    print(translate(locale, 'archive.restoreUsage'));
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch {
    print(translate(locale, 'archive.cannotRead', { file }));
    return 1;
  }
  const store = openDataStore(values.data, env, print);
  if (!store) return 1;
  try {
    const restored = restoreArchive(store, bytes);
    if (!restored.ok) {
      const { refused } = restored;
      print(refused ? translate(locale, 'replay.archive.refused', { n: refused.index + 1, type: refused.type, error: refused.error }) : translate(locale, `error.${restored.error}` as MessageKey));
      return 1;
    }
    print(translate(locale, restored.closed ? 'archive.restoredClosed' : 'archive.restored', { title: restored.title, id: restored.id }));
    return 0;
  } finally {
    store.close();
  }
}

if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) {
  process.exit(runRestore(process.argv.slice(2), process.env, (line) => console.log(line)));
}
