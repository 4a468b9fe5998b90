import { lookup as dnsLookup } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { BlockList, isIP } from 'node:net';
import { FetchError } from '../errors.ts';

/**
 * Ranges a server-side fetcher must never reach unless explicitly allowed: loopback, private,
 * link-local (the cloud metadata service at 169.254.169.254), CGNAT, multicast, unspecified and
 * the other special-purpose blocks. A feed URL is user input; without this a poller in AWS could
 * be pointed at the instance metadata service or a VPC-internal host.
 */
const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  // IPv4-compatible (`::127.0.0.2`, deprecated) and IPv4-translated (`::ffff:0:169.254.169.254`)
  // forms carry an IPv4 address that is not unmapped below; no public host uses them.
  ['::', 96],
  ['::ffff:0:0:0', 96],
  ['64:ff9b:1::', 48],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv6');
}

/** Maps `::ffff:a.b.c.d` and `::ffff:7f00:1` to the IPv4 address they carry. */
function unmapIpv4(address: string): string {
  const lower = address.toLowerCase().replace(/^\[|\]$/g, '');
  const dotted = /^(?:0{0,4}:){0,5}:?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1];
  const hex = /^(?:0{0,4}:){0,5}:?ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hex) {
    const hi = Number.parseInt(hex[1], 16);
    const lo = Number.parseInt(hex[2], 16);
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return lower;
}

/** The eight 16-bit groups of an IPv6 address, or null when it is not one. */
function ipv6Groups(address: string): number[] | null {
  let text = address.toLowerCase();
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const fill = halves.length === 2 ? 8 - head.length - tail.length : 0;
  const groups = [...head, ...Array<string>(Math.max(0, fill)).fill('0'), ...tail].map((g) =>
    Number.parseInt(g, 16),
  );
  return groups.length === 8 && groups.every((g) => g >= 0 && g <= 0xffff) ? groups : null;
}

function dotted(hi: number, lo: number): string {
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/**
 * The IPv4 addresses a 6to4 (`2002:AABB:CCDD::/48`) or Teredo (`2001:0::/32`: the server, and
 * the client with its bits inverted) address carries: a relay would deliver to them, so they
 * are checked as if they were the destination.
 */
function embeddedIpv4(address: string): string[] {
  const g = ipv6Groups(address);
  if (!g) return [];
  if (g[0] === 0x2002) return [dotted(g[1]!, g[2]!)];
  if (g[0] === 0x2001 && g[1] === 0) {
    return [dotted(g[2]!, g[3]!), dotted(g[6]! ^ 0xffff, g[7]! ^ 0xffff)];
  }
  return [];
}

/**
 * Decides which addresses the fetcher may connect to. `allow` lists addresses or CIDRs that are
 * reachable although special (the local configuration allows 127.0.0.1 for its stand-ins).
 */
export class AddressGuard {
  private readonly allowed = new BlockList();
  private readonly allowAll: boolean;

  constructor(allow: readonly string[] = []) {
    this.allowAll = allow.includes('*');
    for (const entry of allow) {
      if (entry === '*') continue;
      const [address, prefix] = entry.split('/');
      const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
      if (!isIP(address)) throw new Error(`FETCH_ALLOW_ADDRESSES: not an address: ${entry}`);
      if (prefix) this.allowed.addSubnet(address, Number(prefix), family);
      else this.allowed.addAddress(address, family);
    }
  }

  /** True when connecting to `address` (an IP literal) is permitted. */
  permits(address: string): boolean {
    if (this.allowAll) return true;
    const plain = unmapIpv4(address);
    const family = isIP(plain) === 6 ? 'ipv6' : 'ipv4';
    if (!isIP(plain)) return false;
    if (this.allowed.check(plain, family)) return true;
    if (blocked.check(plain, family)) return false;
    return embeddedIpv4(plain).every((v4) => !blocked.check(v4, 'ipv4'));
  }

  /** Throws `blocked_address` for an IP-literal host that is not permitted. */
  assertHost(hostname: string): void {
    const host = hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) && !this.permits(host)) {
      throw new FetchError(
        'blocked_address',
        `refusing to fetch from ${host}: address not allowed`,
      );
    }
  }

  /**
   * A `lookup` for http.request that resolves the name and drops every address that is not
   * permitted. The socket connects to exactly the address checked here, so a DNS answer that
   * changes between the check and the connect (rebinding) cannot slip through.
   */
  readonly lookup: LookupFunction = (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = (addresses as { address: string; family: number }[]).filter((a) =>
        this.permits(a.address),
      );
      if (list.length === 0) {
        const error = new FetchError(
          'blocked_address',
          `refusing to fetch from ${hostname}: it resolves only to addresses that are not allowed`,
        );
        return callback(error as unknown as NodeJS.ErrnoException, '', 0);
      }
      if ((options as { all?: boolean }).all) {
        return (callback as unknown as (e: null, a: typeof list) => void)(null, list);
      }
      callback(null, list[0].address, list[0].family);
    });
  };
}
