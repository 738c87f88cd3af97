// The demo contest `npm start` runs: a definition file shipped with the project.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const DEMO_FILE = fileURLToPath(new URL('../contests/demo.json', import.meta.url));

/** The demo contest file, unparsed: it goes through the same checks as any organiser's file. */
export function readContestFile(file = DEMO_FILE): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}
