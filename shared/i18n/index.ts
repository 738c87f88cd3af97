// Translation tables for every user-visible string, server terminal included. Chinese
// (Simplified) is the default; English has to carry every key (the type checker enforces it).
import { en } from './en.js';
import { zh, type MessageKey } from './zh.js';

export type Locale = 'zh' | 'en';
export type { MessageKey };
export const LOCALES: Locale[] = ['zh', 'en'];
export const DEFAULT_LOCALE: Locale = 'zh';

const tables: Record<Locale, Record<MessageKey, string>> = { zh, en };

/** Looks up `key` and fills `{name}` placeholders from `params`. */
export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = tables[locale][key] ?? tables.zh[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** True if `key` names a message, for translating error codes that arrive over the wire. */
export function isMessageKey(key: string): key is MessageKey {
  return key in zh;
}
