import { describe, it, expect, afterAll, beforeAll } from '@jest/globals';
import { connect, createServer, type AddressInfo, type Server } from 'node:net';
import type { LookupAddress } from 'node:dns';
import {
  assertPublicUrl,
  createGuardedLookup,
  isForbiddenAddress,
  parseHostAsIp,
  WebhookUrlError,
  type LookupAll,
} from './ssrf.js';

const refuseDns = (): Promise<never> => Promise.reject(new Error('test must not resolve through DNS'));

function fakeLookup(table: Record<string, string[]>) {
  return (host: string) => {
    const addresses = table[host];
    if (!addresses) return Promise.reject(Object.assign(new Error(`ENOTFOUND ${host}`), { code: 'ENOTFOUND' }));
    return Promise.resolve(addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
  };
}

describe('isForbiddenAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.1', 'private 10/8'],
    ['172.16.0.1', 'private 172.16/12'],
    ['172.31.255.255', 'private 172.16/12'],
    ['192.168.1.1', 'private 192.168/16'],
    ['169.254.169.254', 'link-local / metadata'],
    ['100.64.0.1', 'CGNAT'],
    ['100.127.255.255', 'CGNAT'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'this network'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.10', 'TEST-NET-1'],
    ['198.51.100.7', 'TEST-NET-2'],
    ['203.0.113.9', 'TEST-NET-3'],
    ['198.18.0.1', 'benchmarking'],
    ['192.0.0.8', 'IETF protocol assignments'],
    ['::', 'IPv6 unspecified'],
    ['::1', 'IPv6 loopback'],
    ['fe80::1', 'IPv6 link-local'],
    ['fe80::1%eth0', 'IPv6 link-local with zone'],
    ['febf:ffff::1', 'IPv6 link-local upper end'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456:789a::1', 'unique-local'],
    ['ff02::1', 'IPv6 multicast'],
    ['ff0e::101', 'IPv6 global multicast'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback, hex form'],
    ['::ffff:a9fe:a9fe', 'IPv4-mapped metadata'],
    ['::ffff:10.1.2.3', 'IPv4-mapped private'],
    ['::127.0.0.1', 'IPv4-compatible loopback'],
    ['::ffff:0:127.0.0.1', 'IPv4-translated loopback'],
    ['64:ff9b::7f00:1', 'NAT64 loopback'],
    ['64:ff9b::192.168.0.1', 'NAT64 private'],
    ['64:ff9b:1::8.8.8.8', 'local-use NAT64'],
    ['2002:7f00:1::', '6to4 loopback'],
    ['2002:c0a8:101::1', '6to4 private'],
    ['2001:db8::1', 'IPv6 documentation'],
    ['3fff::1', 'IPv6 documentation (RFC 9637)'],
    ['2001::1', 'Teredo'],
    ['100::1', 'discard-only'],
    ['fec0::1', 'site-local'],
    ['4000::1', 'outside global unicast'],
    ['[::1]', 'bracketed loopback'],
    ['2130706433', 'decimal loopback'],
    ['localhost', 'not an IP at all'],
    ['', 'empty'],
  ])('refuses %s (%s)', (ip) => {
    expect(isForbiddenAddress(ip)).toBe(true);
  });

  it.each([
    ['93.184.216.34'],
    ['8.8.8.8'],
    ['1.1.1.1'],
    ['172.32.0.1'],
    ['100.128.0.1'],
    ['169.255.0.1'],
    ['223.255.255.255'],
    ['2606:4700:4700::1111'],
    ['2a00:1450:4001:80e::200e'],
    ['::ffff:93.184.216.34'],
    ['::ffff:5db8:d822'],
    ['64:ff9b::5db8:d822'],
    ['2002:5db8:d822::1'],
  ])('allows public %s', (ip) => {
    expect(isForbiddenAddress(ip)).toBe(false);
  });
});

