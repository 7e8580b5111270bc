/**
 * `npm run iex`: the same node and shell as a tab, in a terminal.
 *
 *   npm run -s iex -- --sname one --cookie chocolate-chip-1
 *   printf 'x = 1 + 2\nx * 2\n' | npm run -s iex
 *
 * A named terminal node is alive (name, cookie, `:global`) but reaches no other node yet: its
 * `Node.connect` answers false. Tabs are where nodes meet.
 *
 * On a TTY it is interactive (output from processes appears above the prompt, as in iex).
 * With piped input it echoes each line after its prompt, so the output is a transcript
 * comparable with real iex (piped-input.ts says when each line is typed and when it exits).
 */
import { homedir, hostname } from 'node:os';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createPlaygroundNode } from '../playground/node.ts';
import type { Shell } from '../core/shell/shell.ts';
import { createElixirShell } from '../core/shell/elixir-shell.ts';
import { nodeScheduling, realClock, startNodeLoop } from '../host/node-loop.ts';
import { parseIexArgs } from './args.ts';
import { isolatedTransport } from './isolated-transport.ts';
import { pipedInput, type PipedInput } from './piped-input.ts';

function main(): void {
  let args;
  try {
    args = parseIexArgs(process.argv.slice(2), hostname().split('.')[0] ?? 'localhost');
  } catch (err) {
    process.stderr.write(`iex: ${(err as Error).message}\n`);
    process.exit(1);
  }
  const tty = process.stdin.isTTY === true && process.stdout.isTTY === true;
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: tty });

  let piped: PipedInput | null = null;
  // On a TTY, output that arrives while the user is at the prompt is printed above it.
  const write = (text: string) => {
    piped?.output();
    if (!tty) return void process.stdout.write(text);
    process.stdout.write('\r\x1b[K' + text);
    if (!shell.isBusy) rl.prompt(true);
  };

  const elixir = createPlaygroundNode({
    clock: realClock,
    wallClock: { now: () => Date.now() },
    formatTime: (ms) => new Date(ms).toTimeString().slice(0, 8) + '.' + String(Math.floor(ms % 1000)).padStart(3, '0'),
    random: { next: Math.random },
    stdout: write,
    ...(args.node ? { name: args.node, creation: 1 + Math.floor(Math.random() * 0xfffffffe) } : {}),
  });
  const { node } = elixir;
  const loop = startNodeLoop(node, realClock, nodeScheduling());
  if (args.node) {
    elixir.goAlive({ transport: isolatedTransport(), cookie: args.cookie ?? defaultCookie(), clock: realClock, random: { next: Math.random }, wake: loop.wake, ...(args.hidden ? { hidden: true } : {}) });
  }
  const shell: Shell = createElixirShell(elixir, { write, echo: !tty, banner: tty, clear: () => write('\x1b[H\x1b[2J') });

  const showPrompt = () => {
    rl.setPrompt(shell.prompt);
    rl.prompt();
  };
  if (!tty) piped = pipedInput({ shell, node, wake: loop.wake, write, exit: () => process.exit(0) });
  rl.on('line', (line) => {
    if (piped !== null) return piped.line(line);
    shell.input(line);
    loop.wake();
    void shell.whenIdle().then(showPrompt);
  });
  rl.on('close', () => {
    if (piped !== null) return piped.end();
    process.stdout.write('\n');
    process.exit(0);
  });
  if (tty) showPrompt();
}

/** As erl: ~/.erlang.cookie when there is one, else 20 random capital letters (not saved). */
function defaultCookie(): string {
  try {
    return readFileSync(path.join(homedir(), '.erlang.cookie'), 'utf8').trim();
  } catch {
    return Array.from({ length: 20 }, () => String.fromCharCode(65 + Math.floor(Math.random() * 26))).join('');
  }
}

main();
