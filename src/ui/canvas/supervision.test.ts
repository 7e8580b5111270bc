import { describe, expect, it } from 'vitest';
import { atom, Pid, tuple } from '../../core/term/types.ts';
import type { ProcessSummary } from '../../core/runtime/introspection.ts';
import { createPlaygroundStore } from '../store/playground-store.ts';
import { pidKey } from '../store/model.ts';
import { arrangeCard, supervisorStrategy } from './supervision.ts';
import { cardId, toFlowGraph, type ClusterFlowNode } from './flow-graph.ts';
import { DEFAULT_LAYOUT, slotPosition } from './layout.ts';

const one = atom('one@lab');
const pid = (id: number) => new Pid(one, id, 0, 1);
const shell = pid(100);
const sup = pid(120);
const a = pid(121);
const b = pid(122);
const other = pid(130);
const summary = (p: Pid, extra: Partial<ProcessSummary> = {}): ProcessSummary => ({
  pid: p, status: 'waiting', registeredName: undefined, messageQueueLen: 0, links: [], reductions: 0, groupLeader: p, label: null, ...extra,
});
const supLabel = tuple(atom('supervisor'), atom('one_for_one'));

describe('supervision on the canvas', () => {
  it('reads a supervisor label, and nothing else, as a strategy', () => {
    expect(supervisorStrategy(supLabel)).toBe('one_for_one');
    expect(supervisorStrategy(tuple(atom('supervisor'), atom('rest_for_one')))).toBe('rest_for_one');
    expect(supervisorStrategy(null)).toBeNull();
    expect(supervisorStrategy(tuple(atom('worker'), atom('one_for_one')))).toBeNull();
    expect(supervisorStrategy(tuple(atom('supervisor'), 3))).toBeNull();
    expect(supervisorStrategy(atom('supervisor'))).toBeNull();
  });

  it('puts a supervisor at a row start and its children one column in on the rows under it', () => {
    const p = (key: string, parent: string | null, supervisor: string | null = null) => ({ key, parent, supervisor });
    const procs = [p('shell', null), p('sup', 'shell', 'one_for_one'), p('a', 'sup'), p('b', 'sup'), p('c', 'sup'), p('x', 'shell')];
    const got = arrangeCard(procs, 3);
    // Row 0: shell; row 1: sup; rows 2-3: a, b | c (columns 1-2); row 4: x.
    expect(Object.fromEntries(got?.slots ?? [])).toEqual({ shell: 0, sup: 3, a: 7, b: 8, c: 10, x: 12 });
    expect(got?.groups).toEqual([{ supervisor: 'sup', strategy: 'one_for_one', indent: 0, top: 1, bottom: 3, children: ['a', 'b', 'c'] }]);
  });

  it('nests a supervisor among children one column further in; a worker with processes is no group', () => {
    const p = (key: string, parent: string | null, supervisor: string | null = null) => ({ key, parent, supervisor });
    const procs = [p('top', null, 'one_for_all'), p('inner', 'top', 'rest_for_one'), p('w', 'inner'), p('v', 'top')];
    const got = arrangeCard(procs, 3);
    expect(Object.fromEntries(got?.slots ?? [])).toEqual({ top: 0, inner: 4, w: 8, v: 10 });
    expect(got?.groups.map((g) => [g.supervisor, g.indent, g.top, g.bottom, g.children])).toEqual([
      ['top', 0, 0, 3, ['inner', 'v']],
      ['inner', 1, 1, 2, ['w']],
    ]);
    expect(arrangeCard([p('server', null), p('worker', 'server')], 3)).toBeNull();
    // A supervisor with no child shown here (its children on another card, or none yet) is no group either.
    expect(arrangeCard([p('sup', null, 'one_for_one')], 3)).toBeNull();
  });

  it('groups the children in a frame named with the strategy; a restarted child fades in it while the new one appears after it', () => {
    const store = createPlaygroundStore({ localNode: 'one@lab' });
    const s = store.getState();
    s.applyBatch({
      node: 'one@lab',
      // The parents come with the spawn events; the label with the snapshot.
      events: [[shell, null], [sup, shell], [a, sup], [b, sup], [other, shell]].map(([p, parent]) => (
        { type: 'process:spawned' as const, time: 0, pid: p as Pid, parent: parent as Pid | null, system: false })),
      processes: [
        summary(shell), summary(sup, { label: supLabel, links: [shell, a, b] }),
        summary(a, { links: [sup] }), summary(b, { links: [sup] }), summary(other),
      ],
    }, 0);
    const card = () => toFlowGraph(store.getState()).nodes.find((n) => n.id === cardId('one@lab')) as ClusterFlowNode;
    const group = card().data.groups[0];
    expect(group?.label).toBe('supervisor #PID<0.120.0> one_for_one');
    expect(group?.children).toEqual([pidKey(a), pidKey(b)]);
    // The frame spans the supervisor's row and its children's, to the card's right edge.
    const supAt = slotPosition(3, DEFAULT_LAYOUT);
    expect(group?.position).toEqual({ x: supAt.x - DEFAULT_LAYOUT.gap / 2, y: supAt.y - DEFAULT_LAYOUT.gap / 2 });
    expect(group?.height).toBe(2 * DEFAULT_LAYOUT.processHeight + 2 * DEFAULT_LAYOUT.gap);
    const slot = (p: Pid) => card().data.tiles.find((t) => t.key === pidKey(p))?.slot;
    expect([slot(shell), slot(sup), slot(a), slot(b), slot(other)]).toEqual([0, 3, 7, 8, 9]);

    // a dies and the supervisor starts a2: the old tile stays (fading) in the group, the new one after it.
    const a2 = pid(123);
    s.applyBatch({
      node: 'one@lab',
      events: [
        { type: 'process:exited', time: 1, pid: a, reason: atom('killed') },
        { type: 'process:spawned', time: 1, pid: a2, parent: sup, system: false },
      ],
    }, 100);
    const during = card().data.groups[0];
    expect(during?.children).toEqual([pidKey(a), pidKey(b), pidKey(a2)]);
    expect(store.getState().processes[pidKey(a)]?.exit?.reason).toBe(':killed');
    // The fade over, the old tile is gone and the others close up.
    s.expire(100 + 2500);
    expect(card().data.groups[0]?.children).toEqual([pidKey(b), pidKey(a2)]);
    expect(slot(b)).toBe(7);
    expect(slot(a2)).toBe(8);
  });
});
