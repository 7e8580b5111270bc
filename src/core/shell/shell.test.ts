// The shell's line handling with a stand-in language (sums of integers): prompts, continuation,
// the counter, errors, queued lines, a mailbox that survives between expressions, and restart.
import { describe, expect, it } from 'vitest';
import { SeededRandom, SimulatedClock } from '../ports.ts';
import { createNode } from '../runtime/node.ts';
import { atom, type Term } from '../term/types.ts';
import { inspect } from '../term/inspect.ts';
import type { ShellLanguage } from './evaluator.ts';
import { Shell } from './shell.ts';

/** `1 + 2` sums; a trailing `+` is incomplete; `)` is a syntax error; `recv` takes one message. */
const sums: ShellLanguage = {
  prepare(source, counter) {
    const text = source.replace(/\n/g, ' ').trim();
    if (text.endsWith('+')) return { type: 'incomplete' };
    if (text.includes(')')) return { type: 'error', text: `** (SyntaxError) iex:${counter}:1: unexpected token: )` };
    if (text === 'recv') {
      return {
        type: 'complete',
        task: () => ({
          run(proc) {
            proc.beginReceive(0);
            const msg = proc.nextMessage();
            if (msg !== undefined) {
              proc.takeMessage();
              return { type: 'value', reductions: 1, value: msg };
            }
            proc.endReceive();
            return { type: 'value', reductions: 1, value: atom('empty') };
          },
        }),
      };
    }
    const value = text.split('+').reduce((a, b) => a + Number(b), 0);
    if (Number.isNaN(value)) return { type: 'complete', task: () => ({ run: () => ({ type: 'raised', reductions: 1, text: '** (ArithmeticError) bad argument in arithmetic expression' }) }) };
    return { type: 'complete', task: () => ({ run: () => ({ type: 'value', reductions: 1, value }) }) };
  },
  reset() {},
  inspect: (t: Term) => inspect(t),
};

function setup(name?: string) {
  let out = '';
  const node = createNode({ clock: new SimulatedClock(), random: new SeededRandom(1), stdout: (t) => (out += t), ...(name ? { name } : {}) });
  const shell = new Shell({ node, language: sums, write: (t) => (out += t), echo: true });
  const type = (...lines: string[]) => {
    for (const l of lines) shell.input(l);
    node.runUntilIdle();
  };
  return { node, shell, type, output: () => out };
}

describe('shell', () => {
  it('prints an iex transcript with the counter increasing', () => {
    const { type, output, shell } = setup();
    type('1 + 2', '3 + 4');
    expect(output()).toBe('iex(1)> 1 + 2\n3\niex(2)> 3 + 4\n7\n');
    expect(shell.prompt).toBe('iex(3)> ');
  });

  it('names the node in the prompt', () => {
    const { type, output } = setup('one@lab');
    type('1');
    expect(output()).toBe('iex(one@lab)1> 1\n1\n');
  });

  it('continues an incomplete expression with ...(n)>', () => {
    const { type, output, shell } = setup();
    type('1 +');
    expect(shell.prompt).toBe('...(1)> ');
    type('2');
    expect(output()).toBe('iex(1)> 1 +\n...(1)> 2\n3\n');
  });

  it('keeps the counter after an error, as iex does', () => {
    const { type, output } = setup();
    type('1 )', 'x + 1', '5');
    expect(output()).toBe(
      'iex(1)> 1 )\n** (SyntaxError) iex:1:1: unexpected token: )\n' +
        'iex(1)> x + 1\n** (ArithmeticError) bad argument in arithmetic expression\n' +
        'iex(1)> 5\n5\n',
    );
  });

  it('evaluates an empty line to nil and moves the counter, as iex does', () => {
    const { type, output } = setup();
    type('', '1');
    expect(output()).toBe('iex(1)> \nnil\niex(2)> 1\n1\n');
  });

  it('queues lines typed while an expression runs and reports idle', async () => {
    const { node, shell, output } = setup();
    shell.input('1');
    shell.input('2');
    expect(shell.isBusy).toBe(true);
    const idle = shell.whenIdle();
    node.runUntilIdle();
    await idle;
    expect(output()).toBe('iex(1)> 1\n1\niex(2)> 2\n2\n');
  });

  it('runs every expression in the same process, whose mailbox keeps user messages', () => {
    const { node, shell, type, output } = setup();
    node.send(shell.shellPid, atom('hello'));
    node.runUntilIdle();
    type('recv', 'recv');
    expect(output()).toBe('iex(1)> recv\n:hello\niex(2)> recv\n:empty\n');
  });

  it('restarts a dead shell process with the banner and counter 1', () => {
    const { node, shell, type, output } = setup();
    type('1');
    const old = shell.shellPid;
    node.exit(old, atom('kill'));
    node.runUntilIdle();
    expect(shell.shellPid).not.toBe(old);
    type('2');
    expect(output()).toBe(
      `iex(1)> 1\n1\n** (EXIT from ${inspect(old)}) shell process exited with reason: killed\n` +
        '\nInteractive Elixir (1.14.0) - press Ctrl+C to exit (type h() ENTER for help)\niex(1)> 2\n2\n',
    );
  });

  it('a front end that cannot exit gives its own banner, printed at start and on a restart', () => {
    let out = '';
    const node = createNode({ clock: new SimulatedClock(), random: new SeededRandom(1), stdout: (t) => (out += t) });
    const shell = new Shell({ node, language: sums, write: (t) => (out += t), echo: true, banner: true, bannerText: 'Interactive Elixir (page)' });
    node.exit(shell.shellPid, atom('kill'));
    node.runUntilIdle();
    expect(out.startsWith('Interactive Elixir (page)\n')).toBe(true);
    expect(out.endsWith('\nInteractive Elixir (page)\n')).toBe(true);
    expect(out).not.toContain('press Ctrl+C to exit');
  });
});
