import { describe, expect, it } from 'vitest';
import { Classroom } from './classroom.ts';
import type { ProcessInfo } from '../core/runtime/process-api.ts';
import { inspect } from '../core/term/inspect.ts';
import { atom, tuple, type Pid } from '../core/term/types.ts';
import { decodeInfo, encodeInfo, MAX_MESSAGES } from '../distribution/trace/info-wire.ts';

/** The answer to one request, after the room ran it. */
function ask(room: Classroom, from: ReturnType<Classroom['open']>, pid: Pid): ProcessInfo | undefined | 'no answer' {
  let got: ProcessInfo | undefined | 'no answer' = 'no answer';
  from.tracing.processInfo(pid, (i) => (got = i));
  room.advance(100);
  return got;
}

describe('Process.info of a remote process, through the tracing service', () => {
  it('answers as the owning node sees it, with pids printed in the asking node\'s numbering', () => {
    const room = new Classroom();
    const one = room.open('one');
    const two = room.open('two');
    room.type(one, 'Node.connect :two@vm');
    room.type(two, 'waiter = spawn(fn -> Process.flag(:trap_exit, true); receive do :never -> :ok end end)');
    room.type(two, 'Process.link(waiter)');
    room.type(two, 'send(waiter, {:hello, self()})');
    room.type(two, 'send(waiter, :again)');
    const two2 = two.node.node;
    const waiter = two2.processes().find((p) => two2.info(p)?.messageQueueLen === 2);
    if (waiter === undefined) throw new Error('no waiter');
    const shell = two2.info(waiter)?.links[0];

    const info = ask(room, one, waiter);
    if (info === undefined || info === 'no answer') throw new Error(`no info: ${String(info)}`);
    const n = one.node.nodeNumber(two2.name);
    expect(n).toBeGreaterThan(0);
    const print = (t: Parameters<typeof inspect>[0]) => inspect(t, { nodeNumber: one.node.nodeNumber });
    expect(info.status).toBe('waiting');
    expect(info.messageQueueLen).toBe(2);
    expect(info.messages.map(print)).toEqual([`{:hello, #PID<${n}.${shell?.id}.0>}`, ':again']);
    expect(info.links.map(print)).toEqual([`#PID<${n}.${shell?.id}.0>`]);
    expect(print(info.groupLeader)).toMatch(new RegExp(`^#PID<${n}\\.\\d+\\.0>$`));
    expect(info.trapExit).toBe(true);
    // What the owning node itself says.
    const local = two2.info(waiter);
    expect(info.reductions).toBe(local?.reductions);
    expect(info.currentFunction).toEqual(local?.currentFunction);
    expect(info.monitoredBy).toHaveLength(local?.monitoredBy.length ?? -1);
  });

  it('answers undefined for a process that is gone, and for a node that went away', () => {
    const room = new Classroom();
    const one = room.open('one');
    const two = room.open('two');
    room.type(one, 'Node.connect :two@vm');
    room.type(two, 'w = spawn(fn -> receive do :never -> :ok end end)');
    const w = two.node.node.processes().at(-1) as Pid;
    room.type(two, 'Process.exit(w, :kill)');
    expect(ask(room, one, w)).toBeUndefined();
    room.type(two, 'w = spawn(fn -> receive do :never -> :ok end end)');
    const w2 = two.node.node.processes().at(-1) as Pid;
    room.close(two);
    expect(ask(room, one, w2)).toBeUndefined();
  });

  it('bounds the mailbox it sends, and never trusts a malformed answer', () => {
    const room = new Classroom();
    const one = room.open('one');
    room.type(one, 'me = self()');
    room.type(one, `Enum.each(1..${MAX_MESSAGES + 10}, fn i -> send(me, {:n, i}) end)`);
    const shell = one.node.node.processes().find((p) => (one.node.node.info(p)?.messageQueueLen ?? 0) > MAX_MESSAGES);
    if (shell === undefined) throw new Error('no shell');
    const info = one.node.node.info(shell) as ProcessInfo;
    const back = decodeInfo(shell, encodeInfo(info));
    expect(back?.messages).toHaveLength(MAX_MESSAGES);
    expect(back?.messageQueueLen).toBe(MAX_MESSAGES + 10);
    expect(back?.messages[0]).toEqual(tuple(atom('n'), 1));
    expect(decodeInfo(shell, atom('undefined'))).toBeUndefined();
    expect(decodeInfo(shell, tuple(atom('status'), atom('waiting')))).toBeUndefined();
  });
});
