// Child process of the hostile-uploads benchmark: uploads a zip bomb and a million-row CSV with
// a host key, over and over, until told to stop; then reports the refusal codes it got.
import { HOST_KEY_HEADER } from '../../server/bank/routes.js';
import { millionRowCsv, zipBombXlsx } from '../support/zip-bomb.js';

interface Job {
  url: string;
  contestId: string;
  hostKey: string;
}

async function upload(job: Job, name: string, body: Uint8Array<ArrayBuffer>): Promise<string> {
  const params = new URLSearchParams({ c: job.contestId, mode: 'all', name });
  const res = await fetch(`${job.url}/api/bank/import?${params}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', [HOST_KEY_HEADER]: job.hostKey },
    body,
  });
  const report = (await res.json()) as { errors: { code: string }[] };
  return report.errors.map((e) => e.code).join(',');
}

let stopped = false;
process.on('message', (m: Job | 'stop') => {
  if (m === 'stop') return void (stopped = true);
  void (async () => {
    const bomb = new Uint8Array(await zipBombXlsx(467));
    const rows = new Uint8Array(millionRowCsv());
    process.send?.({ ready: true, bombBytes: bomb.length, csvBytes: rows.length });
    const refusals: Record<string, number> = {};
    while (!stopped) {
      for (const code of await Promise.all([upload(m, 'bomb.xlsx', bomb), upload(m, 'rows.csv', rows)])) refusals[code] = (refusals[code] ?? 0) + 1;
    }
    process.send?.({ refusals });
  })();
});
