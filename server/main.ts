// Starts Qiangda: the only place that reads the real clock, opens files and listens on a port.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type RequestHandler } from 'express';
import QRCode from 'qrcode';
import { translate, type Locale } from '../shared/i18n/index.js';
import { createApp } from './app.js';
import { DEFAULT_AUDIENCE_PROCESSES } from './audience/audience-process.js';
import { BUNDLED_BANK, seedBankIfEmpty } from './bank/bank.js';
import { openBank } from './bank/store.js';
import { realClock } from './clock.js';
import { readConfig } from './setup/config.js';
import { readContestFile } from './setup/demo.js';
import { startContest } from './setup/start-contest.js';
import { publicUrlFor } from './setup/network.js';
import { openCheckedStore, storeOpenMessage, StoreOpenError } from './storage/store-check.js';
import { terminalLocale } from './setup/terminal-locale.js';
import { judgesAccess } from './realtime/judge-access.js';
import { formatJoinCode } from '../shared/join-code.js';
import { ScaleOut } from './scale/scale-out.js';

const WEB_ROOT = fileURLToPath(new URL('../dist/web', import.meta.url));

async function webHandler(dev: boolean): Promise<RequestHandler> {
  if (dev) {
    const { createServer } = await import('vite');
    const vite = await createServer({ server: { middlewareMode: true }, appType: 'mpa' });
    return vite.middlewares;
  }
  if (!existsSync(join(WEB_ROOT, 'index.html'))) throw new Error(translate(locale, 'terminal.noBuild'));
  return express.static(WEB_ROOT);
}

const locale: Locale = terminalLocale();
const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(locale, key, params);

async function main(): Promise<void> {
  const config = readConfig(process.argv.slice(2), process.env);
  // A damaged or unwritable file stops the start here, untouched, with what to do about it.
  const store = openCheckedStore(join(config.dataDir, 'qiangda.db'));
  const publicUrl = publicUrlFor(config.port, config.publicUrl);
  const bank = openBank(store);
  seedBankIfEmpty(bank, config.bank ?? BUNDLED_BANK);
  const scale = config.redis ? await ScaleOut.connect(config.redis) : undefined;
  const app = createApp({
    ...(scale && { scale }),
    store,
    bank,
    clock: realClock(),
    publicUrl,
    web: await webHandler(config.dev),
    log: (message) => console.error(message),
    dev: config.dev,
    audienceProcess: !config.audienceInProcess,
    audienceProcesses: config.audienceProcesses ?? DEFAULT_AUDIENCE_PROCESSES,
    edge: {
      trustedProxies: config.trustProxy,
      allowedOrigins: config.allowedOrigins,
      ...(config.maxSocketsPerAddress ? { maxSocketsPerAddress: config.maxSocketsPerAddress } : {}),
    },
  });

  // A closed contest is read-only: the show goes on with the newest open one (or the one started
  // from the file named), or a new one.
  const started = startContest(app.contests, store, { file: config.contest, fresh: config.fresh, read: readContestFile });
  if (!started.ok) throw new Error(started.issues.map((i) => (locale === 'en' ? i.en : i.zh)).join('\n'));
  const { id: contestId, resumed } = started;
  // With Redis, the contest's engine runs here only if no other process holds it.
  if (scale) await scale.claim(contestId);
  const room = app.contests.get(contestId);
  if (!room) throw new Error(`contest ${contestId} could not be opened`);

  await app.audience?.started;
  await new Promise<void>((resolve) => app.http.listen(config.port, config.host, resolve));
  const joinUrl = app.contests.joinUrl(room.id);
  const qr = await QRCode.toString(joinUrl, { type: 'terminal', small: true });
  // Each judge's own link and code (secrets like the host key), then where to print their cards.
  const { judges, cardsUrl } = judgesAccess(app.contests, room);
  const judgeLines = judges.length
    ? ['', `  ${t('terminal.judges')}`, ...judges.map((j) => `    ${t('terminal.judge', { name: j.name, code: formatJoinCode(j.code), link: j.link })}`), `  ${t('terminal.judgeCards')}  ${cardsUrl}`]
    : [];
  console.log(
    [
      '',
      t(resumed ? 'terminal.resumed' : 'terminal.created', { title: room.state.definition.title }),
      '',
      `  ${t('terminal.host')}  ${app.contests.hostUrl(room)}`,
      `  ${t('terminal.screen')}  ${app.contests.screenUrl(room.id)}`,
      `  ${t('terminal.join')}  ${joinUrl}`,
      `  ${t('terminal.organiser')}  ${app.contests.organiserUrl()}`,
      ...judgeLines,
      '',
      t('terminal.scan'),
      qr,
      t('terminal.hint'),
    ].join('\n'),
  );

  const stop = async () => {
    await scale?.close();
    await app.close();
    store.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof StoreOpenError ? storeOpenMessage(locale, error) : error instanceof Error ? error.message : error);
  process.exit(1);
});
