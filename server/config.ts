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
}

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
    },
    strict: true,
  });
  const port = Number(values.port ?? env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port: ${values.port ?? env.PORT}`);
  return {
    port,
    host: values.host ?? env.QIANGDA_HOST ?? '0.0.0.0',
    publicUrl: values['public-url'] ?? env.QIANGDA_PUBLIC_URL,
    dataDir: values.data ?? env.QIANGDA_DATA ?? 'data',
    bank: values.bank ?? env.QIANGDA_BANK,
    contest: values.contest ?? env.QIANGDA_CONTEST,
    fresh: values.fresh ?? false,
    dev: values.dev ?? false,
  };
}
