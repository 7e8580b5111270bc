/**
 * `npm run iex`: the same node and shell as a tab, in a terminal.
 *
 *   npm run -s iex -- --sname one --cookie chocolate-chip-1
 *   printf 'x = 1 + 2\nx * 2\n' | npm run -s iex
 *
 * A named terminal node speaks real TCP distribution: it registers with the machine's EPMD and
 * reaches real BEAM nodes (and tabs behind a `--beam` gateway) by EPMD lookups, as `erl -sname`
 * does; nodes of this same process meet over its in-process network.
 *
 * On a TTY it is interactive (output from processes appears above the prompt, as in iex).
 * With piped input it echoes each line after its prompt, so the output is a transcript
 * comparable with real iex (piped-input.ts says when each line is typed and when it exits).
 */
import { homedir, hostname } from 'node:os';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { createPlaygroundNode } from '../playground/node.ts';
import type { Shell } from '../core/shell/shell.ts';
import type { Random } from '../core/ports.ts';
import { createElixirShell } from '../core/shell/elixir-shell.ts';
import { nodeScheduling, startNodeLoop } from '../host/node-loop.ts';
import { realEffects } from '../host/real-effects.ts';
import { distributionStart, nodeOptionsFor, startOptionsFromArgs } from '../playground/start-options.ts';
import { terminalNetwork } from './terminal-network.ts';
import { terminalTransport } from './terminal-transport.ts';
import { tcpTransport } from '../host/beam/tcp-transport.ts';
import type { NameServer } from '../distribution/elixir/context.ts';
import { BeamFuns } from '../distribution/beam-funs/beam-fun-hooks.ts';
import { pipedInput, type PipedInput } from './piped-input.ts';

/** The composition root of the terminal: real effects, flags parsed once, the node built here. */
function main(): void {
  const effects = realEffects();
  let start;
  try {
    start = startOptionsFromArgs(process.argv.slice(2), hostname().split('.')[0] ?? 'localhost');
  } catch (err) {
    process.stderr.write(`iex: ${(err as Error).message}\n`);
    process.exit(1);
  }
  const tty = process.stdin.isTTY === true && process.stdout.isTTY === true;
  let rl: Interface | null = null;

  let piped: PipedInput | null = null;
  // On a TTY, output that arrives while the user is at the prompt is printed above it.
  const write = (text: string) => {
    piped?.output();
    if (!tty) return void process.stdout.write(text);
    process.stdout.write('\r\x1b[K' + text);
    if (!shell.isBusy) rl?.prompt(true);
  };

  const elixir = createPlaygroundNode(nodeOptionsFor(start, effects, write));
  const { node } = elixir;
  const loop = startNodeLoop(node, effects.clock, nodeScheduling());
  const shellOptions = { write, echo: !tty, banner: tty, clear: () => write('\x1b[H\x1b[2J') };
  let shell: Shell;

  /** Reads input into the shell: at once, or (a named node) once its name is registered, as erl. */
  const takeInput = (): void => {
    const input = createInterface({ input: process.stdin, output: process.stdout, terminal: tty });
    rl = input;
    const showPrompt = () => {
      input.setPrompt(shell.prompt);
      input.prompt();
    };
    if (!tty) piped = pipedInput({ shell, node, wake: loop.wake, write, exit: () => process.exit(0) });
    input.on('line', (line) => {
      if (piped !== null) return piped.line(line);
      shell.input(line);
      loop.wake();
      void shell.whenIdle().then(showPrompt);
    });
    input.on('close', () => {
      if (piped !== null) return piped.end();
      process.stdout.write('\n');
      process.exit(0);
    });
    if (tty) showPrompt();
  };

  if (start.node === null) {
    shell = createElixirShell(elixir, shellOptions);
    return takeInput();
  }
  const cookie = start.cookie ?? defaultCookie(effects.random);
  const net = terminalNetwork();
  const host = start.node.slice(start.node.indexOf('@') + 1);
  const tcp = tcpTransport({
    onRegistered: (r) => {
      if (r.ok) return takeInput();
      // erl stops when it cannot publish its name; so does the terminal, in erl's words.
      process.stderr.write(`Protocol 'inet_tcp': ${r.reason}\n`);
      process.exit(1);
    },
  });
  // :net_adm.names lists EPMD's nodes on this machine and the nodes of this process's network.
  const names: NameServer = (done) => tcp.names(host, (r) => done('ok' in r ? { ok: [...new Set([...r.ok, ...net.names()])] } : r));
  elixir.goAlive({ transport: terminalTransport(net, tcp), names, cookie, clock: effects.clock, random: effects.random, wake: loop.wake, beamFuns: (lang) => new BeamFuns(lang), ...distributionStart(start) });
  // The shell is made once the node is alive (its prompt and helpers see the name).
  shell = createElixirShell(elixir, shellOptions);
}

/** As erl: ~/.erlang.cookie when there is one, else 20 random capital letters (not saved). */
function defaultCookie(random: Random): string {
  try {
    return readFileSync(path.join(homedir(), '.erlang.cookie'), 'utf8').trim();
  } catch {
    return Array.from({ length: 20 }, () => String.fromCharCode(65 + Math.floor(random.next() * 26))).join('');
  }
}

main();
