import { describe, expect, it } from 'vitest';
import { Binary, Cons, NIL, Pid, Ref, atom, list, str, tuple, type Term, type Tuple } from '../term/types.ts';
import { mapFromPairs } from '../term/map.ts';
import { generatorBody, receive, type BodyGenerator } from './bodies.ts';
import { DEFAULT_MAX_HEAP_WORDS, termWords } from './heap-limit.ts';
import { collector, testNode } from './test-helpers.ts';

const NEVER = atom('never');

/** A process that waits for `:never` (selective receive): everything else piles up. */
function hoarder(): ReturnType<typeof generatorBody> {
  return generatorBody(function* (): BodyGenerator {
    yield receive((m) => m === NEVER);
  });
}

/** A process that sends `n` messages `{:msg, i}` to `to`, one per reduction (a flood). */
function flooder(to: () => Pid, n: number): ReturnType<typeof generatorBody> {
  return generatorBody(function* (proc): BodyGenerator {
    for (let i = 0; i < n; i++) {
      proc.send(to(), tuple(atom('msg'), i));
      yield receive(() => false, 0); // one step: the scheduler preempts it as the VM would
    }
  });
}

describe('termWords: BEAM flat sizes, plus the word that holds the message', () => {
  it('counts as erts_debug:flat_size does', () => {
    // erl: erts_debug:flat_size({msg, 1}) =:= 3, [1,2,3] =:= 6, <<"abc">> =:= 3 (heap binary).
    expect(termWords(atom('a'))).toBe(1);
    expect(termWords(tuple(atom('msg'), 1))).toBe(1 + 3);
    expect(termWords(list([1, 2, 3]))).toBe(1 + 6);
    expect(termWords(str('abc'))).toBe(1 + 3);
    expect(termWords(mapFromPairs([[atom('a'), 1]]))).toBe(1 + 5);
  });
  it('sizes small messages (a $gen_call, its reply) as the walk does', () => {
    // A tuple wider than 8 always takes the walk: nine copies of a small term must cost nine
    // times what the small term's own (fast) count says, plus the wide tuple's cells.
    const pid = new Pid(atom('a@h'), 101, 0, 1);
    const ref = new Ref(atom('a@h'), 1, [1, 2, 3]);
    const smalls: Term[] = [
      tuple(atom('$gen_call'), tuple(pid, new Cons(atom('alias'), ref)), atom('inc')),
      tuple(new Cons(atom('alias'), ref), 42),
      tuple(tuple(tuple(1, 2), 3), list([1, 2])),
      tuple(1, 2.5),
      new Cons(1, new Cons(2, new Cons(3, NIL))),
    ];
    for (const t of smalls) {
      const wide = tuple(...Array.from({ length: 9 }, () => t));
      expect(termWords(wide)).toBe(1 + 10 + 9 * (termWords(t) - 1));
    }
    // tuple(3) + tuple(2) + pid(4) + cons(2) + ref(2 + 3), and the holding word
    expect(termWords(smalls[0] as Term)).toBe(1 + 4 + 3 + 4 + 2 + 5);
  });
  it('counts a binary by its bytes and walks a 1,000,000-long or 100,000-deep term without recursion', () => {
    expect(termWords(Binary.fromBytes(new Uint8Array(8_000_000)))).toBe(1 + 2 + 1_000_000);
    let deep: Term = NIL;
    for (let i = 0; i < 100_000; i++) deep = new Cons(deep, NIL);
    expect(termWords(deep)).toBe(1 + 200_000);
    expect(termWords(list(Array.from({ length: 1_000_000 }, (_, i) => i)))).toBe(1 + 2_000_000);
  });
});

