/**
 * A real `elixir --sname` node beside the tabs (e2e/beam-*.spec.ts): started with a script, its
 * output read as it comes, killed when the test ends. Names carry `gateway_` so that nothing
 * collides with other nodes on the machine's shared epmd.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { hostname } from 'node:os';
import { expect, test } from './fixtures.ts';
import { beamPort } from '../playwright.config.ts';

/** The host part real nodes (and tabs of a --beam server) have here: `hostname -s`. */
export const HOST = hostname().split('.')[0] as string;

/** The --beam server Playwright starts (its second webServer): tabs opened there are EPMD-registered. */
export const beamURL = `http://localhost:${beamPort}`;

export interface RealNode {
  /** `gateway_real1@vm` */
  readonly name: string;
  output(): string;
  waitForOutput(text: string, timeout?: number): Promise<void>;
  /** Resolves when the node's OS process has ended (e.g. after System.halt). */
  exited(): Promise<void>;
  kill(): void;
}

/** Starts `elixir --sname <sname> --cookie <cookie> [--erl <erlArgs>] -e <code>`. */
export function startRealNode(sname: string, cookie: string, code: string, erlArgs?: string): RealNode {
  const erl = erlArgs === undefined ? [] : ['--erl', erlArgs];
  const child: ChildProcess = spawn('elixir', ['--sname', sname, '--cookie', cookie, ...erl, '-e', code], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const ended = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  return {
    name: `${sname}@${HOST}`,
    output: () => out,
    async waitForOutput(text, timeout = 20_000) {
      await expect.poll(() => out, { timeout }).toContain(text);
    },
    exited: () => ended,
    kill: () => void child.kill('SIGKILL'),
  };
}

/**
 * For a spec file: a `startRealNode` whose nodes are all killed after each test (a failed test
 * leaves no `elixir` process behind on the shared machine's epmd).
 */
export function realNodesKilledAfterEach(): typeof startRealNode {
  const started: RealNode[] = [];
  test.afterEach(() => started.splice(0).forEach((r) => r.kill()));
  return (sname, cookie, code, erlArgs) => {
    const real = startRealNode(sname, cookie, code, erlArgs);
    started.push(real);
    return real;
  };
}
