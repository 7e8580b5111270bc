/**
 * One tab's progress through a lesson: fed what the tab's shell prints, it checks the steps whose
 * expected output belongs to this tab (steps of other tabs are checked there, and their results
 * shared: ui/lesson/lesson-channel.ts).
 *
 * A tab's steps are checked in lesson order, each against the output printed after the previous
 * one was checked. A step whose code is typed in this tab counts only output that follows an
 * input (so an old `true` on the screen does not check `Node.connect`), and it is answered wrong
 * when the shell goes idle after an input without its expected output: its hint then shows.
 * Output from elsewhere (a log line, a process printing) counts as it comes.
 */
import type { Lesson } from './format.ts';
import { compilePattern, findPattern, mayEndIn, squash, type Pattern } from './pattern.ts';

export interface StepStatus {
  /** The expected output appeared. */
  readonly checked: boolean;
  /** An input finished without it (the hint shows until the step is checked). */
  readonly wrong: boolean;
}

/** An echoed input line: the prompt the shell printed before what was typed. */
const ECHO = /^(iex|\.\.\.)\([^)]*\)\d+> /;
/** Output kept for the step being checked (older text cannot hold the rest of a match). */
const KEEP_CHARS = 16_000;

export class TabProgress {
  /** This tab's steps (indices into the lesson), in order, with their patterns. */
  private readonly own: { readonly index: number; readonly pattern: Pattern; readonly typedHere: boolean }[];
  private next = 0;
  private seen = '';
  private partial = '';
  private sawInput = false;
  private readonly status = new Map<number, StepStatus>();

  constructor(lesson: Lesson, self: string, host: string) {
    this.own = lesson.steps.flatMap((s, index) =>
      s.expect?.tab === self ? [{ index, pattern: compilePattern(s.expect.pattern, host), typedHere: s.code?.tab === self }] : [],
    );
    for (const s of this.own) this.status.set(s.index, { checked: false, wrong: false });
  }

  /** The status of each step this tab checks, by step index. */
  statuses(): ReadonlyMap<number, StepStatus> {
    return this.status;
  }

  /** What the shell printed (any piece of it). Returns whether a step's status changed. */
  write(chunk: string): boolean {
    const lines = (this.partial + chunk).split('\n');
    this.partial = lines.pop() ?? '';
    if (this.partial.length > KEEP_CHARS) {
      lines.push(this.partial);
      this.partial = '';
    }
    let changed = false;
    for (const line of lines) {
      const step = this.own[this.next];
      if (step === undefined) return changed;
      if (ECHO.test(line)) {
        this.sawInput = true;
      } else if (this.sawInput || !step.typedHere) {
        const added = ` ${squash(line)}`;
        this.seen = (this.seen + added).slice(-KEEP_CHARS);
        // A match that was not there before ends in the new text: look only if the pattern's end can.
        if (mayEndIn(step.pattern, this.seen, this.seen.length - added.length)) changed = this.check() || changed;
      }
    }
    return changed;
  }

  /** The shell finished evaluating what was typed. Returns whether a step's status changed. */
  idle(): boolean {
    const step = this.own[this.next];
    if (step === undefined || !step.typedHere || !this.sawInput || this.status.get(step.index)?.wrong) return false;
    this.status.set(step.index, { checked: false, wrong: true });
    return true;
  }

  /** Checks the current step (and the next ones, on the output left after its match). */
  private check(): boolean {
    let changed = false;
    for (let step = this.own[this.next]; step !== undefined; step = this.own[this.next]) {
      const end = findPattern(step.pattern, this.seen);
      if (end < 0) break;
      this.status.set(step.index, { checked: true, wrong: false });
      changed = true;
      this.next++;
      this.sawInput = false;
      const following = this.own[this.next];
      // Output after the match may belong to the next step, unless that one waits for an input here.
      this.seen = following !== undefined && !following.typedHere ? this.seen.slice(end) : '';
    }
    return changed;
  }
}
