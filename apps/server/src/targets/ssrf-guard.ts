import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { TargetError } from './retry-policy.js';

/** Loopback, private, link-local (cloud metadata lives there), CGNAT, multicast and reserved ranges. */
const BLOCKED = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  BLOCKED.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
  ['2001:db8::', 32],
] as const) {
  BLOCKED.addSubnet(net, prefix, 'ipv6');
}

/** `::ffff:127.0.0.1` and `::ffff:7f00:1` are IPv4 in disguise: judge them as IPv4. */
function embeddedIpv4(address: string): string | null {
  const match = /^::ffff:(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/i.exec(address);
  if (!match) return null;
  if (match[1]) return match[1];
  const hi = parseInt(match[2]!, 16);
  const lo = parseInt(match[3]!, 16);
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

export interface EgressPolicy {
  /** Host names or addresses / CIDRs allowed although private (e.g. `127.0.0.1`, `10.0.0.0/8`, `crm.internal`). */
  allow: readonly string[];
}

export class EgressGuard {
  private readonly allowedHosts = new Set<string>();
  private readonly allowedNets = new BlockList();

  constructor(policy: EgressPolicy) {
    for (const entry of policy.allow) {
      const [net, prefix] = entry.split('/');
      const family = isIP(net ?? '');
      if (family === 0) this.allowedHosts.add(entry.toLowerCase());
      else if (prefix === undefined) this.allowedNets.addAddress(net!, family === 4 ? 'ipv4' : 'ipv6');
      else this.allowedNets.addSubnet(net!, Number(prefix), family === 4 ? 'ipv4' : 'ipv6');
    }
  }

  /** Refuses URLs that are not plain http(s) or carry credentials; answers the URL for the request. */
  checkUrl(text: string): URL {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new TargetError(`"${text}" is not a URL`, false);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new TargetError(`egress refused: scheme ${url.protocol} (only http and https)`, false);
    }
    if (url.username || url.password) {
      throw new TargetError('egress refused: credentials in the URL (use the connection secret)', false);
    }
    return url;
  }

  /** Whether this resolved address may be connected to for `hostname`. */
  allows(address: string, hostname: string): boolean {
    if (this.allowedHosts.has(hostname.toLowerCase())) return true;
    const v4 = isIP(address) === 6 ? embeddedIpv4(address) : null;
    const [ip, family] = v4
      ? [v4, 'ipv4' as const]
      : [address, isIP(address) === 4 ? ('ipv4' as const) : ('ipv6' as const)];
    if (this.allowedNets.check(ip, family)) return true;
    return !BLOCKED.check(ip, family);
  }

  /**
   * A `lookup` for `http.request`: the check runs on the address the socket will actually
   * connect to, after DNS, so a name that resolves to 127.0.0.1 (or is re-bound to it between a
   * check and the connect) is refused too.
   */
  lookupFor(hostname: string): typeof dnsLookup {
    const guarded = (
      host: string,
      options: unknown,
      callback: (
        err: NodeJS.ErrnoException | null,
        address: string | LookupAddress[],
        family?: number,
      ) => void,
    ) => {
      dnsLookup(host, { all: true }, (err, addresses) => {
        if (err) return callback(err, '', 0);
        const refused = addresses.find((a) => !this.allows(a.address, hostname));
        if (refused) {
          const error: NodeJS.ErrnoException = new Error(
            `egress refused: ${hostname} resolves to ${refused.address}, a private or reserved address`,
          );
          error.code = 'EGRESS_REFUSED';
          return callback(error, '', 0);
        }
        const all = (options as { all?: boolean } | undefined)?.all;
        if (all) return callback(null, addresses);
        const first = addresses[0]!;
        callback(null, first.address, first.family);
      });
    };
    return guarded as unknown as typeof dnsLookup;
  }
}
