// Guards outgoing webhook requests against server-side request forgery: a user-supplied URL must not reach
// loopback, private, link-local or otherwise non-public addresses, neither by literal nor through DNS.
import { BlockList, isIPv4, isIPv6, type LookupFunction } from 'node:net';
import { lookup as dnsLookup, promises as dnsPromises, type LookupAddress, type LookupAllOptions } from 'node:dns';
import { ipv6ToWords, parseHostAsIp } from './ip-literal.js';

export { parseHostAsIp } from './ip-literal.js';

export class WebhookUrlError extends Error {
  override readonly name = 'WebhookUrlError';
}

const forbiddenV4 = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network"; 0.0.0.0 reaches localhost on Linux
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, includes cloud metadata 169.254.169.254
  ['172.16.0.0', 12],
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // TEST-NET-1
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // TEST-NET-2
  ['203.0.113.0', 24], // TEST-NET-3
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, includes broadcast 255.255.255.255
] as const) {
  forbiddenV4.addSubnet(network, prefix, 'ipv4');
}

// Only 2000::/3 is allocated as global unicast, so everything outside it is refused: this covers ::, ::1,
// unique-local fc00::/7, link-local fe80::/10, site-local fec0::/10, multicast ff00::/8, discard 100::/64
// and 64:ff9b:1::/48. Addresses that embed an IPv4 address are judged by it before this rule.
const forbiddenV6InGlobal = new BlockList();
for (const [network, prefix] of [
  ['2001::', 23], // IETF protocol assignments: Teredo, benchmarking, ORCHID
  ['2001:db8::', 32], // documentation
  ['3fff::', 20], // documentation (RFC 9637)
] as const) {
  forbiddenV6InGlobal.addSubnet(network, prefix, 'ipv6');
}

function wordsToIpv4(high: number, low: number): string {
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** The IPv4 address an IPv6 address carries and is routed to, if any. */
function embeddedIpv4(words: number[]): string | null {
  const zeros = (from: number, to: number) => words.slice(from, to).every((w) => w === 0);
  // ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible), ::ffff:0:a.b.c.d (translated)
  if (zeros(0, 5) && (words[5] === 0xffff || words[5] === 0)) return wordsToIpv4(words[6], words[7]);
  if (zeros(0, 4) && words[4] === 0xffff && words[5] === 0) return wordsToIpv4(words[6], words[7]);
  // NAT64 well-known prefix 64:ff9b::/96
  if (words[0] === 0x64 && words[1] === 0xff9b && zeros(2, 6)) return wordsToIpv4(words[6], words[7]);
  // 6to4 2002:AABB:CCDD::/48
  if (words[0] === 0x2002) return wordsToIpv4(words[1], words[2]);
  return null;
}

/**
 * True for every address a webhook must not reach: loopback, private, link-local, CGNAT, multicast,
 * unspecified, broadcast, reserved, documentation and unique-local ranges, and IPv6 forms that embed
 * such an IPv4 address. Anything that is not an IP address at all is refused too.
 */
export function isForbiddenAddress(ip: string): boolean {
  const normalised = parseHostAsIp(ip.replace(/%[^\]]*/, ''));
  if (normalised === null) return true;
  if (isIPv4(normalised)) return forbiddenV4.check(normalised, 'ipv4');
  if (!isIPv6(normalised)) return true;
  const words = ipv6ToWords(normalised);
  if (words.every((w) => w === 0)) return true;
  const v4 = embeddedIpv4(words);
  if (v4 !== null) return forbiddenV4.check(v4, 'ipv4');
  if ((words[0] & 0xe000) !== 0x2000) return true;
  return forbiddenV6InGlobal.check(normalised, 'ipv6');
}

export type HostLookup = (host: string) => Promise<{ address: string; family: number }[]>;

const defaultLookup: HostLookup = (host) => dnsPromises.lookup(host, { all: true });

/**
 * Throws WebhookUrlError unless `url` is an acceptable webhook target: https (http only when private
 * targets are allowed), no credentials, and, unless allowPrivate, a host whose every address is public.
 */
export async function assertPublicUrl(
  url: string,
  opts: { allowPrivate: boolean; lookup?: HostLookup },
): Promise<void> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new WebhookUrlError('webhook URL is not a valid absolute URL');
  }
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && opts.allowPrivate)) {
    throw new WebhookUrlError(`webhook URL must use https (got ${parsed.protocol.replace(/:$/, '')})`);
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw new WebhookUrlError('webhook URL must not carry credentials');
  }
  if (parsed.hostname === '') throw new WebhookUrlError('webhook URL has no host');
  if (opts.allowPrivate) return;

  const literal = parseHostAsIp(parsed.hostname);
  if (literal !== null) {
    if (isForbiddenAddress(literal)) {
      throw new WebhookUrlError(`webhook URL points to a non-public address (${literal})`);
    }
    return;
  }
  let addresses: { address: string; family: number }[];
  try {
    addresses = await (opts.lookup ?? defaultLookup)(parsed.hostname);
  } catch {
    throw new WebhookUrlError(`webhook host ${parsed.hostname} could not be resolved`);
  }
  if (addresses.length === 0) throw new WebhookUrlError(`webhook host ${parsed.hostname} could not be resolved`);
  const forbidden = addresses.find((a) => isForbiddenAddress(a.address));
  if (forbidden) {
    throw new WebhookUrlError(
      `webhook host ${parsed.hostname} resolves to a non-public address (${forbidden.address})`,
    );
  }
}

export type LookupAll = (
  hostname: string,
  options: LookupAllOptions,
  callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/**
 * A `lookup` for net/http(s)/undici connect options that re-checks the answer at connect time, so a host
 * that resolved to a public address during validation and to a private one now (DNS rebinding) is refused.
 * Node skips `lookup` for IP literals, so callers must still vet literal hosts with assertPublicUrl.
 */
export function createGuardedLookup(allowPrivate: boolean, resolve: LookupAll = dnsLookup): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) {
        callback(err, '', 0);
        return;
      }
      if (addresses.length === 0) {
        callback(new WebhookUrlError(`webhook host ${hostname} could not be resolved`), '', 0);
        return;
      }
      const forbidden = allowPrivate ? undefined : addresses.find((a) => isForbiddenAddress(a.address));
      if (forbidden) {
        callback(
          new WebhookUrlError(`webhook host ${hostname} resolves to a non-public address (${forbidden.address})`),
          '',
          0,
        );
        return;
      }
      if (options.all) callback(null, addresses);
      else callback(null, addresses[0].address, addresses[0].family);
    });
  };
}