describe('max_heap_size', () => {
  it('kills a flooded process with :killed and the error report; the node and others keep running', () => {
    const { node, out } = testNode({ maxHeapSize: 10_000, formatTime: () => '12:00:00.000' });
    const victim = node.spawn(hoarder());
    const watcher = collector(node);
    node.processApi(watcher.pid)?.monitor(victim);
    const bystander = collector(node);
    // 100,000 messages of 4 words: 40 times the limit.
    node.spawn(flooder(() => victim, 100_000));
    node.runUntilIdle();

    expect(node.isAlive(victim)).toBe(false);
    const down = watcher.messages[0] as Tuple;
    expect(down.elements[0]).toBe(atom('DOWN'));
    expect(down.elements[4]).toBe(atom('killed'));
    // The report BEAM's error_logger writes, as iex prints it (captured from OTP 25 / Elixir 1.14).
    expect(out).toEqual([
      '\n12:00:00.000 [error]      Process:            #PID<0.' + victim.id + '.0> \n' +
        '     Context:            maximum heap size reached\n' +
        '     Max Heap Size:      10000\n' +
        '     Total Heap Size:    10004\n' +
        '     Kill:               true\n' +
        '     Error Logger:       true\n' +
        '     Message Queue Len:  2501\n' +
        '     GC Info:            [mbuf_size: 10004]\n',
    ]);
    node.send(bystander.pid, atom('still_here'));
    node.runUntilIdle();
    expect(bystander.messages).toEqual([atom('still_here')]);
  });

  it('bounds the memory a flood takes: the rest of the flood is dropped at the dead pid', () => {
    const { node } = testNode({ maxHeapSize: 1_000 });
    const victim = node.spawn(hoarder());
    let peak = 0;
    node.spawn(
      generatorBody(function* (proc): BodyGenerator {
        for (let i = 0; i < 50_000; i++) {
          proc.send(victim, tuple(atom('msg'), i));
          peak = Math.max(peak, node.processApi(victim)?.mailboxLength() ?? 0);
          yield receive(() => false, 0);
        }
      }),
    );
    node.runUntilIdle();
    expect(node.isAlive(victim)).toBe(false);
    expect(peak).toBe(250); // the 251st message of 4 words passed 1,000 words and ended it
  });

  it('is per process: Process.flag(:max_heap_size, 0) lifts it, a process that reads its messages never reaches it', () => {
    const { node } = testNode({ maxHeapSize: 1_000, processBudget: 20 });
    const unlimited = node.spawn(
      generatorBody(function* (proc): BodyGenerator {
        proc.setMaxHeap({ size: 0, kill: true, errorLogger: true });
        yield receive((m) => m === NEVER);
      }),
    );
    const reader = collector(node);
    node.runUntilIdle();
    node.spawn(flooder(() => unlimited, 5_000));
    node.spawn(flooder(() => reader.pid, 5_000));
    node.runUntilIdle();
    expect(node.isAlive(unlimited)).toBe(true);
    expect(node.processApi(unlimited)?.mailboxLength()).toBe(5_000);
    expect(node.isAlive(reader.pid)).toBe(true);
    expect(reader.messages.length).toBe(5_000);
  });

  it('kill: false only reports, once', () => {
    const { node, out } = testNode({ maxHeapSize: 1_000 });
    const p = node.spawn(
      generatorBody(function* (proc): BodyGenerator {
        proc.setMaxHeap({ size: 1_000, kill: false, errorLogger: true });
        yield receive((m) => m === NEVER);
      }),
    );
    node.runUntilIdle();
    node.spawn(flooder(() => p, 2_000));
    node.runUntilIdle();
    expect(node.isAlive(p)).toBe(true);
    expect(out.length).toBe(1);
    expect(out[0]).toContain('     Kill:               false\n');
  });

  it('has a per-node default, and spares the node’s own processes', () => {
    const { node } = testNode();
    const p = node.spawn(hoarder());
    expect(node.processApi(p)?.setMaxHeap({ size: 0, kill: true, errorLogger: true }).size).toBe(DEFAULT_MAX_HEAP_WORDS);
    const sys = node.spawn(hoarder(), { system: true });
    expect(node.processApi(sys)?.setMaxHeap({ size: 0, kill: true, errorLogger: true }).size).toBe(0);
  });
});
