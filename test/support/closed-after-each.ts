// What a server test opens on real files and has closed after each test: its servers, then their
// stores, then the temporary folders the files were in (in that order: a store outlives its
// server, a folder its store).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Store } from '../../server/storage/store.js';
import type { Harness } from './harness.js';

export function closedAfterEach(): { harnesses: Harness[]; stores: Store[]; tempDir(prefix: string): string } {
  const harnesses: Harness[] = [];
  const stores: Store[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    for (const h of harnesses.splice(0)) await h.close();
    for (const s of stores.splice(0)) if (s.db.open) s.close();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return {
    harnesses,
    stores,
    /** A new empty folder under the system's temporary one, removed after the test. */
    tempDir(prefix) {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      dirs.push(dir);
      return dir;
    },
  };
}
