/**
 * Two playground nodes, a@bench and b@bench, alive on one memory network (no WebRTC, no timers):
 * the CPU benchmarks of the distribution (rtt-cpu.ts, gencall-cpu.ts) drive them by hand.
 */
import { performance } from 'node:perf_hooks';
import { SeededRandom } from '../src/core/ports.ts';
import { createPlaygroundNode, type PlaygroundNode } from '../src/playground/node.ts';
import { MemoryNetwork } from '../src/distribution/transports/memory.ts';
import { PreludeCache } from '../src/core/lang/prelude-cache.ts';

export function memoryPair(): { readonly net: MemoryNetwork; readonly a: PlaygroundNode; readonly b: PlaygroundNode } {
  const clock = { now: () => performance.now() };
  const net = new MemoryNetwork({ maxMessageBytes: 16 * 1024 });
  const cache = new PreludeCache();
  const mk = (name: string, seed: number): PlaygroundNode => {
    const n = createPlaygroundNode({ clock, random: new SeededRandom(seed), stdout: () => {}, name, creation: seed, preludeCache: cache });
    n.goAlive({ transport: net.transport(), cookie: 'bench', clock, random: new SeededRandom(seed * 31) });
    return n;
  };
  return { net, a: mk('a@bench', 1), b: mk('b@bench', 2) };
}
