// A real full disk for a store, without filling the machine's: PRAGMA max_page_count caps the
// file at its current size, so the next write that needs a new page fails with SQLITE_FULL.
// A small command could still fit in the space left on the log's last page, so that space is
// filled first with placeholder rows the next real command would have to go after; `free()`
// removes them and lifts the cap. Placeholders sit between the last real seq and the next
// (n < n + i/1e7 < n + 1): the log is only readable again after free().
import type { Store } from '../../server/storage/store.js';

export interface FullDisk {
  free(): void;
}

const NO_CAP = 1_073_741_823;

export function fillDisk(store: Store, contestId: string): FullDisk {
  const { db } = store;
  const last = (db.prepare('SELECT coalesce(max(seq), 0) AS n FROM commands WHERE contest_id = ?').get(contestId) as { n: number }).n;
  db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
  const placeholder = db.prepare("INSERT INTO commands (contest_id, seq, command) VALUES (?, ?, '')");
  try {
    for (let i = 1; i < 1e7; i++) placeholder.run(contestId, last + i / 1e7);
  } catch (error) {
    if ((error as { code?: string }).code !== 'SQLITE_FULL') throw error;
  }
  return {
    free() {
      db.prepare('DELETE FROM commands WHERE contest_id = ? AND seq > ? AND seq < ?').run(contestId, last, last + 1);
      db.pragma(`max_page_count = ${NO_CAP}`);
    },
  };
}
