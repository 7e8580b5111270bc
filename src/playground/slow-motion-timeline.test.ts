/**
 * When an EXIT and a DOWN reach the shell at the slowest message speed (slow motion: 2 s a
 * message), on the simulated clock: the question of e2e/tokens.spec, where `flush()` showed them
 * 8-10 s after the send. They are delivered on time, 2 s per hop; what takes longer is
 * `flush()` itself: the shell is a process of the class (#PID<0.100.0>), and each IO.inspect
 * is an io_request to the group leader and an io_reply back, both class messages the canvas
 * draws as I/O tokens, so each takes its 2 s like any other.
 */
import { describe, expect, it } from 'vitest';
import { Classroom, type Tab } from './classroom.ts';
import { Pid } from '../core/term/types.ts';

const SLOW_MOTION_MS = 2_000;
const SIGNALS = new Set(['EXIT', 'DOWN']);

function shellPid(room: Classroom, one: Tab): Pid {
  room.type(one, 'self()');
  const m = /#PID<0\.(\d+)\.(\d+)>/u.exec(one.take());
  if (m === null) throw new Error('no pid printed');
  return new Pid(one.node.node.name, Number(m[1]), Number(m[2]), one.node.node.creation);
}

/** Lets time pass in 10 ms steps until `done`; returns when (clock ms). */
function until(room: Classroom, done: () => boolean, limitMs = 30_000): number {
  const end = room.clock.now() + limitMs;
  while (!done()) {
    if (room.clock.now() >= end) throw new Error('not within the limit');
    room.advance(10);
  }
  return room.clock.now();
}

describe('slow motion: an EXIT and a DOWN to the shell', () => {
  function setUp() {
    const room = new Classroom();
    const one = room.open('one');
    room.type(one, 'Process.flag(:trap_exit, true)');
    const shell = shellPid(room, one);
    one.conditioner.slowNetwork(SLOW_MOTION_MS);
    room.type(one, 'pid = spawn_link(fn -> receive do :go -> exit(:boom) end end)');
    room.type(one, 'ref = Process.monitor(pid)');
    one.take();
    const sentAt = room.clock.now();
    one.shell.input('send pid, :go');
    /** The tags of the signals waiting in the shell's mailbox: [:EXIT, :DOWN] once both landed. */
    const landed = () => (one.node.node.info(shell)?.messages ?? []).flatMap((m) => (typeof m === 'object' && m.kind === 'tuple' && typeof m.elements[0] === 'object' && m.elements[0].kind === 'atom' && SIGNALS.has(m.elements[0].name) ? [m.elements[0].name] : []));
    return { room, one, sentAt, landed };
  }

  it('are in its mailbox two hops after the send (:go 2 s, then the signals 2 s), not later', () => {
    const { room, sentAt, landed } = setUp();
    const firstAt = until(room, () => landed().length > 0);
    expect(firstAt - sentAt).toBe(2 * SLOW_MOTION_MS);
    // Both at once (one death sends both), the EXIT first.
    expect(landed()).toEqual(['EXIT', 'DOWN']);
  });

  it('flush() prints each one an I/O round trip later: the print 2 s after it asks, the next 4 s after that', () => {
    const { room, one, sentAt, landed } = setUp();
    until(room, () => landed().length === 2);
    one.take();
    const start = room.clock.now();
    one.shell.input('flush()');
    const exitAt = until(room, () => one.output().includes('{:EXIT, #PID<'));
    const downAt = until(room, () => one.output().includes('{:DOWN, #Reference<'));
    const doneAt = until(room, () => !one.shell.isBusy);
    expect([exitAt - start, downAt - start, doneAt - start]).toEqual([SLOW_MOTION_MS, 3 * SLOW_MOTION_MS, 4 * SLOW_MOTION_MS]);
    // So a flush() that finds them shows the DOWN 10 s after the send, and returns 12 s after it.
    expect(downAt - sentAt).toBe(5 * SLOW_MOTION_MS);
  });

  it('Process.info(self(), :messages) shows both as soon as they land: its value is printed without an I/O request', () => {
    const { room, one, landed } = setUp();
    until(room, () => landed().length === 2);
    one.take();
    one.shell.input('Process.info(self(), :messages) |> elem(1) |> Enum.map(&elem(&1, 0))');
    const at = room.clock.now();
    expect(until(room, () => !one.shell.isBusy) - at).toBeLessThan(100);
    expect(one.take()).toContain('[:EXIT, :DOWN]');
  });
});
