/**
 * Our initiator against a real OTP node over loopback TCP: EPMD lookup, the version-6 handshake
 * with 2-byte framing, then REG_SENDs from us and the BEAM's SEND_SENDER replies in 4-byte
 * framed packets with the distribution header's atom cache, in both directions. Requires `erl` on the PATH (installed in this environment). No sleeps:
 * every wait is for an event from the BEAM process or the socket.
 */
import { spawn } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { SeededRandom } from '../../core/ports.ts';
import { Binary, Pid, Tuple, atom, tuple, type Term } from '../../core/term/types.ts';
import { decodePacket, decodeTerms, hasAtomCacheRefs } from '../etf/packet.ts';
import { FragmentReader } from '../etf/fragments.ts';
import { InAtomCache, OutAtomCache } from '../etf/atom-cache.ts';
import { PacketWriter } from '../packet-stream.ts';
import { DFLAG, PLAYGROUND_FLAGS } from './flags.ts';
import { Deframer, frame } from './framing.ts';
import { createInitiator } from './initiator.ts';

const ERL_CODE = [
  'register(test, self()), net_kernel:monitor_nodes(true),',
  'io:format("ready ~s~n", [node()]),',
  'receive {nodeup, N} -> io:format("nodeup ~s~n", [N]) end,',
  'Echo = fun Loop(0) -> ok; Loop(N) -> receive {From, Msg} when is_pid(From) -> From ! {echo, Msg}, io:format("got ~w~n", [Msg]), Loop(N - 1) end end,',
  'Echo(4),',
  'receive stop -> ok after 10000 -> ok end, halt().',
].join(' ');

const erl = spawn('erl', ['-sname', `real${process.pid}`, '-setcookie', 'sekrit', '-noshell', '-eval', ERL_CODE], { stdio: ['ignore', 'pipe', 'pipe'] });
let erlOut = '';
const waiters: (() => void)[] = [];
erl.stdout.on('data', (d: Buffer) => {
  erlOut += d.toString();
  waiters.splice(0).forEach((w) => w());
});
function waitForOutput(re: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve) => {
    const check = (): void => {
      const m = erlOut.match(re);
      if (m) resolve(m);
      else waiters.push(check);
    };
    check();
  });
}

afterAll(() => {
  erl.kill();
});

/** Reads from a socket through a Deframer, one message at a time. */
function reader(sock: Socket, d: Deframer): () => Promise<Uint8Array> {
  const queue: (() => void)[] = [];
  sock.on('data', (b: Buffer) => {
    d.append(new Uint8Array(b));
    queue.splice(0).forEach((q) => q());
  });
  return () =>
    new Promise((resolve, reject) => {
      const tryNext = (): void => {
        const m = d.next();
        if (typeof m === 'string') reject(new Error(m));
        else if (m) resolve(m);
        else queue.push(tryNext);
      };
      tryNext();
    });
}

/** EPMD PORT_PLEASE2_REQ: the distribution port of `alive` on this host. */
function epmdPort(alive: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = connect(4369, '127.0.0.1');
    const name = new TextEncoder().encode(alive);
    s.on('connect', () => s.write(frame(Uint8Array.from([122, ...name]))));
    let buf = Buffer.alloc(0);
    s.on('data', (b: Buffer) => {
      buf = Buffer.concat([buf, b]);
      if (buf.length >= 4) {
        s.destroy();
        if (buf[0] !== 119 || buf[1] !== 0) reject(new Error(`epmd answered ${buf.toString('hex')}`));
        else resolve(buf.readUInt16BE(2));
      }
    });
    s.on('error', reject);
  });
}

