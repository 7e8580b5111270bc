/**
 * A hand-driven caller for hostile-peer tests over the memory transport: it registers under any
 * identity and opens handshakes claiming any name with any cookie, or sends raw bytes.
 */
import { SeededRandom } from '../core/ports.ts';
import { createInitiator } from './handshake/initiator.ts';
import { PLAYGROUND_FLAGS } from './handshake/flags.ts';
import type { Cluster } from './testing.ts';

const text = new TextDecoder();

/** A handshake message as text: a status's word, else its tag letter. */
const show = (b: Uint8Array): string => (b[0] === 115 ? text.decode(b.subarray(1)) : String.fromCharCode(b[0] as number));

export interface Attempt {
  /** What arrived from the target (a message sent just before a close may not arrive). */
  readonly received: string[];
  closed: boolean;
}

export interface Caller {
  /** Everything sent to this identity by anyone, in order. */
  readonly heard: string[];
  /** A handshake by our own initiator, claiming any name with any cookie; `alive` gets `true`. */
  open(claim: string, cookie: string, target?: string): Attempt;
  /** A link that sends these bytes where send_name belongs. */
  junk(bytes: Uint8Array, target?: string): Attempt;
}

/** A hand-driven caller on the network, registered (listening) as `identity`. */
export function caller(c: Cluster, identity: string): Caller {
  const heard: string[] = [];
  c.net.onSend((m) => m.to === identity && heard.push(show(m.bytes)));
  const t = c.net.transport();
  const l = t.listen(identity, () => {});
  if (!l.ok) throw new Error(l.reason);
  let seed = 1;
  /** Dials `target`; `first` is sent at once, `reply` answers each message. */
  const dial = (target: string, first: Uint8Array[], reply: (b: Uint8Array) => Uint8Array[]): Attempt => {
    const a: Attempt = { received: [], closed: false };
    t.connect(target, (r) => {
      if (!r.ok) return void (a.closed = true);
      const link = r.link;
      link.onClose(() => (a.closed = true));
      link.onMessage((b) => {
        a.received.push(show(b));
        for (const s of reply(b)) link.send(s);
      });
      for (const s of first) link.send(s);
    });
    return a;
  };
  return {
    heard,
    open(claim, cookie, target = 'two@lab') {
      const m = createInitiator({
        myName: claim, peerName: target, myFlags: PLAYGROUND_FLAGS, creation: 7, cookieFor: () => cookie,
        random: new SeededRandom(seed++), isPending: () => true,
      });
      return dial(target, m.start().send, (b) => m.receive(b).send);
    },
    junk: (bytes, target = 'two@lab') => dial(target, [bytes], () => []),
  };
}
