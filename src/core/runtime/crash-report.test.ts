import { describe, expect, it } from 'vitest';
import { atom, str, tuple } from '../term/types.ts';
import type { RunResult } from './process-body.ts';
import { formatClockTime } from './crash-report.ts';
import { testNode } from './test-helpers.ts';

const raise = (value = tuple(atom('badarg'))): RunResult => ({
  type: 'exit', reductions: 1, reason: tuple(value, atom('stack')), crash: { kind: 'error', value },
});

describe('crash reports', () => {
  it("print Elixir's header, then the language layer's text, stamped by the clock", () => {
    const logged: string[] = [];
    const { node, clock, out } = testNode({
      formatCrash: (c) => `** (RuntimeError) ${(c.value as ReturnType<typeof str>).text ?? ''}`,
      logger: { log: (level, text) => logged.push(`${level}:${text}`) },
    });
    clock.set(((12 * 60 + 37) * 60 + 40) * 1000 + 760);
    const pid = node.spawn({ run: () => raise(str('boom') as never) });
    node.runUntilIdle();
    const text = `Process #PID<0.${pid.id}.0> raised an exception\n** (RuntimeError) boom`;
    expect(out).toEqual([`\n12:37:40.760 [error] ${text}\n`]);
    expect(logged).toEqual([`error:${text}`]);
  });

  it('a plain exit (exit/1, or any exit without an exception) prints nothing', () => {
    const { node, out } = testNode();
    node.spawn({ run: (): RunResult => ({ type: 'exit', reductions: 1, reason: atom('bye') }) });
    node.runUntilIdle();
    expect(out).toEqual([]);
  });

  it('the default formatter prints the raw term; formatTime and wallClock are options', () => {
    const { node, out } = testNode({ wallClock: { now: () => 5 }, formatTime: (ms) => `T${ms}` });
    node.spawn({ run: () => raise() });
    node.spawn({ run: (): RunResult => ({ type: 'exit', reductions: 1, reason: atom('x'), crash: { kind: 'throw', value: atom('x') } }) });
    node.runUntilIdle();
    expect(out[0]).toMatch(/^\nT5 \[error\] Process #PID<0\.\d+\.0> raised an exception\n\*\* \(ErlangError\) Erlang error: \{:badarg\}\n$/);
    expect(out[1]).toContain('** (ErlangError) Erlang error: {:nocatch, :x}');
  });

  it('node.log prints any log event the same way (used for distribution errors)', () => {
    const logged: string[] = [];
    const { node, out } = testNode({ wallClock: { now: () => 5 }, formatTime: (ms) => `T${ms}`, logger: { log: (l, t) => logged.push(`${l}:${t}`) } });
    node.log('warning', '** Can not start :erlang::apply on :nonexist@vm **');
    expect(out).toEqual(['\nT5 [warning] ** Can not start :erlang::apply on :nonexist@vm **\n']);
    expect(logged).toEqual(['warning:** Can not start :erlang::apply on :nonexist@vm **']);
  });

  it('names the node on a named node, as Elixir does', () => {
    const { node, out } = testNode({ name: 'crashx@vm', wallClock: { now: () => 5 }, formatTime: (ms) => `T${ms}` });
    const pid = node.spawn({ run: () => raise() });
    node.runUntilIdle();
    expect(out[0]).toContain(`[error] Process #PID<0.${pid.id}.0> on node :crashx@vm raised an exception\n`);
  });

  it('formats HH:MM:SS.mmm', () => {
    expect(formatClockTime(0)).toBe('00:00:00.000');
    expect(formatClockTime(86_400_000 + 3_723_004)).toBe('01:02:03.004');
  });
});
