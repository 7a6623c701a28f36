// Parsing of IP literals as browsers (WHATWG URL) and inet_aton read them, so that "2130706433",
// "0177.0.0.1", "0x7f.1" and "127.1" are all recognised as 127.0.0.1 before anyone resolves them.
import { isIPv4, isIPv6 } from 'node:net';

function parseIpv4Number(part: string): bigint | null {
  let digits = part;
  let pattern = /^[0-9]+$/;
  let prefix = '';
  if (/^0x/i.test(part)) {
    digits = part.slice(2);
    pattern = /^[0-9a-f]*$/i;
    prefix = '0x';
  } else if (part.length > 1 && part.startsWith('0')) {
    digits = part.slice(1);
    pattern = /^[0-7]+$/;
    prefix = '0o';
  }
  if (part === '' || !pattern.test(digits)) return null;
  // WHATWG reads a bare "0x" as zero.
  return digits === '' ? 0n : BigInt(prefix + digits);
}

/** Returns the dotted-quad form of an IPv4 literal in any inet_aton/WHATWG notation, or null. */
export function parseIpv4Literal(host: string): string | null {
  const parts = host.split('.');
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  if (parts.length === 0 || parts.length > 4) return null;
  const numbers: bigint[] = [];
  for (const part of parts) {
    const n = parseIpv4Number(part);
    if (n === null) return null;
    numbers.push(n);
  }
  const last = numbers.pop() as bigint;
  if (numbers.some((n) => n > 255n)) return null;
  // The last part fills every byte the earlier parts left over: 127.1 is 127.0.0.1.
  if (last >= 256n ** BigInt(4 - numbers.length)) return null;
  let value = last;
  numbers.forEach((n, i) => {
    value += n << BigInt(8 * (3 - i));
  });
  return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 255n)).join('.');
}

export function ipv4ToBytes(ip: string): number[] {
  return ip.split('.').map(Number);
}

/** Eight 16-bit groups of a valid IPv6 address (without zone id). */
export function ipv6ToWords(ip: string): number[] {
  let text = ip;
  const lastColon = text.lastIndexOf(':');
  const dotted = text.slice(lastColon + 1);
  if (dotted.includes('.')) {
    // An embedded dotted quad (::ffff:1.2.3.4) stands for the last two groups.
    const [a, b, c, d] = ipv4ToBytes(dotted);
    text = `${text.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const toWords = (s: string) => (s === '' ? [] : s.split(':').map((w) => parseInt(w, 16)));
  const gap = text.indexOf('::');
  if (gap < 0) return toWords(text);
  const head = toWords(text.slice(0, gap));
  const tail = toWords(text.slice(gap + 2));
  return [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
}

/** RFC 5952 text form: lower case, the first longest run of two or more zero groups written as "::". */
export function formatIpv6(words: number[]): string {
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    if (words[i] !== 0) {
      i += 1;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j += 1;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = words.map((w) => w.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

/**
 * Recognises an IP literal host: IPv4 in any inet_aton/WHATWG notation, IPv6 bare or in brackets.
 * Returns the normalised address (dotted quad, RFC 5952 IPv6), or null for a hostname.
 */
export function parseHostAsIp(host: string): string | null {
  const bracketed = host.startsWith('[') && host.endsWith(']');
  const inner = bracketed ? host.slice(1, -1) : host;
  if (inner.includes(':')) return isIPv6(inner) && !inner.includes('%') ? formatIpv6(ipv6ToWords(inner)) : null;
  if (bracketed) return null;
  const v4 = parseIpv4Literal(inner);
  return v4 !== null && isIPv4(v4) ? v4 : null;
}
