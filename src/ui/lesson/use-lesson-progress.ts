import { useEffect, useState } from 'react';
import type { Lesson } from '../../lessons/format.ts';
import { TabProgress, type StepStatus } from '../../lessons/progress.ts';
import type { ShellSession } from '../session.ts';
import { openLessonChannel } from './lesson-channel.ts';

/**
 * The lesson's step statuses as this tab sees them: its own steps checked from its shell's
 * output as it is written (and answered wrong when the shell goes idle without it), the other
 * tabs' from the lesson channel. Keyed by step index; a step nobody reported is absent.
 */
export function useLessonProgress(session: ShellSession, lesson: Lesson | null, self: string | null, host: string, key: string): ReadonlyMap<number, StepStatus> {
  const [statuses, setStatuses] = useState<ReadonlyMap<number, StepStatus>>(new Map());
  useEffect(() => {
    if (lesson === null) return undefined;
    const mine = self !== null && lesson.tabs.some((t) => t.name === self) ? new TabProgress(lesson, self, host) : null;
    const remote = new Map<string, ReadonlyMap<number, StepStatus>>();
    const publish = () => setStatuses(new Map([...[...remote.values()].flatMap((m) => [...m]), ...(mine?.statuses() ?? [])]));
    const channel = openLessonChannel(
      lesson,
      key,
      self ?? `unnamed-${host}`,
      (tab, s) => {
        remote.set(tab, s);
        publish();
      },
      () => mine && channel?.post(mine.statuses()),
    );
    const changed = () => {
      if (mine) channel?.post(mine.statuses());
      publish();
    };
    const offOutput = session.onOutput((chunk) => {
      if (mine?.write(chunk)) changed();
    });
    const offView = session.subscribe(() => {
      if (!session.getView().busy && mine?.idle()) changed();
    });
    publish();
    return () => {
      offOutput();
      offView();
      channel?.close();
    };
  }, [session, lesson, self, host, key]);
  return statuses;
}