describe('parseHostAsIp', () => {
  it.each([
    ['127.0.0.1', '127.0.0.1'],
    ['2130706433', '127.0.0.1'],
    ['0x7f000001', '127.0.0.1'],
    ['0X7F000001', '127.0.0.1'],
    ['017700000001', '127.0.0.1'],
    ['0177.0.0.1', '127.0.0.1'],
    ['0x7f.1', '127.0.0.1'],
    ['127.1', '127.0.0.1'],
    ['127.0.1', '127.0.0.1'],
    ['0x7f.0x0.0x0.0x1', '127.0.0.1'],
    ['0x.0.0.0', '0.0.0.0'],
    ['0', '0.0.0.0'],
    ['169.254.43518', '169.254.169.254'],
    ['10.0.0.1.', '10.0.0.1'],
    ['4294967295', '255.255.255.255'],
    ['[::1]', '::1'],
    ['[::ffff:127.0.0.1]', '::ffff:7f00:1'],
    ['[0:0:0:0:0:ffff:7f00:0001]', '::ffff:7f00:1'],
    ['[2001:DB8:0:0:1:0:0:1]', '2001:db8::1:0:0:1'],
    ['[fe80:0:0:0:0:0:0:1]', 'fe80::1'],
    ['::1', '::1'],
    ['1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8'],
    ['[1:0:3:4:5:6:7:8]', '1:0:3:4:5:6:7:8'],
  ])('reads %s as %s', (host, expected) => {
    expect(parseHostAsIp(host)).toBe(expected);
  });

  it.each([
    ['example.com'],
    ['localhost'],
    ['hooks.example.org.'],
    ['4294967296'],
    ['256.1.1.1'],
    ['1.2.3.4.5'],
    ['1.2.3.256'],
    ['1.256.65536'],
    ['08.1.1.1'],
    ['0xg.1.1.1'],
    ['1..1'],
    [''],
    ['[127.0.0.1]'],
    ['[example.com]'],
    ['fe80::1%eth0'],
    ['::ffff:1.2.3'],
  ])('treats %s as no IP literal', (host) => {
    expect(parseHostAsIp(host)).toBeNull();
  });

  it('agrees with the WHATWG URL parser on IPv4 forms', () => {
    for (const host of [
      '2130706433',
      '0x7f000001',
      '017700000001',
      '0177.0.0.1',
      '0x7f.1',
      '127.1',
      '10.0.0.1.',
      '3232235777',
    ]) {
      expect(parseHostAsIp(host)).toBe(new URL(`http://${host}/`).hostname);
    }
  });
});

