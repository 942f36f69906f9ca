// Which remote addresses may open a session: IPv4/IPv6 addresses and CIDR blocks, matched on the
// address bytes. An empty list allows any address (the config loader only permits that for
// sessions with a password).
//
// A dual-stack listener reports IPv4 peers as IPv4-mapped IPv6 (::ffff:192.0.2.1); those are
// matched as the IPv4 address they carry, so "192.0.2.1" in a session file means what it says.
// Entries are strict on purpose: no zone ids, no octal-looking octets, no host bits set under the
// prefix ("10.0.0.1/8" is reported, as it usually hides a typo).

export interface IpBlock {
  readonly family: 4 | 6;
  /** 4 or 16 bytes, network order, host bits zero. */
  readonly bytes: Uint8Array;
  readonly prefix: number;
}

export type IpBlockParse = { readonly ok: true; readonly block: IpBlock } | { readonly ok: false; readonly problem: string };

export interface IpAllowlistProblem {
  readonly index: number;
  readonly entry: unknown;
  readonly problem: string;
}

export type IpAllowlistParse =
  | { readonly ok: true; readonly allowlist: IpAllowlist }
  | { readonly ok: false; readonly problems: readonly IpAllowlistProblem[] };

export class IpAllowlist {
  private constructor(
    readonly entries: readonly string[],
    private readonly blocks: readonly IpBlock[],
  ) {}

  static parse(entries: readonly unknown[]): IpAllowlistParse {
    const blocks: IpBlock[] = [];
    const problems: IpAllowlistProblem[] = [];
    entries.forEach((entry, index) => {
      const parsed = typeof entry === 'string' ? parseIpBlock(entry) : { ok: false as const, problem: 'must be a string' };
      if (parsed.ok) blocks.push(parsed.block);
      else problems.push({ index, entry, problem: parsed.problem });
    });
    if (problems.length > 0) return { ok: false, problems };
    return { ok: true, allowlist: new IpAllowlist(Object.freeze([...(entries as string[])]), Object.freeze(blocks)) };
  }

  /** The list with no entries, which allows any address. */
  static empty(): IpAllowlist {
    return new IpAllowlist(Object.freeze([]), Object.freeze([]));
  }

  /** True if no address was listed. */
  get allowsAny(): boolean {
    return this.blocks.length === 0;
  }

  /** Logs and JSON show the list as written. */
  toJSON(): readonly string[] {
    return this.entries;
  }

  /** Whether `address` (as a socket reports it, zone id allowed) may connect. Unparseable: never. */
  allows(address: string): boolean {
    if (this.blocks.length === 0) return true;
    const zone = address.indexOf('%');
    const bytes = parseAddress(zone >= 0 ? address.slice(0, zone) : address);
    if (!bytes) return false;
    const peer = unmapIpv4(bytes);
    return this.blocks.some((block) => block.bytes.length === peer.length && samePrefix(block.bytes, peer, block.prefix));
  }
}

/** Parses "192.0.2.1", "192.0.2.0/24", "2001:db8::1", "2001:db8::/32". */
export function parseIpBlock(text: string): IpBlockParse {
  const slash = text.indexOf('/');
  const addressText = slash >= 0 ? text.slice(0, slash) : text;
  const raw = parseAddress(addressText);
  if (!raw) return { ok: false, problem: `"${text}" is not an IPv4 or IPv6 address or CIDR block (e.g. "192.0.2.10", "10.1.0.0/16", "::1", "2001:db8::/32")` };
  const bits = raw.length * 8;
  let prefix = bits;
  if (slash >= 0) {
    const prefixText = text.slice(slash + 1);
    if (!/^(0|[1-9][0-9]{0,2})$/.test(prefixText) || Number(prefixText) > bits) {
      return { ok: false, problem: `"${text}" has prefix length "${prefixText}"; it must be from 0 to ${bits}` };
    }
    prefix = Number(prefixText);
  }
  const network = withPrefix(raw, prefix);
  if (!samePrefix(network, raw, bits)) {
    return {
      ok: false,
      problem: `"${text}" has host bits set under /${prefix}; write the network address "${formatBlock(network, prefix)}"`,
    };
  }
  // An IPv4-mapped entry is kept as the IPv4 block it denotes, like the peers it is matched with.
  const mapped = raw.length === 16 && prefix >= 96 && isIpv4Mapped(raw);
  const block: IpBlock = mapped
    ? { family: 4, bytes: network.slice(12), prefix: prefix - 96 }
    : { family: raw.length === 4 ? 4 : 6, bytes: network, prefix };
  return { ok: true, block };
}

function parseAddress(text: string): Uint8Array | undefined {
  return text.includes(':') ? parseIpv6(text) : parseIpv4(text);
}

function parseIpv4(text: string): Uint8Array | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const part = parts[i]!;
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part) || Number(part) > 255) return undefined;
    bytes[i] = Number(part);
  }
  return bytes;
}

function parseIpv6(text: string): Uint8Array | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !tail) return undefined;
  const words = halves.length === 2 ? 8 - head.length - tail.length : 0;
  if (halves.length === 2 ? words < 1 : head.length !== 8) return undefined;
  const all = [...head, ...new Array<number>(words).fill(0), ...tail];
  const bytes = new Uint8Array(16);
  all.forEach((word, i) => {
    bytes[2 * i] = word >> 8;
    bytes[2 * i + 1] = word & 0xff;
  });
  return bytes;
}

/** The 16-bit groups of one side of "::"; a dotted IPv4 tail counts as two groups. */
function groups(text: string): number[] | undefined {
  if (text === '') return [];
  const parts = text.split(':');
  const words: number[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (i === parts.length - 1 && part.includes('.')) {
      const v4 = parseIpv4(part);
      if (!v4) return undefined;
      words.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
    } else if (/^[0-9a-fA-F]{1,4}$/.test(part)) {
      words.push(parseInt(part, 16));
    } else {
      return undefined;
    }
  }
  return words;
}

function isIpv4Mapped(bytes: Uint8Array): boolean {
  for (let i = 0; i < 10; i++) if (bytes[i] !== 0) return false;
  return bytes[10] === 0xff && bytes[11] === 0xff;
}

function unmapIpv4(bytes: Uint8Array): Uint8Array {
  return bytes.length === 16 && isIpv4Mapped(bytes) ? bytes.slice(12) : bytes;
}

function withPrefix(bytes: Uint8Array, prefix: number): Uint8Array {
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const keep = Math.max(0, Math.min(8, prefix - i * 8));
    out[i] = bytes[i]! & ((0xff << (8 - keep)) & 0xff);
  }
  return out;
}

function samePrefix(a: Uint8Array, b: Uint8Array, prefix: number): boolean {
  const whole = prefix >> 3;
  for (let i = 0; i < whole; i++) if (a[i] !== b[i]) return false;
  const rest = prefix & 7;
  if (rest === 0) return true;
  const mask = (0xff << (8 - rest)) & 0xff;
  return (a[whole]! & mask) === (b[whole]! & mask);
}

function formatBlock(bytes: Uint8Array, prefix: number): string {
  if (bytes.length === 4) return `${bytes.join('.')}/${prefix}`;
  const words: string[] = [];
  for (let i = 0; i < 16; i += 2) words.push(((bytes[i]! << 8) | bytes[i + 1]!).toString(16));
  return `${words.join(':')}/${prefix}`;
}
