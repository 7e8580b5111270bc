// Review (session 5): a message on the lesson channel from a name that is none of the lesson's
// tabs was taken when its statuses were empty, so every new name grew the hook's map of remote
// tabs (and each message re-read them all): a same-origin page could post endless names.
import { afterEach, describe, expect, it } from 'vitest';
import { parseLesson } from '../../lessons/format.ts';
import type { StepStatus } from '../../lessons/progress.ts';
import { openLessonChannel, type LessonChannel } from './lesson-channel.ts';

const parsed = parseLesson('# L\n## a\n```iex one\nx\n```\n```output\n1\n```\n## b\n```iex two\ny\n```\n```output\n2\n```\n');
const tick = () => new Promise((r) => setTimeout(r, 30));
const open: LessonChannel[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.close();
});

describe('the lesson channel (review)', () => {
  it('takes statuses only from the lesson\'s own tabs, even empty ones', async () => {
    if ('error' in parsed) throw new Error(parsed.error);
    const got: [string, ReadonlyMap<number, StepStatus>][] = [];
    const one = openLessonChannel(parsed.ok, 'k', 'one', (t, s) => got.push([t, s]), () => undefined);
    if (one === null) throw new Error('no BroadcastChannel');
    open.push(one);
    const raw = new BroadcastChannel('playground-lesson');
    for (let i = 0; i < 50; i++) raw.postMessage({ key: 'k', from: `intruder-${i}`, statuses: [] });
    raw.postMessage({ key: 'k', from: 'two', statuses: [] }); // a real tab with nothing checked yet
    await tick();
    raw.close();
    expect(got.map(([t]) => t)).toEqual(['two']);
  });
});
