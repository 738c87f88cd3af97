// The bank parser worker's entry (see parse-isolated.ts). Plain JavaScript, so a bare Node worker can
// start it under `npm start`, vitest or the CLI alike; it registers tsx's public loader, which
// resolves here with the `import` condition, then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
