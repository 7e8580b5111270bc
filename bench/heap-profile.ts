/**
 * V8's sampling heap profile of one run, printed as bytes per item by allocating function: the
 * `--heap` option of the Node CPU benchmarks (rtt-cpu.ts, flood-cpu.ts).
 */
import { Session } from 'node:inspector';

interface ProfileNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: ProfileNode[];
}

/** Profiles `run` (n items of `unit`) and prints the functions that allocate at least `minBytes` per item. */
export async function printHeapProfile(run: () => Promise<unknown>, n: number, unit: string, minBytes: number): Promise<void> {
  const s = new Session();
  s.connect();
  const post = (method: string, params?: object): Promise<unknown> => new Promise((res, rej) => s.post(method, params, (e, r) => (e ? rej(e) : res(r))));
  await post('HeapProfiler.startSampling', { samplingInterval: 32, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  await run();
  const { profile } = (await post('HeapProfiler.stopSampling')) as { profile: { head: ProfileNode } };
  const by = new Map<string, number>();
  const walk = (node: ProfileNode): void => {
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    by.set(key, (by.get(key) ?? 0) + node.selfSize);
    for (const c of node.children) walk(c);
  };
  walk(profile.head);
  const rows = [...by].sort((x, y) => y[1] - x[1]).filter(([, v]) => v / n >= minBytes);
  for (const [k, v] of rows.slice(0, 30)) console.log(`${(v / n).toFixed(1).padStart(7)} B/${unit}  ${k}`);
}
