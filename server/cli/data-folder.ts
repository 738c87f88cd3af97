// What the command-line tools share: the data folder's SQLite file, opened with the same checks
// as the server's start (a damaged or unwritable file is named and left untouched), the language
// they print in, and the contest they were asked for.
import { join } from 'node:path';
import type { Locale } from '../../shared/i18n/index.js';
import type { Store, StoredContest } from '../storage/store.js';
import { openCheckedStore, storeOpenMessage, StoreOpenError } from '../storage/store-check.js';
import { terminalLocale } from '../setup/terminal-locale.js';

export const cliLocale = (env: NodeJS.ProcessEnv): Locale => terminalLocale(env);

/** The store of `--data DIR` (or QIANGDA_DATA, or ./data); null, with the reason printed, if its
 * file cannot be used. */
export function openDataStore(dataDir: string | undefined, env: NodeJS.ProcessEnv, print: (line: string) => void): Store | null {
  const file = join(dataDir ?? env.QIANGDA_DATA ?? 'data', 'qiangda.db');
  try {
    return openCheckedStore(file);
  } catch (error) {
    if (!(error instanceof StoreOpenError)) throw error;
    print(storeOpenMessage(cliLocale(env), error));
    return null;
  }
}

/** The contest `--contest ID` names, or the newest in the folder. */
export function contestAskedFor(store: Store, id: string | undefined): { id: string; stored: StoredContest | null } {
  const wanted = id ?? store.listContests()[0]?.id ?? '';
  return { id: wanted, stored: store.loadContest(wanted) };
}
