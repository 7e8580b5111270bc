import { describe, expect, it } from 'vitest';
import { atom, Pid, Ref, Tuple, type Term } from '../../core/term/types.ts';
import { evalRequest } from '../../core/shell/shell-process.ts';
import type { RuntimeEvent } from '../../core/runtime/events.ts';
import type { ProcessSummary } from '../../core/runtime/introspection.ts';
import { createPlaygroundStore, type PlaygroundStore } from './playground-store.ts';

const one = atom('one@lab');
const two = atom('two@lab');
const summary = (pid: Pid, name?: string): ProcessSummary => ({
  pid, status: 'waiting', registeredName: name === undefined ? undefined : atom(name), messageQueueLen: 0, links: [], reductions: 0, groupLeader: pid,
});

const ref = new Ref(one, 1, [1, 2, 3]);
const tracer = new Pid(one, 70, 0, 1);
const viewer = new Pid(two, 71, 0, 1);
const groupLeader = new Pid(one, 64, 0, 1);
const shell = new Pid(one, 110, 0, 1);
const sent = (from: Pid | null, to: Term): RuntimeEvent =>
  ({ type: 'message:sent', time: 0, from, to, message: new Tuple([atom('trace_ack'), shell]), remote: false });

function store(): PlaygroundStore {
  const s = createPlaygroundStore({ localNode: 'one@lab' });
  s.getState().applyBatch({
    node: 'one@lab',
    events: [{ type: 'process:spawned', time: 0, pid: tracer, parent: null, system: true }],
    processes: [summary(tracer, 'playground_tracer'), summary(groupLeader), summary(shell)],
  }, 0);
  return s;
}
const tokens = (s: PlaygroundStore) => s.getState().messages.map((m) => [m.from, m.to]);

describe('only the class\'s traffic is drawn by default', () => {
  it('draws no token for the tool\'s own messages: tracer acks, :global\'s protocol, the I/O plumbing, the shell\'s eval requests', () => {
    const s = store();
    s.getState().applyBatch({
      node: 'one@lab',
      events: [
        sent(tracer, viewer),
        sent(viewer, tracer),
        sent(groupLeader, atom('user')),
        sent(tracer, new Tuple([atom('global_name_server'), two])),
        sent(null, tracer),
        { type: 'message:sent', time: 0, from: new Pid(one, 0, 0, 1), to: shell, message: evalRequest(ref), remote: false },
      ],
    }, 10);
    expect(s.getState().messages).toEqual([]);
  });

  it('draws a message with a process of the class at either end, I/O requests and replies included', () => {
    const s = store();
    s.getState().applyBatch({ node: 'one@lab', events: [sent(shell, viewer), sent(groupLeader, shell), sent(tracer, new Pid(two, 120, 0, 1)), sent(tracer, atom('my_server'))] }, 10);
    expect(s.getState().messages).toHaveLength(4);
  });

  it('draws the tool\'s traffic too when "show system traffic" is on', () => {
    const s = store();
    s.getState().setShowSystemTraffic(true);
    s.getState().applyBatch({ node: 'one@lab', events: [sent(tracer, viewer)] }, 10);
    expect(tokens(s)).toHaveLength(1);
  });

  it('counts a system process the class named (a :global name, a name of its own) as the class\'s', () => {
    const s = store();
    s.getState().applyBatch({ node: 'one@lab', events: [sent(tracer, groupLeader)] }, 10);
    expect(s.getState().messages).toEqual([]);
    s.getState().setGlobalNames({ [`one@lab/64.0.1`]: 'two' });
    s.getState().applyBatch({ node: 'one@lab', events: [sent(tracer, groupLeader)] }, 20);
    expect(s.getState().messages).toHaveLength(1);
  });
});
