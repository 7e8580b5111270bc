// `npm run bench:class` at a small scale (3 tabs, 2 s of traffic, 50 signalling clients), so
// the benchmark cannot rot: it builds its page, runs the class in its own Chromium against its
// own signalling server, the 3 BEAM nodes of its reference, and prints every figure as JSON.
import { spawn, spawnSync } from 'node:child_process';
import { expect, test } from './fixtures.ts';

interface Figure {
  readonly name: string;
  readonly ours: number;
  readonly reference: number | null;
}

test('bench:class runs a class of 3 tabs: mesh, traffic with nothing lost or reordered, 50 signalling clients', async () => {
  test.setTimeout(150_000);
  // Its own server port, beside this run's E2E_PORT (each helper has its own).
  const port = Number(process.env.E2E_PORT ?? 5199) + 1000;
  const args = ['tsx', 'bench/class/class-run.ts', '--tabs=3', '--seconds=2', '--clients=50', '--json'];
  const child = spawn('npx', args, { env: { ...process.env, BENCH_PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(code, err.slice(-3000)).toBe(0);
  const figures = new Map(
    out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Figure)
      .map((f) => [f.name, f]),
  );
  const names = ['class-join', 'class-join-all', 'class-tab-memory', 'class-browser-memory', 'class-tab-cpu', 'class-msgs', 'class-lost', 'class-reordered', 'class-server-join-cpu', 'class-server-memory'];
  const signal = ['register', 'list', 'leave'].flatMap((w) => [`class-signal-${w}-p50`, `class-signal-${w}-p99`]);
  for (const n of [...names, ...signal, 'class-signal-cpu', 'class-signal-memory']) expect(figures.has(n), n).toBe(true);
  expect(figures.get('class-lost')?.ours).toBe(0);
  expect(figures.get('class-reordered')?.ours).toBe(0);
  for (const n of ['class-join', 'class-msgs', 'class-tab-memory', 'class-tab-cpu', 'class-server-memory', 'class-signal-register-p99']) expect(figures.get(n)?.ours, n).toBeGreaterThan(0);
  // With erl installed, the reference ran too: the same class on BEAM nodes.
  if (spawnSync('erl', ['-noshell', '-eval', 'init:stop()']).status === 0) {
    expect(figures.get('class-join')?.reference).toBeGreaterThan(0);
    expect(figures.get('class-tab-memory')?.reference).toBeGreaterThan(0);
  }
});
