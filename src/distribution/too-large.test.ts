// A term too large for the link is refused at the sender, with a logged reason naming the limit,
// and the connection stays up: BEAM would send it (it has no such limit), but the peer's reader
// refuses packets over MAX_PACKET_BYTES and would have to drop the whole connection.
import { describe, expect, it } from 'vitest';
import { Binary, atom, tuple } from '../core/term/types.ts';
import type { Term } from '../core/term/types.ts';
import { Cluster, collect } from './testing.ts';
import { MAX_PACKET_BYTES } from './connection.ts';

function pair() {
  const c = new Cluster();
  const one = c.add('one@lab');
  const two = c.add('two@lab');
  const box = collect(two.node);
  c.connect(one, two);
  const watcher = collect(one.node);
  one.dist.monitorNode(watcher.pid, two.name, true);
  return { c, one, two, box, watcher };
}

describe('a term too large for the link', () => {
  it('is refused at the sender with a logged reason; the messages around it cross and the connection stays up', () => {
    const { c, one, two, box, watcher } = pair();
    const sender = collect(one.node).pid;
    const huge = Binary.fromBytes(new Uint8Array(MAX_PACKET_BYTES + 1));
    const messages: Term[] = [tuple(atom('before'), 1), huge, tuple(atom('after'), 2)];
    for (const m of messages) one.node.processApi(sender)?.send(box.pid, m);
    c.settle();
    expect(box.got).toEqual([tuple(atom('before'), 1), tuple(atom('after'), 2)]);
    expect(one.logs).toContainEqual(['error', "** message dropped: the term is larger than the link's limit of 67108864 bytes (to node :two@lab) **"]);
    expect(one.dist.list()).toEqual([two.name]);
    expect(two.dist.list()).toEqual([one.name]);
    expect(watcher.got).toEqual([]);
    // A send to a registered name is refused the same way; later messages still cross.
    two.node.register(atom('box'), box.pid);
    one.node.processApi(sender)?.send(tuple(atom('box'), two.name), huge);
    one.node.processApi(sender)?.send(box.pid, atom('later'));
    c.settle();
    expect(box.got.at(-1)).toEqual(atom('later'));
    expect(one.logs.filter(([, t]) => t.startsWith('** message dropped: ')).length).toBe(2);
    expect(one.dist.list()).toEqual([two.name]);
  });

  it('a term just under the limit still crosses', () => {
    const { c, one, box } = pair();
    const big = Binary.fromBytes(new Uint8Array(MAX_PACKET_BYTES - 1024).fill(7));
    one.node.processApi(collect(one.node).pid)?.send(box.pid, big);
    c.settle();
    expect(box.got.length).toBe(1);
    expect((box.got[0] as Binary).byteSize).toBe(MAX_PACKET_BYTES - 1024);
  });
});