describe('assertPublicUrl', () => {
  const strict = { allowPrivate: false, lookup: refuseDns };

  it.each([
    ['https://2130706433/', '127.0.0.1'],
    ['https://0x7f000001/', '127.0.0.1'],
    ['https://017700000001/', '127.0.0.1'],
    ['https://127.1/', '127.0.0.1'],
    ['https://[::ffff:127.0.0.1]/', '::ffff:7f00:1'],
    ['https://[::ffff:7f00:1]/', '::ffff:7f00:1'],
    ['https://[::1]/', '::1'],
    ['https://169.254.169.254/latest/meta-data/', '169.254.169.254'],
    ['https://10.0.0.1/hook', '10.0.0.1'],
    ['https://0.0.0.0:8443/', '0.0.0.0'],
    ['https://[fd00::1]/', 'fd00::1'],
  ])('refuses %s without resolving it', async (url, address) => {
    await expect(assertPublicUrl(url, strict)).rejects.toThrow(WebhookUrlError);
    await expect(assertPublicUrl(url, strict)).rejects.toThrow(`non-public address (${address})`);
  });

  it.each([
    ['http://2130706433/'],
    ['http://0x7f000001/'],
    ['http://017700000001/'],
    ['http://[::1]/'],
    ['http://10.0.0.1/'],
  ])('refuses the plain-http form %s as well', async (url) => {
    await expect(assertPublicUrl(url, strict)).rejects.toThrow('must use https');
  });

  it('allows a public IP literal over https', async () => {
    await expect(assertPublicUrl('https://93.184.216.34/hooks', strict)).resolves.toBeUndefined();
  });

  it('resolves a hostname and accepts it when every address is public', async () => {
    const lookup = fakeLookup({ 'hooks.example.com': ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'] });
    await expect(
      assertPublicUrl('https://hooks.example.com/in', { allowPrivate: false, lookup }),
    ).resolves.toBeUndefined();
  });

  it('refuses a hostname that resolves to a private address, even when another answer is public', async () => {
    const lookup = fakeLookup({
      'evil.example.com': ['93.184.216.34', '10.0.0.5'],
      'meta.example.com': ['169.254.169.254'],
    });
    await expect(assertPublicUrl('https://evil.example.com/', { allowPrivate: false, lookup })).rejects.toThrow(
      'evil.example.com resolves to a non-public address (10.0.0.5)',
    );
    await expect(assertPublicUrl('https://meta.example.com/', { allowPrivate: false, lookup })).rejects.toThrow(
      WebhookUrlError,
    );
  });

  it('refuses a hostname that does not resolve', async () => {
    const lookup = fakeLookup({});
    await expect(assertPublicUrl('https://nowhere.invalid/', { allowPrivate: false, lookup })).rejects.toThrow(
      'could not be resolved',
    );
    await expect(
      assertPublicUrl('https://empty.example/', { allowPrivate: false, lookup: () => Promise.resolve([]) }),
    ).rejects.toThrow('could not be resolved');
  });

  it('refuses other schemes, credentials and garbage', async () => {
    await expect(assertPublicUrl('ftp://93.184.216.34/', strict)).rejects.toThrow('must use https (got ftp)');
    await expect(assertPublicUrl('http://93.184.216.34/', strict)).rejects.toThrow('must use https (got http)');
    await expect(assertPublicUrl('https://user:pw@93.184.216.34/', strict)).rejects.toThrow(
      'must not carry credentials',
    );
    await expect(assertPublicUrl('https://token@93.184.216.34/', strict)).rejects.toThrow('must not carry credentials');
    await expect(assertPublicUrl('not a url', strict)).rejects.toThrow('not a valid absolute URL');
    await expect(assertPublicUrl('file:///etc/passwd', strict)).rejects.toThrow(WebhookUrlError);
  });

  it('allowPrivate lifts the address checks and permits http, but keeps the other rules', async () => {
    const lookup = fakeLookup({ 'internal.example': ['10.0.0.5'] });
    const lax = { allowPrivate: true, lookup };
    await expect(assertPublicUrl('https://internal.example/', lax)).resolves.toBeUndefined();
    await expect(assertPublicUrl('http://127.0.0.1:8080/hook', lax)).resolves.toBeUndefined();
    await expect(assertPublicUrl('http://[::1]/', lax)).resolves.toBeUndefined();
    await expect(assertPublicUrl('http://user:pw@127.0.0.1/', lax)).rejects.toThrow('must not carry credentials');
    await expect(assertPublicUrl('gopher://127.0.0.1/', lax)).rejects.toThrow('must use https');
  });
});

describe('createGuardedLookup', () => {
  let server: Server;
  let port: number;
  let accepted = 0;

  beforeAll(async () => {
    server = createServer((socket) => {
      accepted += 1;
      socket.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  function resolver(answers: LookupAddress[][]): LookupAll & { calls: number } {
    const fn = ((_host, _options, callback) => {
      const answer = answers[Math.min(fn.calls, answers.length - 1)];
      fn.calls += 1;
      setImmediate(() => callback(null, answer));
    }) as LookupAll & { calls: number };
    fn.calls = 0;
    return fn;
  }

  function tryConnect(lookup: ReturnType<typeof createGuardedLookup>, host: string): Promise<'connected' | Error> {
    return new Promise((resolve) => {
      const socket = connect({ host, port, lookup });
      socket.once('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.once('error', (err) => resolve(err));
    });
  }

  it('refuses at connect time when the second DNS answer is private (rebinding)', async () => {
    const rebinding = resolver([[{ address: '93.184.216.34', family: 4 }], [{ address: '127.0.0.1', family: 4 }]]);
    const checkedAtSubmit = await new Promise<LookupAddress[]>((resolve, reject) =>
      rebinding('rebind.example', { all: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))),
    );
    expect(checkedAtSubmit.every((a) => !isForbiddenAddress(a.address))).toBe(true);

    const before = accepted;
    const result = await tryConnect(createGuardedLookup(false, rebinding), 'rebind.example');
    expect(result).toBeInstanceOf(WebhookUrlError);
    expect((result as Error).message).toContain('non-public address (127.0.0.1)');
    expect(rebinding.calls).toBe(2);
    expect(accepted).toBe(before);
  });

  it('connects when private targets are allowed', async () => {
    const result = await tryConnect(
      createGuardedLookup(true, resolver([[{ address: '127.0.0.1', family: 4 }]])),
      'rebind.example',
    );
    expect(result).toBe('connected');
  });

  it('refuses the real localhost with the default resolver', async () => {
    const result = await tryConnect(createGuardedLookup(false), 'localhost');
    expect(result).toBeInstanceOf(WebhookUrlError);
  });

  it('answers in both single-address and all-addresses callback shapes', async () => {
    const lookup = createGuardedLookup(
      false,
      resolver([
        [
          { address: '93.184.216.34', family: 4 },
          { address: '2606:4700::1', family: 6 },
        ],
      ]),
    );
    const single = await new Promise<[string | LookupAddress[], number | undefined]>((resolve, reject) =>
      lookup('x.example', { family: 0 }, (err, address, family) => (err ? reject(err) : resolve([address, family]))),
    );
    expect(single).toEqual(['93.184.216.34', 4]);
    const all = await new Promise<string | LookupAddress[]>((resolve, reject) =>
      lookup('x.example', { all: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))),
    );
    expect(all).toEqual([
      { address: '93.184.216.34', family: 4 },
      { address: '2606:4700::1', family: 6 },
    ]);
  });

  it('passes resolver errors through', async () => {
    const failing: LookupAll = (_h, _o, callback) =>
      callback(Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' }), []);
    const err = await new Promise<Error | null>((resolve) =>
      createGuardedLookup(false, failing)('x', {}, (e) => resolve(e)),
    );
    expect(err?.message).toBe('ENOTFOUND');
  });
});
