// Two tabs of one browser share their checked steps (Node's BroadcastChannel is the browser's).
import { afterEach, describe, expect, it } from 'vitest';
import { parseLesson, type Lesson } from '../../lessons/format.ts';
import type { StepStatus } from '../../lessons/progress.ts';
import { openLessonChannel, type LessonChannel } from './lesson-channel.ts';

const parsed = parseLesson('# L\n## a\n```iex one\nx\n```\n```output\n1\n```\n## b\n```iex two\ny\n```\n```output\n2\n```\n');
const lesson = (): Lesson => {
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.ok;
};
const tick = () => new Promise((r) => setTimeout(r, 30));
const open: LessonChannel[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.close();
});

function tab(self: string, key = 'k') {
  const got: [string, ReadonlyMap<number, StepStatus>][] = [];
  let hellos = 0;
  const channel = openLessonChannel(lesson(), key, self, (t, s) => got.push([t, s]), () => hellos++);
  if (channel === null) throw new Error('no BroadcastChannel');
  open.push(channel);
  return { channel, got, hellos: () => hellos };
}

describe('the lesson channel', () => {
  it('carries a tab\'s statuses to the other tabs of the same lesson, and a newcomer\'s hello', async () => {
    const one = tab('one');
    const two = tab('two');
    const other = tab('one', 'another lesson');
    await tick();
    expect(one.hellos()).toBe(1);
    two.channel.post(new Map([[1, { checked: true, wrong: false }]]));
    await tick();
    expect(one.got).toEqual([['two', new Map([[1, { checked: true, wrong: false }]])]]);
    expect(other.got).toEqual([]);
  });

  it('takes nothing malformed, and no tab speaks for another tab\'s steps', async () => {
    const one = tab('one');
    const raw = new BroadcastChannel('playground-lesson');
    for (const m of [
      null,
      'x',
      { key: 'k', from: 'two', statuses: [[0, true, false]] }, // step 0 is one's
      { key: 'k', from: 'two', statuses: [[1, 'yes', false]] },
      { key: 'k', from: 'two', statuses: [[99, true, false]] },
      { key: 'k', from: 'two', statuses: 'all' },
      { key: 'k', from: 'two', statuses: Array.from({ length: 1000 }, () => [1, true, false]) },
      { key: 'k', from: 'one', statuses: [[0, true, false]] },
    ])
      raw.postMessage(m);
    await tick();
    raw.close();
    expect(one.got).toEqual([]);
  });
});
