/**
 * What the cluster-view benchmark pages (ui-bench-page.tsx, ui-projector-page.tsx) measure on
 * their viewer tab over `ms`: frames per second (requestAnimationFrame), the long tasks
 * (PerformanceObserver 'longtask', > 50 ms) and the store's size at the end.
 */
import type { PlaygroundStore } from '../../src/ui/store/playground-store.ts';

export interface Measure {
  readonly fps: number;
  readonly frames: number;
  readonly longestTaskMs: number;
  readonly longTasks: number;
  readonly processesShown: number;
  readonly tokens: number;
}

export function measureFrames(store: PlaygroundStore, ms: number): Promise<Measure> {
  return new Promise((resolve) => {
    let frames = 0;
    let longest = 0;
    let longTasks = 0;
    const obs = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        longTasks++;
        longest = Math.max(longest, e.duration);
      }
    });
    obs.observe({ type: 'longtask', buffered: false });
    const start = performance.now();
    const frame = () => {
      frames++;
      if (performance.now() - start < ms) requestAnimationFrame(frame);
      else {
        obs.disconnect();
        const s = store.getState();
        resolve({
          fps: (frames * 1000) / (performance.now() - start),
          frames,
          longestTaskMs: longest,
          longTasks,
          processesShown: Object.keys(s.processes).length,
          tokens: s.messages.length,
        });
      }
    };
    requestAnimationFrame(frame);
  });
}
