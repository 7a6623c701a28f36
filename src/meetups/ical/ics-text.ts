// Low-level RFC 5545 content-line helpers: TEXT escaping, UTC DATE-TIME values and line folding.

export const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;
/** RFC 5545 CONTROL: C0 controls and DEL except HTAB and LF, i.e. U+0000–0008, U+000B–001F, U+007F. */
const CONTROL = /[^\P{Cc}\t\n\u0080-\u009f]/gu;
/** Every C0 control, DEL and space: U+0000–0020, U+007F. */
const CONTROL_OR_SPACE = /[^\P{Cc}\u0080-\u009f]| /gu;

// RFC 5545 §3.3.11 forbids control characters other than HTAB in TEXT; line breaks become the \n escape.
export function escapeText(value: string): string {
  return value
    .replace(/\r\n|\r|\n/g, '\n')
    .replace(/[\\;,\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`))
    .replace(CONTROL, '');
}

// Parameter values cannot hold DQUOTE or line breaks; RFC 6868 caret encoding carries them.
export function quoteParam(value: string): string {
  const encoded = value
    .replace(/\r\n|\r|\n/g, '\n')
    .replace(/[\^"\n]/g, (c) => (c === '^' ? '^^' : c === '"' ? "^'" : '^n'))
    .replace(CONTROL, '');
  return `"${encoded}"`;
}

// URI values are not escaped as TEXT, but a stray control character would break the content line.
export function sanitizeUri(value: string): string {
  return value.replace(CONTROL_OR_SPACE, '');
}

export function formatUtc(date: Date): string {
  const time = date.getTime();
  if (!Number.isFinite(time)) throw new RangeError('iCalendar DATE-TIME needs a valid Date');
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

export function formatFloat(value: number): string {
  // toFixed avoids exponent notation (1e-7), which FLOAT does not allow.
  return value.toFixed(6).replace(/\.?0+$/, '');
}

/**
 * Folds one content line so no physical line exceeds 75 octets of UTF-8 (CRLF excluded).
 * Splits only between code points, so a multi-byte character is never cut.
 */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= MAX_LINE_OCTETS) return line;
  const parts: string[] = [];
  let current = '';
  let currentOctets = 0;
  // The continuation's leading space counts against its 75 octets.
  let limit = MAX_LINE_OCTETS;
  for (const char of line) {
    const octets = Buffer.byteLength(char, 'utf8');
    if (currentOctets + octets > limit) {
      parts.push(current);
      current = '';
      currentOctets = 0;
      limit = MAX_LINE_OCTETS - 1;
    }
    current += char;
    currentOctets += octets;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}
