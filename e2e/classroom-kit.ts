/**
 * A lesson for the classroom-control specs: a teacher's tab and two students' (`two`, `three`),
 * all connected, `three`'s shell registered as `:sink`, the teacher's cluster view on and
 * following the students.
 */
import { expect, type Browser } from '@playwright/test';
import { openNode, type PlaygroundNode } from './kit.ts';

export async function lesson(browser: Browser, h: string): Promise<{ teacher: PlaygroundNode; two: PlaygroundNode; three: PlaygroundNode }> {
  const teacher = await openNode(browser, { sname: 'teacher', host: h });
  const two = await openNode(browser, { sname: 'two', host: h });
  const three = await openNode(browser, { sname: 'three', host: h });
  expect(await two.iex(`Node.connect :"three@${h}"`)).toBe('true');
  expect(await teacher.iex(`Node.connect :"two@${h}"`)).toBe('true');
  // The mesh connects the teacher to three too.
  await expect.poll(() => teacher.iex('length(Node.list)'), { timeout: 15_000 }).toBe('2');
  // :global's exchange after each connection (locks on every node, then the names) runs on its
  // own, as on BEAM; a pause taken during it holds one of its messages. The lesson starts quiet.
  for (const node of [teacher, two, three]) expect(await node.iex(':global.sync()')).toBe(':ok');
  expect(await three.iex('Process.register(self(), :sink)')).toBe('true');
  await teacher.page.getByRole('button', { name: 'cluster view' }).click();
  // The cluster view follows the students (their processes show, numbered as the teacher does).
  await expect(teacher.page.getByRole('button', { name: /^#PID<[1-9]\d*\.\d+\.\d+>/ }).first()).toBeVisible({ timeout: 15_000 });
  return { teacher, two, three };
}
