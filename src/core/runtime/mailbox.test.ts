import { describe, expect, it } from 'vitest';
import { atom, tuple } from '../term/types.ts';
import type { Term } from '../term/types.ts';
import { Mailbox } from './mailbox.ts';
import { generatorBody, receive } from './bodies.ts';
import { testNode } from './test-helpers.ts';

describe('Mailbox', () => {
  it('takes the first matching message and keeps the others in order', () => {
    const mb = new Mailbox();
    for (const m of [1, 2, 3, 4]) mb.push(m);
    let m: Term | undefined;
    while ((m = mb.next()) !== undefined && m !== 3);
    expect(mb.take()).toBe(3);
    expect(mb.toArray()).toEqual([1, 2, 4]);
    expect(mb.length).toBe(3);
    // a new receive starts from the oldest message again
    expect(mb.next()).toBe(1);
  });

  it('takes the last message and keeps appending after it', () => {
    const mb = new Mailbox();
    mb.push(1);
    mb.push(2);
    mb.next();
    mb.next();
    expect(mb.take()).toBe(2);
    mb.push(3);
    expect(mb.toArray()).toEqual([1, 3]);
  });

  it('resumes a waiting receive from where it stopped', () => {
    const mb = new Mailbox();
    mb.push(1);
    expect(mb.next()).toBe(1);
    expect(mb.next()).toBeUndefined();
    expect(mb.hasUnscanned()).toBe(false);
    mb.push(2);
    expect(mb.hasUnscanned()).toBe(true);
    expect(mb.next()).toBe(2);
    expect(mb.scanned).toBe(2);
  });
});

describe('selective receive in a process', () => {
  it('scans a long mailbox once per receive, however often the process wakes (save pointer)', () => {
    const { node } = testNode();
    const go = atom('go');
    const got: Term[] = [];
    const pid = node.spawn(
      generatorBody(function* () {
        for (let round = 0; round < 3; round++) got.push((yield receive((m) => m === go)) as Term);
      }),
    );
    node.runUntilIdle();
    const N = 100_000;
    for (let round = 0; round < 3; round++) {
      // every junk message wakes the process, which must look at that message only
      for (let i = 0; i < N / 10; i++) {
        for (let j = 0; j < 10; j++) node.send(pid, tuple(atom('junk'), i));
        node.runUntilIdle();
      }
      node.send(pid, go);
      node.runUntilIdle();
    }
    expect(got).toEqual([go, go, go]);
    expect(node.info(pid)).toBeUndefined(); // finished normally
  });

  it('counts scans: linear in the number of messages', () => {
    const { node } = testNode();
    const go = atom('go');
    let api: { mailboxLength(): number } | undefined;
    const pid = node.spawn(
      generatorBody(function* (proc) {
        api = proc;
        for (;;) yield receive((m) => m === go);
      }),
    );
    node.runUntilIdle();
    const mb = (node.processApi(pid) as unknown as { mailbox: Mailbox }).mailbox;
    const N = 100_000;
    for (let round = 1; round <= 3; round++) {
      for (let i = 0; i < N; i++) {
        node.send(pid, i);
        if (i % 100 === 0) node.runUntilIdle();
      }
      node.send(pid, go);
      node.runUntilIdle();
    }
    // Each receive looks at every message once: round r's receive sees the (r-1)*N junk left
    // from before, its N new ones and :go; a 4th receive then scans the 3N left. 9N+3 in all,
    // where rescanning on each of the N/100 wake-ups per round would cost ~N²/100.
    expect(mb.scanned).toBe(N + 1 + (2 * N + 1) + (3 * N + 1) + 3 * N);
    expect(api?.mailboxLength()).toBe(3 * N);
  });
});
