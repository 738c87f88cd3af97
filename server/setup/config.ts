// Command-line flags and environment variables, read once at start. See README "Configuration".
import { parseArgs } from 'node:util';

export interface Config {
  port: number;
  host: string;
  publicUrl: string | undefined;
  dataDir: string;
  bank: string | undefined;
  /** Contest file for a new contest; the demo when not given. */
  contest: string | undefined;
  fresh: boolean;
  dev: boolean;
  /** Reverse proxies whose X-Forwarded-For is believed. */
  trustProxy: string[];
  /** Origins besides the public URL whose pages may use the server. */
  allowedOrigins: string[];
  maxSocketsPerAddress: number | undefined;
  /** Redis URL: several processes share pages and hand contests over (server/scale/). */
  redis: string | undefined;
  /** Serve the online audience in this process (no audience process of its own). */
  audienceInProcess: boolean;
  /** How many audience processes; one per core but one (at least one, at most four) if not given. */
  audienceProcesses: number | undefined;
}

const list = (flags: string[] | undefined, env: string | undefined): string[] =>
  (flags ?? (env ? [env] : [])).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);

export function readConfig(argv: string[], env: NodeJS.ProcessEnv): Config {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'public-url': { type: 'string' },
      data: { type: 'string' },
      bank: { type: 'string' },
      contest: { type: 'string' },
      fresh: { type: 'boolean', default: false },
      dev: { type: 'boolean', default: false },
      'trust-proxy': { type: 'string', multiple: true },
      'allowed-origin': { type: 'string', multiple: true },
      'max-sockets-per-address': { type: 'string' },
      redis: { type: 'string' },
      'audience-in-process': { type: 'boolean', default: false },
      'audience-processes': { type: 'string' },
    },
    strict: true,
  });
  const port = Number(values.port ?? env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port: ${values.port ?? env.PORT}`);
  const cap = values['max-sockets-per-address'] ?? env.QIANGDA_MAX_SOCKETS_PER_ADDRESS;
  const maxSocketsPerAddress = cap === undefined ? undefined : Number(cap);
  if (maxSocketsPerAddress !== undefined && !(Number.isInteger(maxSocketsPerAddress) && maxSocketsPerAddress > 0)) {
    throw new Error(`invalid --max-sockets-per-address: ${cap}`);
  }
  const processes = values['audience-processes'] ?? env.QIANGDA_AUDIENCE_PROCESSES;
  const audienceProcesses = processes === undefined ? undefined : Number(processes);
  if (audienceProcesses !== undefined && !(Number.isInteger(audienceProcesses) && audienceProcesses >= 1 && audienceProcesses <= 64)) {
    throw new Error(`invalid --audience-processes: ${processes}`);
  }
  return {
    port,
    host: values.host ?? env.QIANGDA_HOST ?? '0.0.0.0',
    publicUrl: values['public-url'] ?? env.QIANGDA_PUBLIC_URL,
    dataDir: values.data ?? env.QIANGDA_DATA ?? 'data',
    bank: values.bank ?? env.QIANGDA_BANK,
    contest: values.contest ?? env.QIANGDA_CONTEST,
    fresh: values.fresh ?? false,
    dev: values.dev ?? false,
    trustProxy: list(values['trust-proxy'], env.QIANGDA_TRUST_PROXY),
    allowedOrigins: list(values['allowed-origin'], env.QIANGDA_ALLOWED_ORIGIN),
    maxSocketsPerAddress,
    redis: values.redis ?? env.QIANGDA_REDIS,
    audienceInProcess: values['audience-in-process'] === true || env.QIANGDA_AUDIENCE_IN_PROCESS === '1',
    audienceProcesses,
  };
}
