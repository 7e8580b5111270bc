/**
 * The reference of `npm run bench:class`: the same classroom on N real BEAM nodes on this
 * machine (`erl -sname`, loopback TCP distribution, epmd), driven by class_bench.erl on a hidden
 * controller node: time for the N-th node to join the mesh, erlang:memory(total) per node,
 * CPU per node (statistics(runtime)) under the same traffic, and its own lost/reordered count.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { runCommand } from '../run-command.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';

export interface BeamClassFigures {
  readonly joinLastMs: number;
  readonly joinTotalMs: number;
  readonly memoryPerNode: number;
  /** Percent of one core per node, over the traffic phase. */
  readonly cpuPercentPerNode: number;
  readonly sent: number;
  readonly lost: number;
  readonly reordered: number;
}

export function erlAvailable(): boolean {
  try {
    execFileSync('erl', ['-noshell', '-eval', 'init:stop()'], { stdio: 'ignore', timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}

export async function beamClass(n: number, seconds: number, perTick: number, everyMs: number): Promise<BeamClassFigures | null> {
  if (!erlAvailable()) return null;
  const dir = mkdtempSync(join(tmpdir(), 'bench-beam-class-'));
  const prefix = `classb${process.pid}_`;
  const cookie = `classbench${process.pid}`;
  const host = hostname().split('.')[0] ?? 'localhost';
  const nodes: ChildProcess[] = [];
  try {
    execFileSync('erlc', ['-o', dir, join(import.meta.dirname, 'class_bench.erl')], { stdio: ['ignore', 'ignore', 'inherit'], timeout: 60_000 });
    for (let i = 1; i <= n; i++) nodes.push(spawn('erl', ['-sname', `${prefix}${i}`, '-setcookie', cookie, '-noshell', '-pa', dir], { stdio: 'ignore' }));
    const call = `class_bench:ctl("${prefix}", ${n}, ${seconds}, ${perTick}, ${everyMs}, "${host}"), init:stop().`;
    const out = await runCommand('erl', ['-sname', `${prefix}ctl`, '-hidden', '-setcookie', cookie, '-noshell', '-pa', dir, '-eval', call], (seconds + 120) * 1000);
    const line = out.split('\n').find((l) => l.startsWith('join_last=')) ?? '';
    const f: Record<string, number> = {};
    for (const kv of line.split(/\s+/)) {
      const [k, v] = kv.split('=');
      if (k !== undefined && v !== undefined) f[k] = Number(v);
    }
    const need = ['join_last', 'join_total', 'mem_mean', 'cpu_pct_mean', 'sent', 'lost', 'reordered'];
    if (need.some((k) => !Number.isFinite(f[k]))) throw new Error(`the BEAM controller printed: ${out.slice(0, 500)}`);
    const get = (k: string) => f[k] as number;
    return { joinLastMs: get('join_last'), joinTotalMs: get('join_total'), memoryPerNode: get('mem_mean'), cpuPercentPerNode: get('cpu_pct_mean'), sent: get('sent'), lost: get('lost'), reordered: get('reordered') };
  } finally {
    for (const p of nodes) p.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}
