/**
 * One node's iex: line handling, prompts, the counter, printing results, and restarting the
 * shell process when it dies, as iex does. Front ends (the page's shell panel, `npm run iex`,
 * the golden-test runner) feed it lines and show what it writes; they never evaluate anything.
 *
 * Everything the shell prints goes to the same sink as the node's standard output, so results
 * and process output come out in the order they happened. With `echo` on, each line taken is
 * written after its prompt first, so the output reads as an iex transcript.
 */
import type { Node } from '../runtime/node.ts';
import type { OutputSink } from '../ports.ts';
import { atom, type Pid, type Ref, type Term } from '../term/types.ts';
import type { ProcessApi } from '../runtime/process-api.ts';
import type { EvalStep, EvalTask, ShellLanguage } from './evaluator.ts';
import { ShellProcessBody, evalRequest } from './shell-process.ts';
import { BANNER, continuationPrompt, prompt } from './prompt.ts';
import { DONT_DISPLAY } from './helpers.ts';
import { inspect } from '../term/inspect.ts';
import { formatExit } from '../lang/format-error.ts';

export interface ShellOptions {
  readonly node: Node;
  readonly language: ShellLanguage;
  readonly write: OutputSink;
  /** Write each line taken, after its prompt (transcripts, the page's log). */
  readonly echo: boolean;
  /** Print the banner when the shell starts (it is always printed on a restart). */
  readonly banner?: boolean;
  /** The banner's text where it differs from iex's (the page: Ctrl+C clears, it cannot exit). */
  readonly bannerText?: string;
}

export class Shell {
  private counter = 1;
  private buffer: string[] = [];
  private pending: string[] = [];
  private busy = false;
  private pid: Pid;
  private readonly tasks = new Map<Ref, (proc: ProcessApi) => EvalTask>();
  private idleWaiters: (() => void)[] = [];
  /** `respawn()` was called: the restart prints no EXIT line. */
  private respawning = false;
  private readonly unsubscribe: () => void;

  constructor(private readonly opts: ShellOptions) {
    if (opts.banner) opts.write(`${opts.bannerText ?? BANNER}\n`);
    this.pid = this.spawnShellProcess();
    this.unsubscribe = opts.node.subscribe((event) => {
      if (event.type === 'process:exited' && event.pid === this.pid) this.restart(event.reason);
    });
  }

  /** The shell process's pid (what `self()` returns in the shell). */
  get shellPid(): Pid {
    return this.pid;
  }

  /** The prompt to show now: `iex(1)> `, or `...(1)> ` inside an incomplete expression. */
  get prompt(): string {
    const name = this.opts.node.name.name === 'nonode@nohost' ? null : this.opts.node.name.name;
    return this.buffer.length > 0 ? continuationPrompt(this.counter, name) : prompt(this.counter, name);
  }

  /** True while an expression is being evaluated or lines wait their turn. */
  get isBusy(): boolean {
    return this.busy || this.pending.length > 0;
  }

  /** A line typed (or one line of a paste). Taken now, or after the expression being evaluated. */
  input(line: string): void {
    if (this.busy) {
      this.pending.push(line);
      return;
    }
    this.take(line);
  }

  /** Resolves when every line given so far has been evaluated. */
  whenIdle(): Promise<void> {
    if (!this.isBusy) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** iex's `respawn()`: a new shell process (new bindings, counter 1), without an EXIT report. */
  respawn(): void {
    this.respawning = true;
    this.opts.node.exit(this.pid, atom('kill'));
  }

  dispose(): void {
    this.unsubscribe();
  }

  private take(line: string): void {
    if (this.opts.echo) this.opts.write(`${this.prompt}${line}\n`);
    this.buffer.push(line);
    const source = this.buffer.join('\n');
    // An empty line at the main prompt evaluates to nil, as in iex (the counter moves on).
    if (source.trim() === '') {
      this.buffer = [];
      this.opts.write('nil\n');
      this.counter++;
      return this.drain();
    }
    const outcome = this.opts.language.prepare(source, this.counter);
    if (outcome.type === 'incomplete') return;
    this.buffer = [];
    if (outcome.type === 'error') {
      this.opts.write(`${outcome.text}\n`);
      return this.drain();
    }
    const ref = this.opts.node.makeRef();
    this.tasks.set(ref, outcome.task);
    this.busy = true;
    this.opts.node.send(this.pid, evalRequest(ref));
  }

  private finished(step: Extract<EvalStep, { type: 'value' | 'raised' }>): void {
    if (step.type === 'value') {
      if (step.value !== DONT_DISPLAY) this.opts.write(`${step.text ?? this.opts.language.inspect(step.value)}\n`);
      this.counter++;
    } else {
      this.opts.write(`${step.text}\n`);
    }
    this.busy = false;
    this.drain();
  }

  /** Take queued lines until one starts an evaluation; wake idle waiters when none is left. */
  private drain(): void {
    while (!this.busy && this.pending.length > 0) this.take(this.pending.shift() as string);
    if (!this.isBusy) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  private spawnShellProcess(): Pid {
    const body = new ShellProcessBody({
      takeTask: (ref) => {
        const task = this.tasks.get(ref);
        this.tasks.delete(ref);
        return task;
      },
      finished: (step) => this.finished(step),
    });
    return this.opts.node.spawn(body, { initialCall: ['Elixir.IEx.Evaluator', 'init', 5] });
  }

  /** The shell process died (a linked process crashed, `exit/1`, `respawn()`): start anew, as iex. */
  private restart(reason: Term): void {
    const old = this.pid;
    if (!this.respawning) {
      this.opts.write(`** (EXIT from ${inspect(old)}) shell process exited with reason: ${exitReasonText(reason, this.opts.language)}\n`);
    }
    this.respawning = false;
    this.opts.write(`\n${this.opts.bannerText ?? BANNER}\n`);
    this.counter = 1;
    this.buffer = [];
    this.tasks.clear();
    this.opts.language.reset();
    this.pid = this.spawnShellProcess();
    this.busy = false;
    this.drain();
  }
}

/** Exception.format_exit's words for the reasons it names; other reasons are inspected. */
const EXIT_WORDS = new Map<string, string>([
  ['normal', 'normal'],
  ['shutdown', 'shutdown'],
  ['killed', 'killed'],
  ['noconnection', 'no connection'],
  ['noproc', 'no process'],
  ['timeout', 'time out'],
]);

function exitReasonText(reason: Term, language: ShellLanguage): string {
  if (typeof reason === 'object' && reason.kind === 'atom') {
    const words = EXIT_WORDS.get(reason.name);
    if (words !== undefined) return words;
  }
  // OTP's `{exception, stacktrace}` and `{reason, {mod, fun, args}}` exits, worded as iex words them.
  const words = language.exitText?.(reason) ?? formatExit(reason);
  return words !== inspect(reason) ? words : language.inspect(reason);
}