describe('against a real BEAM node', () => {
  it('connects with the MD5 handshake and exchanges a message', async () => {
    const [, realName] = (await waitForOutput(/ready (\S+)\n/)) as RegExpMatchArray;
    const peer = realName as string;
    const [alive, host] = peer.split('@') as [string, string];
    const port = await epmdPort(alive);
    const sock = connect(port, '127.0.0.1');
    await new Promise((r) => sock.on('connect', r));
    const d = new Deframer(2);
    const next = reader(sock, d);

    const myName = `ts@${host}`;
    const creation = 0x2a2a2a2a;
    const init = createInitiator({
      myName, peerName: peer, myFlags: PLAYGROUND_FLAGS, creation, cookieFor: () => 'sekrit', random: new SeededRandom(3),
    });
    const events = [];
    let out = init.start();
    for (;;) {
      out.send.forEach((m) => sock.write(frame(m)));
      events.push(...out.events);
      if (init.state === 'up' || init.state === 'failed') break;
      out = init.receive(await next());
    }
    expect(events.at(-1)).toMatchObject({ type: 'up', peerName: peer, digest: 'md5' });
    await waitForOutput(/nodeup /);

    // After the handshake: 4-byte lengths, and (both sides set DIST_HDR_ATOM_CACHE) packets in the
    // `131,68` header form, each side keeping the other's atom cache.
    expect(events.at(-1)).toMatchObject({ flags: expect.any(BigInt) });
    const up = events.at(-1) as { flags: bigint };
    expect(up.flags & DFLAG.DIST_HDR_ATOM_CACHE).toBe(DFLAG.DIST_HDR_ATOM_CACHE);
    d.setPrefix(4);
    const me = new Pid(atom(myName), 1, 0, creation);
    const writer = new PacketWriter(1 << 20, Infinity, new OutAtomCache());
    const inCache = new InAtomCache();
    const long = atom('é'.repeat(200)); // 400 bytes of UTF-8: the header's LongAtoms form
    // The first names every atom anew; the second reuses the cached ones; the third adds a long one.
    // The fourth is large: the BEAM's echo of it comes in fragments (DFLAG_FRAGMENTS), other packets may come between.
    const big = Binary.fromBytes(Uint8Array.from({ length: 300_000 }, (_, i) => i & 0xff));
    const sent = [atom('hello'), tuple(atom('hello'), atom('world')), tuple(long, atom('hello')), tuple(atom('big'), big)];
    const fragments = new FragmentReader(inCache, 64 * 1024 * 1024);
    let fragmentsSeen = 0;
    let refsSeen = 0;
    for (const msg of sent) {
      expect(writer.pushTerms(tuple(6, me, atom(''), atom('test')), tuple(me, msg), { versionByte: false }, true)).toBeNull();
      for (const m of writer.take()) sock.write(m);
      let reply: Term | undefined;
      while (reply === undefined) {
        const body = await next();
        if (hasAtomCacheRefs(body)) refsSeen++;
        const fragment = body[0] === 131 && (body[1] === 69 || body[1] === 70);
        const f = fragment ? fragments.push(body) : null;
        if (typeof f === 'string') throw new Error(f);
        if (fragment) fragmentsSeen++;
        if (fragment && f === null) continue;
        const p = f !== null ? decodeTerms(f.terms, 0, { versionByte: false, atomRefs: f.refs }) : decodePacket(body, {}, inCache);
        if (!p.ok) throw new Error(p.error);
        if (p.packet.kind !== 'message') continue;
        const ctrl = p.packet.control as Tuple;
        // The BEAM also greets a new node (REG_SENDs to rex and global_name_server): skip those.
        if (ctrl.elements[0] !== 22) continue;
        expect(ctrl.elements[2]).toEqual(me);
        reply = p.packet.payload;
      }
      expect(reply).toEqual(tuple(atom('echo'), msg));
    }
    // The real node decoded our headers (it echoed each term) and sent its own with cache refs.
    expect(refsSeen).toBeGreaterThanOrEqual(3);
    expect(fragmentsSeen).toBeGreaterThanOrEqual(2);
    await waitForOutput(/got \{big,<<0,1,2,/);
    sock.destroy();
  }, 20_000);
});
