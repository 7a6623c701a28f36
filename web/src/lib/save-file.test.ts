import { describe, expect, it } from 'vitest';
import { fileNameFrom } from './save-file';

describe('fileNameFrom', () => {
  it('reads a quoted, a bare and an encoded file name', () => {
    expect(fileNameFrom('attachment; filename="guildhall-export.json"', 'x')).toBe('guildhall-export.json');
    expect(fileNameFrom('attachment; filename=export.json', 'x')).toBe('export.json');
    expect(fileNameFrom('attachment; filename*=UTF-8\'\'d%C3%A4ten.json; filename="daten.json"', 'x')).toBe(
      'däten.json',
    );
  });

  it('falls back when there is no usable name, and never keeps a path', () => {
    expect(fileNameFrom(null, 'fallback.json')).toBe('fallback.json');
    expect(fileNameFrom('attachment', 'fallback.json')).toBe('fallback.json');
    expect(fileNameFrom('attachment; filename=""', 'fallback.json')).toBe('fallback.json');
    expect(fileNameFrom('attachment; filename="../../etc/passwd"', 'fallback.json')).toBe('passwd');
    expect(fileNameFrom("attachment; filename*=UTF-8''%E0%A4%A", 'fallback.json')).toBe('fallback.json');
  });
});
