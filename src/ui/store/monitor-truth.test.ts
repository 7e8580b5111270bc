import { describe, expect, it } from 'vitest';
import { atom, Pid, Ref } from '../../core/term/types.ts';
import type { ProcessSummary } from '../../core/runtime/introspection.ts';
import { createPlaygroundStore } from './playground-store.ts';
import { pidKey } from './model.ts';
import { refKey } from './reduce.ts';
import { trueMonitors, type MonitorInfo } from './monitor-truth.ts';

const one = atom('one@lab');
const two = atom('two@lab');
const shell = new Pid(one, 100, 0, 1);
const worker = new Pid(one, 101, 0, 1);
const codeServer = new Pid(two, 69, 0, 1);
const summary = (pid: Pid): ProcessSummary => ({ pid, status: 'waiting', registeredName: undefined, messageQueueLen: 0, links: [], reductions: 0, groupLeader: pid });
const refA = new Ref(one, 1, [1, 2, 3]);
const refB = new Ref(one, 1, [4, 5, 6]);

function state() {
  const store = createPlaygroundStore({ localNode: 'one@lab' });
  store.getState().setConnection('two@lab', { kind: 'up' });
  store.getState().applyBatch({ node: 'one@lab', events: [], processes: [summary(shell), summary(worker)] }, 0);
  store.getState().applyBatch({ node: 'two@lab', events: [], processes: [summary(codeServer)] }, 0);
  // nl/1's monitor of two's code server, reported by two's tracer, and a real one of the worker.
  store.getState().applyBatch({ node: 'two@lab', events: [{ type: 'monitor:added', time: 0, ref: refA, watcher: shell, target: codeServer }] }, 0);
  store.getState().applyBatch({ node: 'one@lab', events: [{ type: 'monitor:added', time: 0, ref: refB, watcher: shell, target: worker }] }, 0);
  return store.getState();
}

describe('monitors drawn are those Process.info reports', () => {
  it('drops a monitor our watcher no longer holds (demonitored, reported late by the target\'s node)', () => {
    const info: MonitorInfo = (pid) => (pid === shell ? { monitors: [refB], monitoredBy: [] } : pid === worker ? { monitors: [], monitoredBy: [shell] } : undefined);
    expect(Object.keys(trueMonitors(state(), info) ?? {})).toEqual([refKey(refB)]);
  });

  it('changes nothing when every monitor holds', () => {
    const info: MonitorInfo = (pid) => (pid === shell ? { monitors: [refA, refB], monitoredBy: [] } : { monitors: [], monitoredBy: [shell] });
    expect(trueMonitors(state(), info)).toBeNull();
  });

  it('checks a monitor by another node\'s watcher on our target against its monitored_by', () => {
    const s = state();
    const remoteWatcher = new Pid(two, 120, 0, 1);
    const m = { key: 'x', watcher: pidKey(remoteWatcher), target: pidKey(worker) };
    const withRemote = { ...s, monitors: { x: m } };
    expect(trueMonitors(withRemote, () => ({ monitors: [], monitoredBy: [] }))).toEqual({});
    expect(trueMonitors(withRemote, () => ({ monitors: [], monitoredBy: [remoteWatcher] }))).toBeNull();
  });
});
