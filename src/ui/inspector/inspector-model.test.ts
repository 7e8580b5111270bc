import { describe, expect, it } from 'vitest';
import { atom, tuple } from '../../core/term/types.ts';
import { generatorBody, receive } from '../../core/runtime/bodies.ts';
import { collector, testNode } from '../../core/runtime/test-helpers.ts';
import { createPlaygroundStore } from '../store/playground-store.ts';
import { pidKey } from '../store/model.ts';
import { inspectorModel } from './inspector-model.ts';

describe('inspector model', () => {
  it('lists what Process.info says about a local process, printed as Elixir prints it', () => {
    const { node } = testNode({ name: 'one@lab', creation: 1 });
    const store = createPlaygroundStore({ localNode: 'one@lab' });
    const c = collector(node);
    const w = node.spawn(generatorBody(function* (proc) {
      proc.link(c.pid);
      yield receive(() => false);
    }, ['Elixir.Ticker', 'loop', 1]));
    node.runUntilIdle();
    node.register(atom('ticker'), w);
    node.send(w, tuple(atom('tick'), 1));
    store.getState().applyBatch({ node: 'one@lab', events: [], processes: node.getSnapshot().processes }, 0);
    const view = store.getState().processes[pidKey(w)];
    if (view === undefined) throw new Error('no view');
    const m = inspectorModel(view, node.info(w), () => 0);
    const row = (label: string) => m.rows.find((r) => r.label === label)?.value;
    expect(m.title).toBe(`#PID<0.${w.id}.0> :ticker`);
    expect(row('node')).toBe('one@lab');
    expect(row('registered name')).toBe(':ticker');
    expect(row('mailbox')).toBe('1');
    expect(row('links')).toBe(`#PID<0.${c.pid.id}.0>`);
    expect(row('group leader')).toBe(`#PID<0.${node.groupLeader.id}.0>`);
    expect(row('current function')).toBe('{Ticker, :loop, 1}');
    expect(m.messages).toEqual(['{:tick, 1}']);
    expect(m.alive).toBe(true);
  });

  it('shows what the store knows when it cannot look inside (a remote process)', () => {
    const store = createPlaygroundStore({ localNode: 'one@lab' });
    store.getState().setConnection('two@lab', { kind: 'up' });
    const { node } = testNode({ name: 'two@lab', creation: 1 });
    const c = collector(node);
    store.getState().applyBatch({ node: 'two@lab', events: [], processes: node.getSnapshot().processes }, 0);
    const view = store.getState().processes[pidKey(c.pid)];
    if (view === undefined) throw new Error('no view');
    const m = inspectorModel(view, undefined, () => 1);
    expect(m.rows.map((r) => r.label)).toEqual(['PID', 'PID on two@lab', 'node', 'status', 'mailbox']);
    expect(m.rows[0]?.value).toBe(`#PID<1.${c.pid.id}.0>`);
    expect(m.rows[1]?.value).toBe(`#PID<0.${c.pid.id}.0>`);
    expect(m.messages).toBeNull();
  });

  it('lists a remote process\'s Process.info (fetched over distribution) like a local one, pids in this tab\'s numbering', () => {
    const store = createPlaygroundStore({ localNode: 'one@lab' });
    const { node } = testNode({ name: 'two@lab', creation: 1 });
    const c = collector(node);
    const w = node.spawn(generatorBody(function* (proc) {
      proc.link(c.pid);
      yield receive(() => false);
    }, ['Elixir.Ticker', 'loop', 1]));
    node.runUntilIdle();
    node.send(w, tuple(atom('tick'), c.pid));
    store.getState().applyBatch({ node: 'two@lab', events: [], processes: node.getSnapshot().processes }, 0);
    const view = store.getState().processes[pidKey(w)];
    if (view === undefined) throw new Error('no view');
    const { nodeNumber } = store.getState();
    const n = nodeNumber(node.name);
    expect(n).toBeGreaterThan(0);
    const m = inspectorModel(view, node.info(w), nodeNumber);
    const row = (label: string) => m.rows.find((r) => r.label === label)?.value;
    expect(m.title).toBe(`#PID<${n}.${w.id}.0>`);
    expect(row('PID on two@lab')).toBe(`#PID<0.${w.id}.0>`);
    expect(row('links')).toBe(`#PID<${n}.${c.pid.id}.0>`);
    expect(m.messages).toEqual([`{:tick, #PID<${n}.${c.pid.id}.0>}`]);
  });
});
