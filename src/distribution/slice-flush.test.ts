/**
 * What a process sends to another node leaves at the end of its scheduler slice (the router's
 * flush), in one batch, without waking `net_kernel`; output queued outside a slice still goes
 * out through the kernel.
 */
import { describe, expect, it } from 'vitest';
import { Tuple, atom } from '../core/term/types.ts';
import type { Pid } from '../core/term/types.ts';
import type { ProcessBody } from '../core/runtime/process-body.ts';
import { NET_KERNEL } from './kernel.ts';
import { Cluster, collect } from './testing.ts';

/** Sends `n` messages to `to` in one run, then exits. */
function burst(to: Pid, n: number): ProcessBody {
  return {
    run(proc) {
      for (let i = 0; i < n; i++) proc.send(to, new Tuple([atom('m'), i]));
      return { type: 'exit', reductions: n, reason: atom('normal') };
    },
  };
}

function setup() {
  const c = new Cluster();
  const one = c.add('one@lab');
  const two = c.add('two@lab');
  const box = collect(two.node);
  expect(c.connect(one, two)).toBe(true);
  c.settle();
  const kernel = one.node.whereis(NET_KERNEL) as Pid;
  return { c, one, two, box, kernel, kernelReds: () => one.node.info(kernel)?.reductions ?? -1 };
}

describe('remote sends are flushed at the end of the slice', () => {
  it('a burst from one process leaves in one batch after its slice, and net_kernel does not run', () => {
    const { c, one, two, box, kernelReds } = setup();
    const before = one.dist.stats(two.name);
    const packets0 = before?.packetsOut ?? 0;
    const batches0 = before?.messagesOut ?? 0;
    const reds0 = kernelReds();
    one.node.spawn(burst(box.pid, 50));
    one.node.runSlice();
    const after = one.dist.stats(two.name);
    expect((after?.packetsOut ?? 0) - packets0).toBe(50);
    // Taken from the connection (handed to the link) by the slice itself: one transport message.
    expect((after?.messagesOut ?? 0) - batches0).toBe(1);
    expect(one.node.hasWork()).toBe(false);
    expect(kernelReds()).toBe(reds0);
    c.settle();
    expect(box.got).toEqual(Array.from({ length: 50 }, (_, i) => new Tuple([atom('m'), i])));
  });

  it('a send from outside any slice (the host) is flushed by net_kernel', () => {
    const { c, one, two, box, kernelReds } = setup();
    const reds0 = kernelReds();
    one.node.send(box.pid, atom('from_host'));
    expect(one.node.hasWork()).toBe(true); // the kernel was asked
    c.settle();
    expect(box.got).toEqual([atom('from_host')]);
    expect(kernelReds()).toBeGreaterThan(reds0);
    expect(two.dist.list()).toEqual([one.name]);
  });
});
