/**
 * A hostile review of the handshake's identity work: two links racing for one name, and bytes
 * that are no handshake message (cut short, made up) in every state of both machines.
 */
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../core/ports.ts';
import { atom, tuple } from '../core/term/types.ts';
import { createAcceptor } from './handshake/acceptor.ts';
import { createInitiator } from './handshake/initiator.ts';
import { PLAYGROUND_FLAGS } from './handshake/flags.ts';
import { encodeChallenge, encodeChallengeReply, encodeSendName, encodeStatus } from './handshake/messages.ts';
import type { HandshakeOutput } from './handshake/events.ts';
import { Cluster, collect } from './testing.ts';
import { caller } from './testing-caller.ts';
import { NOK_LINGER_MS } from './peers.ts';

describe('two links racing for one name', () => {
  it('both passing send_name before either is up: one nodeup, one connection, the other closed', () => {
    const c = new Cluster();
    const two = c.add('two@lab');
    const watcher = collect(two.node);
    c.settle();
    two.dist.monitorNodes(watcher.pid, true);
    // The real one@lab's identity, with the cookie, opening two links at once.
    const one = caller(c, 'one@lab');
    const [a, b] = [one.open('one@lab', 'secret'), one.open('one@lab', 'secret')];
    c.settle();
    expect(watcher.got).toEqual([tuple(atom('nodeup'), atom('one@lab'))]);
    expect(two.dist.list()).toEqual([atom('one@lab')]);
    // The second met the first pending (net_kernel's one pending entry per node): two@lab, the
    // greater name, answered nok. This caller does not close on nok; two closes it after a while.
    expect(b.received).toEqual(['nok']);
    c.advance(NOK_LINGER_MS);
    // One link stays; the other is closed, without a nodedown.
    expect([a.closed, b.closed]).toEqual([false, true]);
    expect(watcher.got).toEqual([tuple(atom('nodeup'), atom('one@lab'))]);
  });
});

describe('bytes that are no handshake message', () => {
  const opts = { myFlags: PLAYGROUND_FLAGS, creation: 7, cookieFor: () => 'secret' };
  const sendName = encodeSendName({ flags: PLAYGROUND_FLAGS, creation: 1, name: 'one@lab' });
  const challenge = encodeChallenge({ flags: PLAYGROUND_FLAGS, challenge: 42, creation: 2, name: 'two@lab' });
  const reply = encodeChallengeReply({ challenge: 7, digest: new Uint8Array(32) });
  const valid = [sendName, challenge, reply, encodeStatus('ok'), encodeStatus('alive'), encodeStatus('true'), Uint8Array.from([97, ...new Uint8Array(32)])];

  /** Every prefix and every one-byte change of each valid message, and seeded random bytes. */
  function hostileInputs(): Uint8Array[] {
    const out: Uint8Array[] = [new Uint8Array(0)];
    for (const m of valid) {
      for (let n = 0; n < m.length; n++) out.push(m.slice(0, n));
      for (let i = 0; i < m.length; i++) for (const v of [0, 0x7f, 0x80, 0xff]) out.push(Uint8Array.from(m, (x, j) => (j === i ? v : x)));
    }
    const r = new SeededRandom(5);
    for (let k = 0; k < 300; k++) out.push(Uint8Array.from({ length: Math.floor(r.next() * 64) }, () => Math.floor(r.next() * 256)));
    return out;
  }

  /** The machine either takes the bytes or fails; it never throws, and a failure is final. */
  function expectHandled(feed: () => HandshakeOutput, state: () => string): void {
    const out = feed();
    const failed = out.events.some((e) => e.type === 'failed');
    expect(failed).toBe(state() === 'failed');
  }

  it('an acceptor in each state: never a throw', () => {
    const makers = [
      () => createAcceptor({ ...opts, myName: 'two@lab', random: new SeededRandom(1), linkPeer: 'one@lab' }),
      () => {
        const m = createAcceptor({ ...opts, myName: 'two@lab', random: new SeededRandom(1), linkPeer: 'one@lab' });
        m.receive(sendName);
        return m;
      },
      () => {
        const m = createAcceptor({ ...opts, myName: 'two@lab', random: new SeededRandom(1), linkPeer: 'one@lab', isUp: () => true });
        m.receive(sendName);
        return m;
      },
    ];
    for (const make of makers) {
      for (const bytes of hostileInputs()) {
        const m = make();
        expectHandled(() => m.receive(bytes), () => m.state);
      }
    }
  });

  it('an initiator in each state: never a throw', () => {
    const make = (steps: Uint8Array[]) => () => {
      const m = createInitiator({ ...opts, myName: 'one@lab', peerName: 'two@lab', random: new SeededRandom(1), isPending: () => true });
      m.start();
      for (const s of steps) m.receive(s);
      return m;
    };
    for (const at of [make([]), make([encodeStatus('ok')]), make([encodeStatus('ok'), challenge])]) {
      for (const bytes of hostileInputs()) {
        const m = at();
        expectHandled(() => m.receive(bytes), () => m.state);
      }
    }
  });
});
