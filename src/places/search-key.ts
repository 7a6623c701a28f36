/**
 * The form place names are compared in: no diacritics, lower case, single spaces. The gazetteer migration stores
 * each name's key computed the same way (migrations/data/world-places.ts); the two must stay identical.
 */
export const searchKey = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

/** Escapes LIKE's wildcards so a key is matched literally. */
export const likeLiteral = (key: string): string => key.replace(/[\\%_]/g, (c) => `\\${c}`);
