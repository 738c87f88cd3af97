// Every error code a page can receive has a message in both languages.
import { describe, expect, it } from 'vitest';
import { en } from '../../../shared/i18n/en.js';
import { translate } from '../../../shared/i18n/index.js';
import { zh } from '../../../shared/i18n/zh.js';
import { ErrorCode } from '../../../shared/protocol.js';

describe('translation tables', () => {
  it.each(Object.values(ErrorCode))('error code %s has a Chinese and an English message', (code) => {
    const key = `error.${code}`;
    expect(zh).toHaveProperty([key]);
    expect(en).toHaveProperty([key]);
  });

  it('English carries exactly the keys Chinese has, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const [key, text] of Object.entries(en)) expect(text, key).not.toBe('');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('zh', 'terminal.created', { title: '决赛' })).toBe('已创建竞赛：决赛');
    expect(translate('en', 'terminal.created')).toBe('Created contest: {title}');
  });
});
