/**
 * The EPMD protocol (erl_dist_protocol.md, "EPMD Protocol"; erl_epmd.erl on OTP 25), both
 * sides: what a node sends EPMD and what EPMD answers, so the same codec serves a client (the
 * terminal node, the gateway looking a name up) and a server (the gateway playing EPMD).
 *
 * Every request is `Length:16 | Request`; answers have no length. A node registers with
 * ALIVE2_REQ and keeps that socket open (EPMD forgets the name when it closes); a lookup is one
 * PORT_PLEASE2_REQ per connection; NAMES_REQ lists the names. Decoders are pure and bounded:
 * they return 'incomplete' while bytes are missing and an error text for anything malformed.
 */

export const EPMD_PORT = 4369;

export const EPMD_TAG = {
  ALIVE2_REQ: 120, // 'x'
  ALIVE2_RESP: 121, // 'y' (creation in 16 bits, old EPMD)
  ALIVE2_X_RESP: 118, // 'v' (creation in 32 bits)
  PORT_PLEASE2_REQ: 122, // 'z'
  PORT2_RESP: 119, // 'w'
  NAMES_REQ: 110, // 'n'
} as const;

/** Node types in ALIVE2_REQ / PORT2_RESP. */
export const NODE_TYPE = { NORMAL: 77, HIDDEN: 72 } as const;

/** A node as EPMD keeps it: what ALIVE2_REQ registers and PORT2_RESP answers. */
export interface EpmdNode {
  /** The alive part of the node name (`one` for `one@vm`). */
  readonly name: string;
  readonly port: number;
  /** NODE_TYPE.NORMAL (77) or NODE_TYPE.HIDDEN (72). */
  readonly nodeType: number;
  /** 0: TCP/IPv4. */
  readonly protocol: number;
  readonly highestVersion: number;
  readonly lowestVersion: number;
  readonly extra: Uint8Array;
}

export type EpmdRequest =
  | { readonly type: 'alive2'; readonly node: EpmdNode }
  | { readonly type: 'port_please2'; readonly name: string }
  | { readonly type: 'names' };

/**
 * The versions a node registers: OTP 25's erl_epmd says 5..6 (checked against a real `erl`'s
 * ALIVE2_REQ, host/beam/epmd-client.test.ts), though it speaks the version-6 handshake only.
 */
export const DIST_VERSION_HIGH = 6;
export const DIST_VERSION_LOW = 5;

/** Longest alive name EPMD takes (MAXSYMLEN in epmd_int.h). */
export const MAX_ALIVE_BYTES = 255;
/** Bounds for the variable parts we read: `extra` and a NAMES answer. */
export const MAX_EXTRA_BYTES = 1024;
export const MAX_NAMES_BYTES = 64 * 1024;

const utf8 = new TextEncoder();
const utf8Strict = new TextDecoder('utf-8', { fatal: true });

/** `Length:16 | body`, as every request to EPMD is framed. */
function framed(body: Uint8Array): Uint8Array {
  const out = new Uint8Array(2 + body.length);
  out[0] = body.length >> 8;
  out[1] = body.length & 0xff;
  out.set(body, 2);
  return out;
}

function u16(b: Uint8Array, at: number): number {
  return (b[at] as number) * 256 + (b[at + 1] as number);
}

function put16(out: Uint8Array, at: number, v: number): void {
  out[at] = (v >> 8) & 0xff;
  out[at + 1] = v & 0xff;
}

/** The node fields as ALIVE2_REQ and PORT2_RESP lay them out after their first bytes. */
function nodeBytes(n: EpmdNode): Uint8Array {
  const name = utf8.encode(n.name);
  const out = new Uint8Array(2 + 1 + 1 + 2 + 2 + 2 + name.length + 2 + n.extra.length);
  put16(out, 0, n.port);
  out[2] = n.nodeType;
  out[3] = n.protocol;
  put16(out, 4, n.highestVersion);
  put16(out, 6, n.lowestVersion);
  put16(out, 8, name.length);
  out.set(name, 10);
  put16(out, 10 + name.length, n.extra.length);
  out.set(n.extra, 12 + name.length);
  return out;
}

