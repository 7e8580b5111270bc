/**
 * `npm run bench:beam [-- --json]`: the terminal node (`npm run iex`, real TCP distribution)
 * against a real `iex --sname` node on this machine, beside the same traffic between two real
 * nodes (the reference). Both sides are typed into shells (src/cli/beam-testing.ts), and each
 * figure is timed inside the calling node with `:timer.tc`, so it is the nodes' own cost:
 * - round trip: `{self(), i}` to a registered echo on the real node, wait for `i`, N times;
 * - one way: N `{:msg, i}` to a registered sink, then `{:end, self()}` -> `{:done, count}`.
 * No target yet (issue 15 §4 asks for the figure); the machine is shared, so run it a few times.
 */
import { printComparison, type ComparisonRow } from './harness.ts';
import { elixirAvailable } from './beam.ts';
import { realIex, terminalIex, type IexSession } from '../src/cli/beam-testing.ts';

const json = process.argv.includes('--json');
const RTT_N = 2000;
const ONE_WAY_N = 20_000;
const tag = process.pid;
const ECHO = `beamlink_bench_echo${tag}`;

const SERVERS = [
  'Process.register(spawn(fn -> loop = fn loop -> receive do {from, x} -> send(from, x); loop.(loop) end end; loop.(loop) end), :echo)',
  'Process.register(spawn(fn -> loop = fn loop, n -> receive do {:end, from} -> send(from, {:done, n}); loop.(loop, 0); _ -> loop.(loop, n + 1) end end; loop.(loop, 0) end), :sink)',
];

const rttCode = (n: number) =>
  `:timer.tc(fn -> Enum.each(1..${n}, fn i -> send({:echo, :${ECHO}@vm}, {self(), i}); receive do ^i -> :ok end end) end)`;
const oneWayCode = (n: number) =>
  `:timer.tc(fn -> Enum.each(1..${n}, fn i -> send({:sink, :${ECHO}@vm}, {:msg, i}) end); send({:sink, :${ECHO}@vm}, {:end, self()}); receive do {:done, c} -> c end end)`;

/** The µs of a `{µs, result}` line a shell printed. */
function micros(out: string): number {
  const m = /\{(\d+), [^\n]*\}\n/.exec(out);
  if (m === null) throw new Error(`no :timer.tc result in ${JSON.stringify(out)}`);
  return Number(m[1]);
}

async function measure(s: IexSession): Promise<{ rttUs: number; msgsPerSec: number }> {
  const connected = await s.type(`Node.connect(:${ECHO}@vm)`);
  if (!connected.includes('true')) throw new Error(`${s.name} could not connect: ${connected}`);
  await s.type(rttCode(200)); // warm up both ends
  const rtt = micros(await s.type(rttCode(RTT_N), 300_000)) / RTT_N;
  const oneWay = micros(await s.type(oneWayCode(ONE_WAY_N), 300_000));
  return { rttUs: rtt, msgsPerSec: ONE_WAY_N / (oneWay / 1e6) };
}

async function main(): Promise<void> {
  if (!elixirAvailable()) throw new Error('bench:beam needs Elixir (iex) installed');
  const echo = realIex(ECHO, 'bench');
  const ours = terminalIex(`beamlink_bench_cli${tag}`, 'bench');
  const ref = realIex(`beamlink_bench_ref${tag}`, 'bench');
  try {
    for (const code of SERVERS) await echo.type(code);
    const o = await measure(ours);
    const r = await measure(ref);
    const rows: ComparisonRow[] = [
      { name: 'remote round trip, terminal -> real node', unit: 'µs', higherIsBetter: false, result: { ours: o.rttUs, reference: r.rttUs, details: `${RTT_N} {self, i} -> i over TCP` } },
      { name: 'one-way messages, terminal -> real node', unit: 'msg/s', higherIsBetter: true, result: { ours: o.msgsPerSec, reference: r.msgsPerSec, details: `${ONE_WAY_N} {:msg, i}, counted by the sink` } },
    ];
    printComparison(rows, { reference: 'real<->real', short: 'BEAM' }, json);
  } finally {
    for (const s of [echo, ours, ref]) s.stop();
  }
}

void main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
