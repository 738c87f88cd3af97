// The language of what the server prints for the organiser: Chinese unless QIANGDA_LANG=en.
import type { Locale } from '../../shared/i18n/index.js';

export function terminalLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  return env.QIANGDA_LANG === 'en' ? 'en' : 'zh';
}