/** Reads the node fields at `at`; they must end exactly at `end`. */
function readNode(b: Uint8Array, at: number, end: number): EpmdNode | 'incomplete' | string {
  if (end - at < 10) return 'incomplete';
  const nlen = u16(b, at + 8);
  if (nlen === 0 || nlen > MAX_ALIVE_BYTES) return `bad node name length ${nlen}`;
  if (end - at < 12 + nlen) return 'incomplete';
  const elen = u16(b, at + 10 + nlen);
  if (elen > MAX_EXTRA_BYTES) return `extra of ${elen} bytes exceeds ${MAX_EXTRA_BYTES}`;
  const size = 12 + nlen + elen;
  if (end - at < size) return 'incomplete';
  let name: string;
  try {
    name = utf8Strict.decode(b.subarray(at + 10, at + 10 + nlen));
  } catch {
    return 'node name is not UTF-8';
  }
  if (name.includes('@')) return `bad node name ${JSON.stringify(name)}`;
  return {
    name,
    port: u16(b, at),
    nodeType: b[at + 2] as number,
    protocol: b[at + 3] as number,
    highestVersion: u16(b, at + 4),
    lowestVersion: u16(b, at + 6),
    extra: b.slice(at + 12 + nlen, at + size),
  };
}

// ---- requests (node -> EPMD) ----

export function encodeAlive2Req(n: EpmdNode): Uint8Array {
  const body = nodeBytes(n);
  return framed(Uint8Array.from([EPMD_TAG.ALIVE2_REQ, ...body]));
}

/** A normal (or hidden) TCP node of distribution version 6 on `port`. */
export function aliveNode(name: string, port: number, hidden = false): EpmdNode {
  return {
    name, port, nodeType: hidden ? NODE_TYPE.HIDDEN : NODE_TYPE.NORMAL, protocol: 0,
    highestVersion: DIST_VERSION_HIGH, lowestVersion: DIST_VERSION_LOW, extra: new Uint8Array(0),
  };
}

export function encodePortPlease2Req(name: string): Uint8Array {
  return framed(Uint8Array.from([EPMD_TAG.PORT_PLEASE2_REQ, ...utf8.encode(name)]));
}

export function encodeNamesReq(): Uint8Array {
  return framed(Uint8Array.of(EPMD_TAG.NAMES_REQ));
}

/**
 * One request from the front of `b` (what a node sent EPMD), and how many bytes it took; a
 * server reads one per connection (a registration's socket carries nothing more).
 */
export function decodeRequest(b: Uint8Array): { request: EpmdRequest; size: number } | 'incomplete' | string {
  if (b.length < 2) return 'incomplete';
  const len = u16(b, 0);
  if (len === 0) return 'empty request';
  if (len > 2 + 1 + 1 + 2 + 2 + 2 + MAX_ALIVE_BYTES + 2 + MAX_EXTRA_BYTES + 1) return `request of ${len} bytes is too long`;
  if (b.length < 2 + len) return 'incomplete';
  const end = 2 + len;
  const size = end;
  switch (b[2]) {
    case EPMD_TAG.ALIVE2_REQ: {
      const n = readNode(b, 3, end);
      if (n === 'incomplete') return 'truncated ALIVE2_REQ';
      if (typeof n === 'string') return n;
      if (3 + 12 + utf8.encode(n.name).length + n.extra.length !== end) return 'ALIVE2_REQ length does not match its fields';
      return { request: { type: 'alive2', node: n }, size };
    }
    case EPMD_TAG.PORT_PLEASE2_REQ: {
      if (len - 1 > MAX_ALIVE_BYTES) return `node name of ${len - 1} bytes is too long`;
      try {
        return { request: { type: 'port_please2', name: utf8Strict.decode(b.subarray(3, end)) }, size };
      } catch {
        return 'node name is not UTF-8';
      }
    }
    case EPMD_TAG.NAMES_REQ:
      if (len !== 1) return 'NAMES_REQ with trailing bytes';
      return { request: { type: 'names' }, size };
    default:
      return `unknown request ${b[2]}`;
  }
}

// ---- answers (EPMD -> node) ----

