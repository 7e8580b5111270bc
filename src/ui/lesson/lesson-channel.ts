/**
 * The lesson's tabs in one browser share their checked steps over a BroadcastChannel: each tab
 * checks the steps whose output is its own (src/lessons/progress.ts) and posts their status, so
 * every tab's panel shows the whole lesson's progress. Results, not transcripts, cross: a tab
 * never trusts another's output, and a message is taken only if it is well formed and speaks for
 * a step of the tab it says it comes from. (Tabs in other browsers, as a class's, show their own
 * steps only: the cluster view's tracing service carries processes and messages, not shell text.)
 */
import type { Lesson } from '../../lessons/format.ts';
import type { StepStatus } from '../../lessons/progress.ts';

const CHANNEL = 'playground-lesson';

/** One tab's statuses, as posted: [step index, checked, wrong]. */
type Posted = readonly (readonly [number, boolean, boolean])[];

export interface LessonChannel {
  /** Posts this tab's statuses. */
  post(statuses: ReadonlyMap<number, StepStatus>): void;
  close(): void;
}

/**
 * Opens the channel for `lesson` (`key` tells lessons apart, `host` classes on one machine) as
 * tab `self`; `onRemote` gets another tab's statuses. `onHello` is asked to post again when a tab joins.
 */
export function openLessonChannel(
  lesson: Lesson,
  key: string,
  self: string,
  onRemote: (tab: string, statuses: ReadonlyMap<number, StepStatus>) => void,
  onHello: () => void,
): LessonChannel | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (e: MessageEvent<unknown>) => {
    const m = e.data;
    if (typeof m !== 'object' || m === null) return;
    const { key: k, from, hello, statuses } = m as Record<string, unknown>;
    if (k !== key || typeof from !== 'string' || from === self) return;
    if (hello === true) return onHello();
    if (!Array.isArray(statuses) || statuses.length > lesson.steps.length) return;
    // Only a tab that speaks for some step posts statuses: else every new name (with an empty
    // list) would be one more remote tab kept by the hook.
    if (!lesson.steps.some((s) => s.expect?.tab === from)) return;
    const map = new Map<number, StepStatus>();
    for (const s of statuses as unknown[]) {
      if (!Array.isArray(s) || s.length !== 3) return;
      const [i, checked, wrong] = s as unknown[];
      if (typeof i !== 'number' || typeof checked !== 'boolean' || typeof wrong !== 'boolean' || lesson.steps[i]?.expect?.tab !== from) return;
      map.set(i, { checked, wrong });
    }
    onRemote(from, map);
  };
  channel.postMessage({ key, from: self, hello: true });
  return {
    post(statuses) {
      const posted: Posted = [...statuses].map(([i, s]) => [i, s.checked, s.wrong] as const);
      channel.postMessage({ key, from: self, statuses: posted });
    },
    close: () => channel.close(),
  };
}
