/**
 * Tests only: a real `iex --sname` node and our terminal node (`npm run iex`), each a child
 * process driven line by line through its piped stdin. `type` types one input and resolves with
 * what the shell printed up to its next prompt; `waitFor` waits for text that comes on its own
 * (a remote process printing, a log line). No sleeps: every wait is for output, with a deadline
 * that fails the test with the transcript so far.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface IexSession {
  readonly name: string;
  /** Everything printed so far (stdout and stderr). */
  readonly out: () => string;
  /** Types `input` (one expression, lines joined by \n) and resolves with the output up to the next prompt. */
  type(input: string, timeoutMs?: number): Promise<string>;
  /** Resolves once `re` matches the output printed after character `from` (default: everything). */
  waitFor(re: RegExp, from?: number, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Resolves once the process has exited (after `stop`, or by itself). */
  exited(): Promise<number | null>;
  stop(): void;
}

function session(name: string, child: ChildProcess, ours: boolean): IexSession {
  let out = '';
  const waiters = new Set<() => void>();
  const take = (d: Buffer): void => {
    out += d.toString();
    for (const w of [...waiters]) w();
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  let exitCode: number | null | undefined;
  const exit = new Promise<number | null>((res) =>
    child.on('exit', (code) => {
      exitCode = code;
      res(code);
      for (const w of [...waiters]) w();
    }),
  );
  let prompt = 0;
  const short = name.split('@')[0] as string;
  const waitFor = (re: RegExp, from = 0, timeoutMs = 20_000): Promise<RegExpMatchArray> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const m = out.slice(from).match(re);
        if (m !== null) {
          waiters.delete(check);
          clearTimeout(timer);
          resolve(m);
        } else if (exitCode !== undefined) {
          waiters.delete(check);
          clearTimeout(timer);
          reject(new Error(`${name} exited (${exitCode}) before ${re}; output:\n${out}`));
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`${name}: no ${re} within ${timeoutMs} ms; output:\n${out}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  const promptRe = (n: number): RegExp => new RegExp(`iex\\(${short}@[^)]*\\)${n}> `);
  return {
    name,
    out: () => out,
    async type(input, timeoutMs) {
      if (!ours) {
        // Real iex prints each prompt when it is ready; the first one at start.
        if (prompt === 0) {
          await waitFor(promptRe(1), 0, timeoutMs ?? 60_000);
          prompt = 1;
        }
        const from = out.length;
        child.stdin?.write(`${input}\n`);
        const m = await waitFor(promptRe(prompt + 1), from, timeoutMs);
        prompt++;
        return out.slice(from, from + (m.index ?? 0));
      }
      // Ours types each piped line (prompt and echo) once the shell is ready for it: an empty
      // line after the input shows when the input is done (it evaluates to nil).
      if (prompt === 0) prompt = 1;
      const from = out.length;
      child.stdin?.write(`${input}\n\n`);
      const m = await waitFor(new RegExp(`${promptRe(prompt + 1).source}\nnil\n`), from, timeoutMs ?? 60_000);
      prompt += 2;
      // Without the echoed input line(s) and the empty line's prompt.
      return out.slice(from, from + (m.index ?? 0)).replace(/^iex\([^)]*\)\d+> [^\n]*\n(\.\.\.\([^)]*\)\d+> [^\n]*\n)*/, '');
    },
    waitFor,
    exited: () => exit,
    stop() {
      child.stdin?.end();
      child.kill();
    },
  };
}

/** A real `iex --sname <name> --cookie <cookie>` node. */
export function realIex(name: string, cookie: string, erlFlags?: string): IexSession {
  const args = ['--sname', name, '--cookie', cookie, ...(erlFlags !== undefined ? ['--erl', erlFlags] : [])];
  const child = spawn('iex', args, { stdio: ['pipe', 'pipe', 'pipe'] });
  return session(name, child, false);
}

/** Our terminal node: `npm run iex -- --sname <name> --cookie <cookie>` (tsx src/cli/iex.ts). */
export function terminalIex(name: string, cookie: string, env?: Record<string, string>): IexSession {
  const args = ['--import', 'tsx', 'src/cli/iex.ts', '--sname', name, '--cookie', cookie];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  return session(name, child, true);
}

/**
 * `input` typed into `s` prints exactly `expected` (our echo of it is dropped: see
 * IexSession.type). The global name server's overlapping-partition warning, which real iex may
 * print with the first connection, is not part of the answer.
 */
export async function expectEval(s: IexSession, input: string, expected: string | RegExp): Promise<void> {
  const out = (await s.type(input)).replace(/^\n?\d\d:\d\d:\d\d\.\d+ \[warning\] The global_name_server[^\n]*\n[^\n]*\n\n?/m, '');
  if (typeof expected === 'string') expect(out).toBe(`${expected}\n`);
  else expect(out).toMatch(expected);
}

/** A terminal node and a real iex node, both up and registered with EPMD, named `<prefix>_cli<tag>` and `<prefix>_real<tag>`. */
export interface IexPair {
  cli: IexSession;
  real: IexSession;
  /** `:name@host` of each, as typed in iex. */
  cliNode: string;
  realNode: string;
}

/**
 * Registers the suite's `beforeAll` (start both, wait until each answers) and `afterAll` (stop
 * both; BEAM_TRANSCRIPT=1 prints both transcripts). `connect` also connects the real node to the
 * terminal node before the tests. The returned object is filled in by `beforeAll`.
 */
export function startPair(prefix: string, opts: { connect?: boolean } = {}): IexPair {
  const tag = `${process.pid}`;
  const host = hostname().split('.')[0];
  const cliName = `${prefix}_cli${tag}`;
  const realName = `${prefix}_real${tag}`;
  const pair = { cliNode: `:${cliName}@${host}`, realNode: `:${realName}@${host}` } as IexPair;
  beforeAll(async () => {
    pair.cli = terminalIex(cliName, 'c');
    pair.real = realIex(realName, 'c');
    // Both are up and registered with EPMD once they answer.
    await Promise.all([pair.cli.type('Node.self()'), pair.real.type(':ok')]);
    // The global name server's overlapping-partition warning may come with the first connection.
    if (opts.connect) await pair.real.type(`Node.connect(${pair.cliNode})`);
  }, 90_000);
  afterAll(() => {
    if (process.env.BEAM_TRANSCRIPT) console.log(`${pair.cli?.out()}\n-----\n${pair.real?.out()}`);
    pair.cli?.stop();
    pair.real?.stop();
  });
  return pair;
}
