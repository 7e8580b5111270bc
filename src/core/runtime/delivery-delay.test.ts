import { describe, expect, it } from 'vitest';
import { atom, Tuple, type Term } from '../term/types.ts';
import { advanceAndRun } from './testing.ts';
import { collector, testNode } from './test-helpers.ts';
import { MAX_DELAYED } from './delivery-delay.ts';
import { generatorBody, receive } from './bodies.ts';

const slow = atom('slow');
const fast = atom('fast');

describe('the delivery-delay seam', () => {
  it('delivers a local message only when the policy says, with the message:sent event at the send', () => {
    const { node, clock } = testNode();
    const sink = collector(node);
    const sent: number[] = [];
    node.subscribe((e) => {
      if (e.type === 'message:sent') sent.push(e.time);
    });
    node.setDeliveryDelay(() => 2000);
    node.send(sink.pid, slow);
    advanceAndRun(clock, 1999, node);
    expect(sink.messages).toEqual([]);
    expect(node.getSnapshot().processes.find((p) => p.pid === sink.pid)?.messageQueueLen).toBe(0);
    advanceAndRun(clock, 1, node);
    expect(sink.messages).toEqual([slow]);
    expect(sent).toEqual([0]);
  });

  it('keeps the order of a sender/receiver pair when a later message would be due earlier', () => {
    const { node, clock } = testNode();
    const sink = collector(node);
    node.setDeliveryDelay((_from, _to, m) => (m === slow ? 1000 : 0));
    node.send(sink.pid, slow);
    node.send(sink.pid, fast); // no delay of its own, but behind :slow of the same pair
    advanceAndRun(clock, 999, node);
    expect(sink.messages).toEqual([]);
    advanceAndRun(clock, 1, node);
    expect(sink.messages).toEqual([slow, fast]);
    // The pair is forgotten once drained: the next undelayed message goes at once.
    node.send(sink.pid, fast);
    node.runUntilIdle();
    expect(sink.messages).toEqual([slow, fast, fast]);
  });

  it('does not hold one pair behind another', () => {
    const { node, clock } = testNode();
    const sink = collector(node);
    const other = collector(node);
    node.setDeliveryDelay((_from, to) => (to === sink.pid ? 1000 : 0));
    node.send(sink.pid, slow);
    node.send(other.pid, fast);
    node.runUntilIdle();
    expect([sink.messages, other.messages]).toEqual([[], [fast]]);
    advanceAndRun(clock, 1000, node);
    expect(sink.messages).toEqual([slow]);
  });

  it('a named send waits too; removing the policy delivers what waits, in order, at once', () => {
    const { node } = testNode();
    const sink = collector(node);
    node.register(atom('sink'), sink.pid);
    node.setDeliveryDelay(() => 5000);
    node.send(atom('sink'), atom('a'));
    node.send(new Tuple([atom('sink'), node.name]), atom('b'));
    node.runUntilIdle();
    expect(sink.messages).toEqual([]);
    node.setDeliveryDelay(null);
    node.runUntilIdle();
    expect(sink.messages).toEqual([atom('a'), atom('b')]);
    expect(node.nextTimerAt()).toBeNull();
  });

  it('a receiver that died meanwhile drops the message, as a send to a dead pid', () => {
    const { node, clock } = testNode();
    const sink = collector(node);
    node.setDeliveryDelay(() => 1000);
    node.send(sink.pid, slow);
    node.exit(sink.pid, atom('kill'));
    advanceAndRun(clock, 2000, node);
    expect(sink.messages).toEqual([]);
    expect(node.isAlive(sink.pid)).toBe(false);
  });

  it('a flood past MAX_DELAYED is delivered at once, in order, none lost', () => {
    const { node } = testNode();
    const sink = collector(node);
    node.setDeliveryDelay(() => 60_000);
    for (let i = 0; i <= MAX_DELAYED; i++) node.send(sink.pid, i);
    node.runUntilIdle();
    expect(sink.messages.length).toBe(MAX_DELAYED + 1);
    expect(sink.messages.every((m: Term, i) => m === i)).toBe(true);
    expect(node.nextTimerAt()).toBeNull();
  });
});

describe('signals behind delayed messages', () => {
  it('an exit signal and a DOWN travel as messages do, and wait behind the sender\'s messages still on their way', () => {
    const { node, clock } = testNode();
    const got: Term[] = [];
    const watcher = node.spawn(
      generatorBody(function* (proc) {
        proc.setTrapExit(true);
        for (;;) got.push((yield receive()) as Term);
      }),
    );
    node.runUntilIdle();
    node.setDeliveryDelay((_f, _t, m) => (m === atom('last_words') ? 1000 : 0));
    const sender = node.spawn(
      generatorBody(function* (proc) {
        proc.link(watcher);
        proc.send(watcher, atom('last_words'));
        yield* []; // ends at once
        return atom('bye');
      }),
    );
    node.processApi(watcher)?.monitor(sender);
    node.runUntilIdle();
    expect(node.isAlive(sender)).toBe(false);
    expect(got).toEqual([]);
    advanceAndRun(clock, 1000, node);
    expect(got.map((m) => (m instanceof Tuple ? (m.elements[0] as { name: string }).name : m))).toEqual([atom('last_words'), 'EXIT', 'DOWN']);
  });
});

describe('signals at a message speed', () => {
  it('a linked process dies when the exit signal lands, not before', () => {
    const { node, clock } = testNode();
    const linked = collector(node);
    node.setDeliveryDelay(() => 1000);
    node.spawn(
      generatorBody(function* (proc) {
        proc.link(linked.pid);
        yield* []; // ends at once
        return atom('boom');
      }),
    );
    advanceAndRun(clock, 999, node);
    expect(node.isAlive(linked.pid)).toBe(true);
    advanceAndRun(clock, 1, node);
    expect(node.isAlive(linked.pid)).toBe(false);
  });
});