/** ALIVE2_X_RESP: result 0 and the node's creation, or a nonzero result (name taken). */
export function encodeAlive2XResp(result: number, creation: number): Uint8Array {
  const out = new Uint8Array(6);
  out[0] = EPMD_TAG.ALIVE2_X_RESP;
  out[1] = result;
  new DataView(out.buffer).setUint32(2, creation >>> 0);
  return out;
}

/** How decodeAlive2Resp's error for a refused registration (a name in use) begins. */
export const REFUSED = 'EPMD refused the registration';

/** The answer to ALIVE2_REQ: the creation, or an error (EPMD refuses a name in use with result 1). */
export function decodeAlive2Resp(b: Uint8Array): { creation: number } | 'incomplete' | string {
  if (b.length < 2) return 'incomplete';
  const tag = b[0];
  if (tag !== EPMD_TAG.ALIVE2_X_RESP && tag !== EPMD_TAG.ALIVE2_RESP) return `unexpected answer ${tag} to ALIVE2_REQ`;
  if (b[1] !== 0) return `${REFUSED} (result ${b[1]}): the name may be in use`;
  const size = tag === EPMD_TAG.ALIVE2_X_RESP ? 6 : 4;
  if (b.length < size) return 'incomplete';
  if (b.length > size) return 'trailing bytes after ALIVE2 answer';
  const creation = tag === EPMD_TAG.ALIVE2_X_RESP ? new DataView(b.buffer, b.byteOffset, 6).getUint32(2) : u16(b, 2);
  return { creation };
}

/** PORT2_RESP: the node, or null for "not registered" (result 1). */
export function encodePort2Resp(n: EpmdNode | null): Uint8Array {
  if (n === null) return Uint8Array.of(EPMD_TAG.PORT2_RESP, 1);
  return Uint8Array.from([EPMD_TAG.PORT2_RESP, 0, ...nodeBytes(n)]);
}

/** The answer to PORT_PLEASE2_REQ: the node, or null when no such name is registered. */
export function decodePort2Resp(b: Uint8Array): EpmdNode | null | 'incomplete' | string {
  if (b.length < 2) return 'incomplete';
  if (b[0] !== EPMD_TAG.PORT2_RESP) return `unexpected answer ${b[0]} to PORT_PLEASE2_REQ`;
  if (b[1] !== 0) return b.length === 2 ? null : 'trailing bytes after PORT2_RESP error';
  const n = readNode(b, 2, b.length);
  if (typeof n !== 'string' && b.length !== 2 + 12 + utf8.encode(n.name).length + n.extra.length) return 'trailing bytes after PORT2_RESP';
  return n;
}

/** NAMES_RESP: EPMD's port, then a line per node, as epmd writes them. */
export function encodeNamesResp(epmdPort: number, nodes: readonly { name: string; port: number }[]): Uint8Array {
  const text = nodes.map((n) => `name ${n.name} at port ${n.port}\n`).join('');
  const t = utf8.encode(text);
  const out = new Uint8Array(4 + t.length);
  new DataView(out.buffer).setUint32(0, epmdPort);
  out.set(t, 4);
  return out;
}

/**
 * The whole NAMES answer (EPMD closes the connection after it). Lines that are not
 * `name N at port P` are skipped, as net_adm:names/1 does (it takes what it can parse).
 */
export function decodeNamesResp(b: Uint8Array): { epmdPort: number; names: { name: string; port: number }[] } | string {
  if (b.length < 4) return 'truncated NAMES answer';
  if (b.length > MAX_NAMES_BYTES) return `NAMES answer of ${b.length} bytes exceeds ${MAX_NAMES_BYTES}`;
  const epmdPort = new DataView(b.buffer, b.byteOffset, 4).getUint32(0);
  let text: string;
  try {
    text = utf8Strict.decode(b.subarray(4));
  } catch {
    return 'NAMES answer is not UTF-8';
  }
  const names: { name: string; port: number }[] = [];
  for (const line of text.split('\n')) {
    const m = /^name (\S+) at port (\d{1,5})$/u.exec(line);
    if (m !== null && Number(m[2]) <= 0xffff) names.push({ name: m[1] as string, port: Number(m[2]) });
  }
  return { epmdPort, names };
}
