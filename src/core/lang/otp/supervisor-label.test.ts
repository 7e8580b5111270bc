// What the canvas reads to group a supervisor's children (ui/canvas/supervision.ts): the
// supervisor's label `{:supervisor, strategy}` and each child's parent, in the node's snapshot.
import { describe, expect, test } from 'vitest';
import { inspect } from '../../term/inspect.ts';
import { atom } from '../../term/types.ts';
import { evalText, langNode } from '../vm-test-helpers.ts';

describe('a supervisor says what it is', () => {
  test('its label names the strategy and its children (restarted ones too) have it as parent', () => {
    const t = langNode();
    // Who spawned whom: the runtime's event stream (what the page's store reads).
    const parents = new Map<number, number | null>();
    t.node.subscribe((e) => {
      if (e.type === 'process:spawned') parents.set(e.pid.id, e.parent?.id ?? null);
    });
    // The shell process stays (its supervisor would go with it, as a linked GenServer's parent).
    const out = evalText(t, `
      children = [
        %{id: :a, start: {Agent, :start_link, [fn -> 1 end, [name: :a]]}},
        %{id: :b, start: {Agent, :start_link, [fn -> 2 end, [name: :b]]}}
      ]
      {:ok, sup} = Supervisor.start_link(children, strategy: :rest_for_one, name: :sup)
      Process.exit(Process.whereis(:a), :kill)
      Process.sleep(10)
      true = is_pid(sup) and is_pid(Process.whereis(:a))
      Process.sleep(:infinity)`, 1000);
    const procs = t.node.getSnapshot().processes;
    const byName = (n: string) => procs.find((p) => p.registeredName?.name === n);
    const sup = byName('sup');
    expect(inspect(sup?.label ?? atom('none'))).toBe('{:supervisor, :rest_for_one}');
    expect(parents.get(byName('a')?.pid.id ?? -1)).toBe(sup?.pid.id);
    expect(parents.get(byName('b')?.pid.id ?? -1)).toBe(sup?.pid.id);
    expect(byName('a')?.label ?? null).toBeNull();
    expect(out).toBe('<not finished>');
  });

  test('a dynamic supervisor is one_for_one', () => {
    const t = langNode();
    evalText(t, `
      {:ok, _} = DynamicSupervisor.start_link(strategy: :one_for_one, name: :dyn)
      Process.sleep(:infinity)`, 1000);
    const dyn = t.node.getSnapshot().processes.find((p) => p.registeredName?.name === 'dyn');
    expect(inspect(dyn?.label ?? atom('none'))).toBe('{:supervisor, :one_for_one}');
  });
});
