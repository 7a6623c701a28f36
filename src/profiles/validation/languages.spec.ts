import { describe, it, expect } from '@jest/globals';
import { ISO_639_1_CODES, isLanguageCode } from './languages.js';

describe('ISO 639-1 language codes', () => {
  it('holds all 184 two-letter codes, lowercase', () => {
    expect(ISO_639_1_CODES.size).toBe(184);
    for (const code of ISO_639_1_CODES) expect(code).toMatch(/^[a-z]{2}$/);
  });

  it('is the same set CLDR names in this runtime', () => {
    const names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
    expect([...ISO_639_1_CODES].filter((code) => names.of(code) === undefined)).toEqual([]);
    expect(names.of('de')).toBe('German');
  });

  it.each(['en', 'de', 'zh', 'pt', 'uk', 'ar', 'sw', 'zu', 'aa'])('accepts %s', (code) => {
    expect(isLanguageCode(code)).toBe(true);
  });

  it.each(['EN', 'En', 'eng', 'e', '', 'xx', 'qq', 'sh', 'en-US', ' en'])('rejects %p', (code) => {
    expect(isLanguageCode(code)).toBe(false);
  });

  it.each([null, undefined, 42, ['en']])('rejects the non-string %p', (value) => {
    expect(isLanguageCode(value)).toBe(false);
  });
});
