import { describe, expect, it } from 'vitest';
import { Ref, atom } from '../../core/term/types.ts';
import { Recorder } from './record.ts';
import { toRows, traceOf } from './record-rows.ts';
import { downIds } from './record-down.ts';
import { toMermaid, toShiViz } from './record-export.ts';
import { A, B, pa, pb } from './record-test-nodes.ts';

const numbers = new Map([[A, 0], [B, 1]]);
const ref = (n: number) => new Ref(A, 1, [n, 0, 0]);

/** a's process monitors b's, takes the monitor off, monitors again; b's exits (its DOWN ends the second). */
function monitors() {
  const r = new Recorder();
  r.record('a@lab', { type: 'monitor:added', time: 0, ref: ref(1), watcher: pa, target: pb });
  r.record('a@lab', { type: 'monitor:removed', time: 1, ref: ref(1), watcher: pa, target: pb });
  r.record('a@lab', { type: 'monitor:added', time: 2, ref: ref(2), watcher: pa, target: pb });
  r.record('b@lab', { type: 'process:exited', time: 3, pid: pb, reason: atom('boom') });
  r.record('b@lab', { type: 'monitor:removed', time: 3, ref: ref(2), watcher: pa, target: pb });
  return traceOf(toRows(r.events(), { nodeNumber: (n) => numbers.get(n) ?? 9 }));
}

describe('a monitor ended by its target\'s exit is a DOWN, one taken off a demonitor', () => {
  it('only the removal after the target\'s exit is a DOWN', () => {
    const t = monitors();
    const downs = downIds(t.rows);
    expect(t.rows.filter((r) => r.kind === 'demonitor').map((r) => downs.has(r.id))).toEqual([false, true]);
  });

  it('the Mermaid and ShiViz exports say so', () => {
    const t = monitors();
    const mermaid = toMermaid(t);
    expect(mermaid.split('\n').filter((l) => /DOWN|demonitors/u.test(l))).toEqual([
      '  Note over P0: #35;PID#lt;0.80.0#gt; demonitors #35;PID#lt;1.81.0#gt;',
      '  Note over P0: #35;PID#lt;0.80.0#gt; gets DOWN: #35;PID#lt;1.81.0#gt; exited',
    ]);
    expect(toShiViz(t).split('\n').filter((l) => /DOWN|demonitors/u.test(l))).toEqual(['#PID<0.80.0> demonitors #PID<1.81.0>', '#PID<0.80.0> gets DOWN: #PID<1.81.0> exited']);
  });
});
