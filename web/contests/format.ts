// Times on the organiser's page, in the page's language and the laptop's time zone.
import type { Locale } from '../../shared/i18n/index.js';

export function formatWhen(ms: number, locale: Locale, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(ms));
}
