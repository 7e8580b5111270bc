/**
 * `:global` between a real OTP 25 / Elixir 1.14 node (`iex --sname`) and our terminal node
 * (`src/cli/iex.ts`, real TCP distribution through the machine's EPMD): names registered on
 * either side are seen on both, writes after connecting reach both, `:global.send` crosses,
 * names go with their node, and a clash when the two meet is resolved as OTP does. Both sides
 * speak global.erl's protocol; nothing on the BEAM side is special. Requires `iex`/`erl`
 * (installed here) and epmd. No sleeps in the test: each step waits for a marker the shell prints.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const COOKIE = 'globalotp_cookie';

interface Shell {
  readonly out: () => string;
  /** Types one line. */
  send(line: string): void;
  /** The first match of `re` in what was printed after `from`. */
  waitFor(re: RegExp, from?: number, ms?: number): Promise<RegExpMatchArray>;
  stop(): void;
}

function shell(cmd: string, args: string[]): Shell {
  const child = spawn(cmd, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  const waiters = new Set<() => void>();
  const take = (d: Buffer): void => {
    out += d.toString();
    for (const w of [...waiters]) w();
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  return {
    out: () => out,
    send: (line) => void child.stdin.write(`${line}\n`),
    waitFor: (re, from = 0, ms = 30_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no ${re} within ${ms} ms; output:\n${out}`));
        }, ms);
        function check(): void {
          const m = out.slice(from).match(re);
          if (m === null) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(m);
        }
        waiters.add(check);
        check();
      }),
    stop: () => {
      child.stdin.end();
      child.kill();
    },
  };
}

const realNode = (name: string): Shell => shell('iex', ['--sname', name, '--cookie', COOKIE]);
const ourNode = (name: string): Shell => shell(process.execPath, ['--import', 'tsx', 'src/cli/iex.ts', '--sname', name, '--cookie', COOKIE]);

/** Types `expr` wrapped so its value prints as `{:tag, value}`, and resolves with the value's text. */
async function ask(s: Shell, tag: string, expr: string, ms?: number): Promise<string> {
  const from = s.out().length;
  s.send(`IO.inspect({:${tag}, (${expr})})`);
  const m = await s.waitFor(new RegExp(`\\{:${tag}, ([^\\n]*)\\}\\n`), from, ms);
  return m[1] as string;
}

/** Until `expr` (on `s`) prints `want`, retrying every 100 ms in the shell itself (our side may finish a sync a moment after BEAM's). */
function until(s: Shell, tag: string, expr: string, want: string): Promise<string> {
  return ask(s, tag, `Enum.reduce_while(1..100, nil, fn _, _ -> v = (${expr}); if inspect(v) == ${JSON.stringify(want)}, do: {:halt, v}, else: (Process.sleep(100); {:cont, v}) end)`);
}

/** A real iex and our terminal node for one describe block, stopped after it. */
function shells(realName: string, ourName: string): { real: Shell; ours: Shell } {
  const real = realNode(realName);
  const ours = ourNode(ourName);
  afterAll(() => {
    real.stop();
    ours.stop();
  });
  return { real, ours };
}

const SLEEPER = 'spawn(fn -> Process.sleep(:infinity) end)';

describe(':global between a real BEAM node and our terminal node', () => {
  const { real, ours } = shells('globalotp_r1', 'globalotp_t1');

  it('names from both sides are seen on both, writes after connecting reach both, :global.send crosses, names go with their node', async () => {
    expect(await ask(real, 'r1', `:global.register_name(:from_real, ${SLEEPER})`, 60_000)).toBe(':yes');
    expect(await ask(ours, 't1', `:global.register_name(:from_tab, ${SLEEPER})`, 60_000)).toBe(':yes');
    expect(await ask(ours, 't2', 'Node.connect(:"globalotp_r1@vm")')).toBe('true');
    // BEAM's own :global.sync/0 returns when its global has synced with every node
    expect(await ask(real, 'r2', ':global.sync()')).toBe(':ok');
    expect(await ask(real, 'r3', 'Enum.sort(:global.registered_names())')).toBe('[:from_real, :from_tab]');
    expect(await ask(ours, 'tS', ':global.sync()')).toBe(':ok'); // ours too
    expect(await ask(ours, 't3', 'Enum.sort(:global.registered_names())')).toBe('[:from_real, :from_tab]');
    expect(await ask(real, 'r4', ':global.whereis_name(:from_tab) |> node()')).toBe(':globalotp_t1@vm');
    expect(await ask(ours, 't4', ':global.whereis_name(:from_real) |> node()')).toBe(':globalotp_r1@vm');

    // Writes once connected: under global's lock on both nodes, answered when both have it.
    expect(await ask(real, 'r5', `:global.register_name(:late_real, ${SLEEPER})`)).toBe(':yes');
    expect(await ask(ours, 't5', ':global.whereis_name(:late_real) |> node()')).toBe(':globalotp_r1@vm');
    expect(await ask(ours, 't6', `:global.register_name(:late_tab, ${SLEEPER})`)).toBe(':yes');
    expect(await ask(real, 'r6', ':global.whereis_name(:late_tab) |> node()')).toBe(':globalotp_t1@vm');
    expect(await ask(real, 'r7', `:global.register_name(:late_tab, ${SLEEPER})`)).toBe(':no');
    expect(await ask(ours, 't7', ':global.unregister_name(:late_real)')).toBe(':ok');
    expect(await ask(real, 'r8', ':global.whereis_name(:late_real)')).toBe(':undefined');

    // :global.send from BEAM to a name on the tab, and the tab answers
    ours.send('echo = spawn(fn -> receive do {from, msg} -> send(from, {:echoed, msg, Node.self()}) end end)');
    expect(await ask(ours, 't8', ':global.register_name(:echo, echo)')).toBe(':yes');
    expect(await ask(real, 'r9', ':global.send(:echo, {self(), :ping}); receive do m -> m after 5000 -> :timeout end')).toBe('{:echoed, :ping, :globalotp_t1@vm}');

    // The tab's node goes: its names go from BEAM's table
    expect(await ask(real, 'r10', 'Node.disconnect(:"globalotp_t1@vm")')).toBe('true');
    expect(await ask(real, 'r11', 'Enum.sort(:global.registered_names())')).toBe('[:from_real]');
    // (:echo went when its process ended after answering, on both sides)
    expect(await until(ours, 't9', 'Enum.sort(:global.registered_names())', '[:from_tab, :late_tab]')).toBe('[:from_tab, :late_tab]');
  }, 120_000);
});

/**
 * A real node and ours, each holding `:dup` (`real_pid`, `tab_pid`), made to meet (`from` makes
 * the connection); resolves once BEAM's global says it is synced.
 */
async function clash(real: Shell, ours: Shell, from: 'real' | 'ours', to: string): Promise<void> {
  real.send(`real_pid = ${SLEEPER}`);
  expect(await ask(real, 'c1', ':global.register_name(:dup, real_pid)', 60_000)).toBe(':yes');
  ours.send(`tab_pid = ${SLEEPER}`);
  expect(await ask(ours, 'c2', ':global.register_name(:dup, tab_pid)', 60_000)).toBe(':yes');
  expect(await ask(from === 'real' ? real : ours, 'c3', `Node.connect(:"${to}")`)).toBe('true');
  expect(await ask(real, 'c4', ':global.sync()')).toBe(':ok');
}

const CONFLICT_LOG = /\[info\] global: Name conflict terminating \{:dup, #PID<\d+\.\d+\.\d+>\}/;

describe('a name clash when a real BEAM node and our node meet', () => {
  const { real, ours } = shells('globalotp_r2', 'globalotp_t2');

  it("BEAM's node has the smaller name: it resolves with random_exit_name, our holder is killed and the name is BEAM's on both", async () => {
    await clash(real, ours, 'ours', 'globalotp_r2@vm');
    expect(await ask(real, 'r1', ':global.whereis_name(:dup) == real_pid')).toBe('true');
    // global.erl's log line on the resolving node (random_exit_name runs there)
    await real.waitFor(CONFLICT_LOG);
    expect(await until(ours, 't1', 'Process.alive?(tab_pid)', 'false')).toBe('false');
    expect(await until(ours, 't2', ':global.whereis_name(:dup) |> node()', ':globalotp_r2@vm')).toBe(':globalotp_r2@vm');
  }, 120_000);
});

describe('a name clash resolved by our node', () => {
  const { real, ours } = shells('globalotp_r3', 'globalotp_a3');

  it("our node has the smaller name: it runs random_exit_name, kills BEAM's holder and logs it; the name is ours on both", async () => {
    await clash(real, ours, 'real', 'globalotp_a3@vm');
    expect(await ask(real, 'r1', ':global.whereis_name(:dup) |> node()')).toBe(':globalotp_a3@vm');
    expect(await ask(real, 'r2', 'Process.alive?(real_pid)')).toBe('false');
    await ours.waitFor(CONFLICT_LOG);
    expect(await ask(ours, 't1', ':global.whereis_name(:dup) == tab_pid')).toBe('true');
  }, 120_000);
});
