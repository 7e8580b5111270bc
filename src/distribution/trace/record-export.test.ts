import { describe, expect, it } from 'vitest';
import { atom, tuple } from '../../core/term/types.ts';
import { Recorder } from './record.ts';
import { toRows, traceOf, type Trace } from './record-rows.ts';
import { SHIVIZ_REGEX, toJson, toMermaid, toShiViz, vectorOf } from './record-export.ts';
import { MAX_NODES, importTrace } from './record-import.ts';

import { A, B, C, pa, pb, pc } from './record-test-nodes.ts';
const numbers = new Map([[A, 0], [B, 1], [C, 2]]);

/** a → b :ping, b → c {:pong, 1}, c exits; b's batch reaches the recorder first. */
function threeNodes(): Trace {
  const r = new Recorder();
  r.record('b@lab', { type: 'message:received', time: 5, pid: pb, message: atom('ping') });
  r.record('b@lab', { type: 'message:sent', time: 6, from: pb, to: pc, message: tuple(atom('pong'), 1), remote: true });
  r.record('a@lab', { type: 'process:spawned', time: 1, pid: pa, parent: null, system: false });
  r.record('a@lab', { type: 'message:sent', time: 2, from: pa, to: pb, message: atom('ping'), remote: true });
  r.record('c@lab', { type: 'message:received', time: 9, pid: pc, message: tuple(atom('pong'), 1) });
  r.record('c@lab', { type: 'process:exited', time: 10, pid: pc, reason: atom('normal') });
  return traceOf(toRows(r.events(), { nodeNumber: (n) => numbers.get(n) ?? 9 }));
}

describe('trace exports', () => {
  it('a JSON trace reads back as the same rows with the same clocks', () => {
    const t = threeNodes();
    const back = importTrace(toJson(t));
    if (!back.ok) throw new Error(back.error);
    expect(back.trace.rows.map((r) => [r.node, r.kind, r.pidText, r.text])).toEqual(t.rows.map((r) => [r.node, r.kind, r.pidText, r.text]));
    expect(back.trace.rows.map((_, i) => vectorOf(back.trace, i))).toEqual(t.rows.map((_, i) => vectorOf(t, i)));
    expect(Array.from(back.trace.clocks.lamport)).toEqual(Array.from(t.clocks.lamport));
  });

  it('a ShiViz log: its regex first, then each event and its host with a vector clock ShiViz accepts', () => {
    const log = toShiViz(threeNodes());
    const [regex, delimiter, ...rest] = log.split('\n');
    expect(regex).toBe(SHIVIZ_REGEX);
    expect(delimiter).toBe('');
    // ShiViz's named groups are JS's; parse the log as it does.
    const re = new RegExp(SHIVIZ_REGEX, 'g');
    const parsed = [...rest.join('\n').matchAll(re)].map((m) => ({ event: m.groups?.event, host: m.groups?.host as string, clock: JSON.parse(m.groups?.clock as string) as Record<string, number> }));
    expect(parsed).toHaveLength(6);
    // Each host's own entry starts at 1 and goes up by one (ShiViz refuses anything else).
    const last = new Map<string, number>();
    for (const p of parsed) {
      expect(p.clock[p.host]).toBe((last.get(p.host) ?? 0) + 1);
      last.set(p.host, p.clock[p.host] as number);
    }
    const recv = parsed.find((p) => p.host === 'c@lab' && p.event?.includes('receives'));
    expect(recv?.event).toBe('#PID<2.82.0> receives {:pong, 1} from #PID<1.81.0>');
    expect(recv?.clock).toEqual({ 'a@lab': 2, 'b@lab': 2, 'c@lab': 1 });
  });

  it('a Mermaid sequence diagram: one participant per process, an arrow per message', () => {
    const m = toMermaid(threeNodes());
    expect(m.split('\n')[0]).toBe('sequenceDiagram');
    expect(m).toContain('participant P0 as #35;PID#lt;0.80.0#gt; a@lab');
    expect(m).toMatch(/P0->>P1: :ping/);
    expect(m).toMatch(/P1->>P2: \{:pong, 1\}/);
    expect(m).toContain('Note over P2: #35;PID#lt;2.82.0#gt; exits :normal');
  });
});

describe('importing a hostile trace', () => {
  const good = () => JSON.parse(toJson(threeNodes())) as { events: Record<string, unknown>[]; [k: string]: unknown };
  const refuse = (doc: unknown) => {
    const r = importTrace(typeof doc === 'string' ? doc : JSON.stringify(doc));
    expect(r.ok).toBe(false);
    return r.ok ? '' : r.error;
  };

  it('says what is wrong, never throws', () => {
    expect(refuse('{"format": ')).toMatch(/^not a trace: the file is not JSON/);
    expect(refuse({ format: 'other' })).toBe('not a trace: no "format": "elixir-playground-trace"');
    expect(refuse({ ...good(), version: 99 })).toBe('this trace is version 99; this page reads version 1');
    expect(refuse({ ...good(), events: 5 })).toBe('not a trace: "events" is not a list');
    const g = good();
    g.events[1] = { ...g.events[1], kind: 'explode' };
    expect(refuse(g)).toBe('event 1: unknown kind "explode"');
    const h = good();
    h.events[0] = { ...h.events[0], text: 'x'.repeat(5000) };
    expect(refuse(h)).toBe('event 0: "text" is longer than 2000 characters');
    const i = good();
    i.events[2] = { ...i.events[2], id: i.events[0]?.id };
    expect(refuse(i)).toMatch(/^event 2: id \d+ appears twice$/);
  });

  it('a pair must point both ways between a send and a receive', () => {
    const g = good();
    const send = g.events.find((e) => e.kind === 'send') as Record<string, unknown>;
    send.match = g.events.find((e) => e.kind === 'exit')?.id;
    expect(refuse(g)).toMatch(/its pair \(\d+\) is not a receive paired back with it/);
  });

  it('forged clocks and huge vectors change nothing: clocks are computed again', () => {
    const g = good();
    const huge: Record<string, number> = {};
    for (let i = 0; i < 50_000; i++) huge[`n${i}@x`] = 1e9;
    for (const e of g.events) {
      e.vc = huge;
      e.lamport = -5;
    }
    const r = importTrace(JSON.stringify(g));
    if (!r.ok) throw new Error(r.error);
    const t = threeNodes();
    expect(r.trace.clocks.nodes).toHaveLength(3);
    expect(r.trace.rows.map((_, i) => vectorOf(r.trace, i))).toEqual(t.rows.map((_, i) => vectorOf(t, i)));
  });

  it('too many events or nodes are refused before any work', () => {
    expect(refuse({ format: 'elixir-playground-trace', version: 1, events: new Array(200_001).fill(0) })).toBe('the trace has 200001 events; at most 200000 are read');
    const nodes = Array.from({ length: MAX_NODES + 1 }, (_, i) => ({ id: i, node: `n${i}@x`, kind: 'spawn', time: 0, match: -1 }));
    expect(refuse({ format: 'elixir-playground-trace', version: 1, events: nodes })).toBe('the trace has more than 256 nodes');
  });
});
