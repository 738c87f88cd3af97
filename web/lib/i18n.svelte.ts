// The page's language: Chinese by default, English one switch away, remembered per device.
import { DEFAULT_LOCALE, isMessageKey, translate, type Locale, type MessageKey } from '../../shared/i18n/index.js';
import type { Label } from './contest-display.js';

const STORAGE_KEY = 'qiangda.locale';

class I18n {
  locale = $state<Locale>(readSaved());

  t = (key: MessageKey, params?: Record<string, string | number>): string => translate(this.locale, key, params);

  /** Words for a label: translated if it is a message, as it is if it is the bank's own text. */
  say = (label: Label): string => ('text' in label ? label.text : this.t(label.key, label.params));

  /** Translates an error code from the server; unknown codes get a generic message. */
  error = (code: string): string => this.t(isMessageKey(`error.${code}`) ? (`error.${code}` as MessageKey) : 'error.internal-error');

  constructor() {
    // A page opened with English saved must say so from the start (fonts, hyphenation, screen readers).
    if (typeof document !== 'undefined') document.documentElement.lang = this.locale === 'zh' ? 'zh-CN' : 'en';
  }

  toggle = (): void => {
    this.locale = this.locale === 'zh' ? 'en' : 'zh';
    try {
      localStorage.setItem(STORAGE_KEY, this.locale);
    } catch {
      // Private browsing: the switch still works for this page.
    }
    document.documentElement.lang = this.locale === 'zh' ? 'zh-CN' : 'en';
  };
}

function readSaved(): Locale {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    return saved === 'en' || saved === 'zh' ? saved : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

export const i18n = new I18n();
