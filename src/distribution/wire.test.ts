import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../core/ports.ts';
import { Pid, atom, tuple } from '../core/term/types.ts';
import { generatorBody, receive } from '../core/runtime/bodies.ts';
import { PLAYGROUND_FLAGS } from './handshake/flags.ts';
import { Cluster, collect, rawPeer } from './testing.ts';
import { PacketWriter } from './packet-stream.ts';
import { encodeControl } from './control.ts';

function frame(body: number[]): Uint8Array {
  const out = new Uint8Array(4 + body.length);
  new DataView(out.buffer).setUint32(0, body.length);
  out.set(body, 4);
  return out;
}

describe('malformed input closes the link with a logged reason; the node keeps running', () => {
  it('a fuzz of random packets after a good handshake', () => {
    const c = new Cluster();
    const two = c.add('two@lab');
    const echo = collect(two.node);
    c.settle();
    const rnd = new SeededRandom(2024);
    for (let i = 0; i < 60; i++) {
      const evil = rawPeer(c, `evil${i}@lab`, two);
      expect(two.dist.list()).toEqual([atom(`evil${i}@lab`)]);
      const len = 1 + Math.floor(rnd.next() * 40);
      const body = Array.from({ length: len }, () => Math.floor(rnd.next() * 256));
      if (i % 3 === 0) body[0] = 112; // get past the packet type now and then
      if (i % 3 === 1) body.splice(0, 2, 112, 131);
      evil.link.send(frame(body));
      c.settle();
      expect(evil.closed.length).toBe(1);
      expect(two.dist.list()).toEqual([]);
      const last = two.logs.at(-1)?.[1] ?? '';
      expect(last.startsWith(`** Connection to node :evil${i}@lab closed: protocol error: `)).toBe(true);
    }
    two.node.send(echo.pid, atom('still_alive'));
    c.settle();
    expect(echo.got).toEqual([atom('still_alive')]);
  });

  it('a hostile length field is refused without allocating it', () => {
    const c = new Cluster();
    const two = c.add('two@lab');
    c.settle();
    const evil = rawPeer(c, 'evil@lab', two);
    evil.link.send(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 1, 2, 3));
    c.settle();
    expect(evil.closed.length).toBe(1);
    expect(two.logs.at(-1)?.[1]).toBe(
      '** Connection to node :evil@lab closed: protocol error: packet of 4294967295 bytes exceeds the limit of 67108864 **',
    );
  });

  it('the good messages before a bad packet in the same batch are delivered, then the link closes', () => {
    const c = new Cluster();
    const two = c.add('two@lab');
    const box = collect(two.node);
    two.node.register(atom('box'), box.pid);
    c.settle();
    const evil = rawPeer(c, 'evil@lab', two);
    const from = new Pid(atom('evil@lab'), 40, 0, 5);
    const w = new PacketWriter(1 << 16);
    for (const i of [1, 2]) {
      const e = encodeControl({ type: 'reg_send', from, name: atom('box'), message: tuple(atom('good'), i) }, PLAYGROUND_FLAGS);
      expect(w.pushTerms(e.control, e.payload, { versionByte: false })).toBe(null);
    }
    const good = w.take()[0] as Uint8Array;
    const bad = frame([112, 131, 104, 2, 97, 99]); // a control tuple cut short
    const batch = new Uint8Array(good.length + bad.length);
    batch.set(good);
    batch.set(bad, good.length);
    evil.link.send(batch);
    c.settle();
    expect(box.got).toEqual([tuple(atom('good'), 1), tuple(atom('good'), 2)]);
    expect(evil.closed.length).toBe(1);
    expect(two.logs.at(-1)?.[1]).toMatch(/^\*\* Connection to node :evil@lab closed: protocol error: /);
  });

  it('a well-formed but unknown control message also closes the link', () => {
    const c = new Cluster();
    const two = c.add('two@lab');
    c.settle();
    const evil = rawPeer(c, 'evil@lab', two);
    // 112 | 131 {99, 1}
    evil.link.send(frame([112, 131, 104, 2, 97, 99, 97, 1]));
    c.settle();
    expect(two.logs.at(-1)?.[1]).toBe('** Connection to node :evil@lab closed: protocol error: unsupported control message 99 **');
  });
});

describe('batching', () => {
  it('many small sends in one scheduling turn travel in one data-channel message', () => {
    const c = new Cluster();
    const one = c.add('one@lab');
    const two = c.add('two@lab');
    const box = collect(two.node);
    c.connect(one, two);
    const before = { ...one.dist.stats(two.name)! };
    one.node.spawn(generatorBody(function* (proc) {
      for (let i = 0; i < 200; i++) proc.send(box.pid, tuple(atom('n'), i));
      yield receive(() => false, 0);
    }));
    c.settle();
    const after = one.dist.stats(two.name)!;
    expect(box.got.length).toBe(200);
    expect(after.packetsOut - before.packetsOut).toBe(200);
    // 200 packets of ~40 bytes: one 16 KiB message
    expect(after.messagesOut - before.messagesOut).toBe(1);
  });
});

describe('malformed handshakes', () => {
  it('garbage instead of send_name closes the link; the node still accepts good peers', () => {
    const c = new Cluster();
    const two = c.add('two@lab');
    const one = c.add('one@lab');
    c.settle();
    const rnd = new SeededRandom(77);
    const t = c.net.transport();
    t.listen('junk@lab', () => {});
    let closes = 0;
    for (let i = 0; i < 30; i++) {
      t.connect('two@lab', (r) => {
        if (!r.ok) return;
        r.link.onClose(() => closes++);
        const n = Math.floor(rnd.next() * 30);
        const b = Uint8Array.from({ length: n }, () => Math.floor(rnd.next() * 256));
        if (i % 2 === 0 && n > 0) b[0] = 78; // looks like send_name
        r.link.send(b);
      });
    }
    c.settle();
    expect(closes).toBe(30);
    expect(c.connect(one, two)).toBe(true);
  });
});
