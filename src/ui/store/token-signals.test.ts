// Tokens of every kind: a message by its shape, and the signals a death sends (an exit signal to
// each linked process, a DOWN to each watcher), each with its ends as this tab prints them.
import { describe, expect, it } from 'vitest';
import { Pid, Ref, Tuple, atom } from '../../core/term/types.ts';
import type { ProcessSummary } from '../../core/runtime/introspection.ts';
import { createPlaygroundStore } from './playground-store.ts';
import { pidKey } from './model.ts';

const one = atom('one@lab');
const summary = (pid: Pid, links: Pid[] = []): ProcessSummary => ({ pid, status: 'waiting', registeredName: undefined, messageQueueLen: 0, links, reductions: 0, groupLeader: pid });

describe('tokens of every kind', () => {
  const a = new Pid(one, 110, 0, 1);
  const b = new Pid(one, 111, 0, 1);
  const c = new Pid(one, 112, 0, 1);
  const gl = new Pid(one, 70, 0, 1);

  it('colours a message by its shape and names its ends', () => {
    const store = createPlaygroundStore({ localNode: 'one@lab', speed: 'slow motion' });
    store.getState().applyBatch({
      node: 'one@lab',
      events: [
        { type: 'message:sent', time: 0, from: a, to: b, message: new Tuple([atom('ping'), a]), remote: false },
        { type: 'message:sent', time: 0, from: a, to: gl, message: new Tuple([atom('io_request'), a, atom('r'), atom('x')]), remote: false },
        { type: 'message:sent', time: 0, from: a, to: new Tuple([atom('box'), atom('two@lab')]), message: atom('hi'), remote: true },
      ],
      processes: [summary(a), summary(b), summary(gl)],
    }, 100);
    expect(store.getState().messages.map((m) => [m.kind, m.fromText, m.toText, m.text, m.duration])).toEqual([
      ['message', '#PID<0.110.0>', '#PID<0.111.0>', '{:ping, #PID<0.110.0>}', 2000],
      ['io', '#PID<0.110.0>', '#PID<0.70.0>', '{:io_request, #PID<0.110.0>, :r, :x}', 2000],
      ['message', '#PID<0.110.0>', '{:box, :two@lab}', ':hi', 2000],
    ]);
  });

  it('a death sends an exit token to each linked process and a DOWN token to each watcher', () => {
    const store = createPlaygroundStore({ localNode: 'one@lab', speed: 'slow' });
    const ref = new Ref(one, 1, [1, 2, 3]);
    store.getState().applyBatch({
      node: 'one@lab',
      events: [{ type: 'monitor:added', time: 0, ref, watcher: c, target: a }],
      processes: [summary(a, [b]), summary(b, [a]), summary(c)],
    }, 0);
    store.getState().applyBatch({ node: 'one@lab', events: [{ type: 'process:exited', time: 0, pid: a, reason: atom('boom') }] }, 50);
    expect(store.getState().messages.map((m) => [m.kind, m.from, m.to, m.text, m.sentAt, m.duration])).toEqual([
      ['exit', pidKey(a), pidKey(b), '{:EXIT, #PID<0.110.0>, :boom}', 50, 1000],
      ['down', pidKey(a), pidKey(c), '{:DOWN, #Reference<…>, :process, #PID<0.110.0>, :boom}', 50, 1000],
    ]);
  });

  it('draws a spawn request to the node asked, as {module, fun, args}', () => {
    const store = createPlaygroundStore({ localNode: 'one@lab', speed: 'slow' });
    const call = new Tuple([atom('Elixir.Ticker'), atom('start'), atom('nil')]);
    store.getState().applyBatch({ node: 'one@lab', events: [{ type: 'spawn:requested', time: 0, from: a, node: atom('two@lab'), call }], processes: [summary(a)] }, 10);
    expect(store.getState().messages.map((m) => [m.kind, m.from, m.to, m.toNode, m.fromText, m.toText, m.text])).toEqual([
      ['spawn', pidKey(a), null, 'two@lab', '#PID<0.110.0>', ':two@lab', '{Ticker, :start, nil}'],
    ]);
  });

  it('draws no token at instant speed, the real network', () => {
    const store = createPlaygroundStore({ localNode: 'one@lab', speed: 'instant' });
    store.getState().applyBatch({ node: 'one@lab', events: [{ type: 'message:sent', time: 0, from: a, to: b, message: atom('x'), remote: false }], processes: [summary(a), summary(b)] }, 0);
    expect(store.getState().messages).toEqual([]);
  });
});
