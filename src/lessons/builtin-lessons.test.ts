// Every built-in lesson, run step by step in a classroom (memory transport, simulated clock): each
// step's code typed in its tab, each tab's output fed to that tab's progress, and every step with
// an expected output checked, in order, with no hint shown. The expected outputs are real iex's
// (the chapter's scenario transcripts; lessons/captured/ for 06-08), so this proves both that the
// lessons' patterns fit what iex prints and that the playground prints it.
import { describe, expect, it } from 'vitest';
import { Classroom, type Tab } from '../playground/classroom.ts';
import { BUILTIN_LESSONS } from './builtin.ts';
import { parseLesson, type Lesson } from './format.ts';
import { withHost } from './pattern.ts';
import { TabProgress } from './progress.ts';

function lesson(id: string): Lesson {
  const parsed = parseLesson(BUILTIN_LESSONS.get(id) ?? '');
  if ('error' in parsed) throw new Error(`${id}: ${parsed.error}`);
  return parsed.ok;
}

describe('built-in lessons', () => {
  it('are the five scenarios and three more', () => {
    expect([...BUILTIN_LESSONS.keys()]).toEqual([
      '01-naming-and-connecting',
      '02-remote-spawn',
      '03-cookies',
      '04-global-names-and-io',
      '05-ticker',
      '06-links-and-monitors',
      '07-global-conflict',
      '08-message-order',
    ]);
  });

  for (const id of BUILTIN_LESSONS.keys()) {
    it(`${id}: every step is checked once typed, in its tab`, () => {
      const l = lesson(id);
      const room = new Classroom();
      const tabs = new Map<string, { tab: Tab; progress: TabProgress }>();
      for (const t of l.tabs) tabs.set(t.name, { tab: room.open(t.name, { cookie: t.cookie ?? 'chocolate-chip-1' }), progress: new TabProgress(l, t.name, 'vm') });
      const feed = () => {
        for (const { tab, progress } of tabs.values()) {
          progress.write(tab.take());
          progress.idle();
        }
      };
      feed();
      l.steps.forEach((step, i) => {
        if (step.code) {
          const { tab } = tabs.get(step.code.tab) ?? {};
          for (const line of withHost(step.code.source, 'vm').split('\n')) room.type(tab as Tab, line);
        }
        // Output that takes its time (a tick every 2 s) gets it.
        for (let waited = 0; step.expect && waited < 6000 && !tabs.get(step.expect.tab)?.progress.statuses().get(i)?.checked; waited += 500) {
          feed();
          room.advance(500);
        }
        feed();
        if (step.expect) expect(tabs.get(step.expect.tab)?.progress.statuses().get(i), `step ${i + 1}: ${step.title}`).toEqual({ checked: true, wrong: false });
      });
    });
  }
});
