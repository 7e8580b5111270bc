/**
 * Hostile peers on the terminal node's real TCP distribution port (found through the machine's
 * EPMD, as any node finds it): garbage, a huge length prefix in the handshake and after it, and
 * a handshake that stalls. Each connection is closed by the node, which goes on working.
 */
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeededRandom } from '../core/ports.ts';
import { createInitiator } from '../distribution/handshake/initiator.ts';
import { beamFlags, PLAYGROUND_FLAGS } from '../distribution/handshake/flags.ts';
import { Deframer, frame } from '../distribution/handshake/framing.ts';
import { epmdLookup } from '../host/beam/epmd-client.ts';
import { terminalIex, type IexSession } from './beam-testing.ts';

const NAME = `beamlink_hostile${process.pid}`;
let cli: IexSession;
let port = 0;

beforeAll(async () => {
  cli = terminalIex(NAME, 'c');
  await cli.type('Node.self()');
  // Registration follows the listen; ask EPMD until it is there.
  for (let i = 0; i < 500 && port === 0; i++) {
    const r = await epmdLookup(NAME);
    if (r.ok && r.value !== null) port = r.value.port;
  }
  expect(port).toBeGreaterThan(0);
}, 90_000);

afterAll(() => cli?.stop());

/** A socket to the node's distribution port and a promise of its close. */
async function open(): Promise<{ s: Socket; closed: Promise<void>; data: Uint8Array[] }> {
  const s = connect(port, '127.0.0.1');
  const data: Uint8Array[] = [];
  s.on('data', (b: Buffer) => data.push(new Uint8Array(b)));
  s.on('error', () => {});
  const closed = new Promise<void>((res) => s.on('close', () => res()));
  await new Promise((res) => s.on('connect', res));
  return { s, closed, data };
}

describe('hostile peers on the TCP distribution port', () => {
  it('garbage in the handshake: closed, and the node logs why', async () => {
    const { s, closed } = await open();
    s.write(Uint8Array.of(0, 5, 104, 101, 108, 108, 111));
    await closed;
    await cli.waitFor(/\*\* Connection attempt from node :"127\.0\.0\.1:\d+" closed: protocol error: bad send_name: tag 104 \*\*/);
  }, 30_000);

  it('a huge length prefix in the handshake: closed at once', async () => {
    const { s, closed, data } = await open();
    s.write(Uint8Array.of(0xff, 0xff, 78));
    await closed;
    expect(data).toEqual([]);
  }, 30_000);

  it('a huge packet length after a real handshake: closed, the node stays up', async () => {
    const { s, closed, data } = await open();
    const init = createInitiator({
      myName: `evil${process.pid}@vm`, peerName: `${NAME}@vm`, myFlags: beamFlags(PLAYGROUND_FLAGS), creation: 7, cookieFor: () => 'c', random: new SeededRandom(1),
    });
    const d = new Deframer(2);
    let out = init.start();
    let seen = 0;
    for (;;) {
      for (const m of out.send) s.write(frame(m));
      if (init.state === 'up' || init.state === 'failed') break;
      let m = d.next();
      while (m === null) {
        await new Promise<void>((res) => s.once('data', () => res()));
        for (; seen < data.length; seen++) d.append(data[seen] as Uint8Array);
        m = d.next();
      }
      if (typeof m === 'string') throw new Error(m);
      out = init.receive(m);
    }
    expect(init.state).toBe('up');
    s.write(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 1, 2, 3));
    await closed;
    await cli.waitFor(new RegExp(`\\*\\* Connection to node :evil${process.pid}@vm closed: protocol error: packet of 4294967295 bytes exceeds \\d+ \\*\\*`));
    expect(await cli.type('Node.list()')).toBe('[]\n');
  }, 30_000);

  it('a stalled handshake is closed at the setup timeout (7 s, net_setuptime)', async () => {
    const { closed } = await open();
    const at = Date.now();
    await closed;
    expect(Date.now() - at).toBeGreaterThan(5_000);
    expect(await cli.type('1 + 1')).toBe('2\n');
  }, 30_000);

  it('a second node with the same name stops at once, in erl\'s words', async () => {
    const twin = terminalIex(NAME, 'c');
    expect(await twin.exited()).toBe(1);
    expect(twin.out()).toBe(`Protocol 'inet_tcp': the name ${NAME}@vm seems to be in use by another Erlang node\n`);
  }, 60_000);
});
