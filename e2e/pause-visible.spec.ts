/**
 * Pause is visible everywhere (issue 11, build 4): when the teacher pauses with the cluster view
 * on, every student's tab says so (`paused by teacher@… – N held here`) and its toolbar does not
 * offer Pause as if nothing happened; the teacher sees which messages are held, where, and what
 * each Step released.
 */
import { expect, test } from './fixtures.ts';
import { openNode } from './kit.ts';
import { lesson } from './classroom-kit.ts';
import { LOADED_MS } from './speed.ts';

let n = 0;
const host = () => `pv${process.pid}x${n++}`;

test('a teacher\'s pause shows on every tab; the teacher sees the held messages and what Step released', async ({ browser }) => {
  const h = host();
  const { teacher, two, three } = await lesson(browser, h);
  const page = teacher.page;
  await page.getByRole('button', { name: 'pause delivery' }).click();

  // Every tab the pause reached says whose pause it is and how much it holds.
  for (const tab of [teacher, two, three]) {
    await expect(tab.page.getByRole('status', { name: 'delivery paused' })).toHaveText(`paused by teacher@${h} – 0 held here`, { timeout: LOADED_MS });
  }
  // A student's toolbar does not offer Pause as if nothing happened.
  const studentPause = two.page.getByRole('button', { name: 'pause delivery' });
  await expect(studentPause).toHaveText(`❚❚ Paused by teacher@${h}`);
  await expect(studentPause).toBeDisabled();
  await expect(studentPause).toHaveAttribute('aria-pressed', 'true');

  await two.iex(`send({:sink, :"three@${h}"}, :first)`);
  await two.iex(`send({:sink, :"three@${h}"}, {:second, 2})`);
  await expect(two.page.getByRole('status', { name: 'delivery paused' })).toHaveText(`paused by teacher@${h} – 2 held here`);
  await expect(three.page.getByRole('status', { name: 'delivery paused' })).toHaveText(`paused by teacher@${h} – 0 held here`);

  // The teacher's held list names each held message: where it waits, to whom, which term.
  const held = page.getByRole('list', { name: 'messages held' }).getByRole('listitem');
  await expect(held).toHaveCount(2, { timeout: LOADED_MS });
  await expect(held.nth(0)).toHaveText(new RegExp(`^two@${h}: #PID<\\d+\\.\\d+\\.\\d+> → \\{:sink, :three@${h}\\}: :first$`));
  await expect(held.nth(1)).toContainText(`{:second, 2}`);

  // Step releases the first; the teacher sees it released, no longer held (the step goes to two
  // and its report comes back through the cluster view: at load 30 more than 5 s).
  await page.getByRole('button', { name: 'step delivery' }).click();
  const steps = page.getByRole('list', { name: 'step releases' }).getByRole('listitem');
  await expect(steps).toHaveCount(1, { timeout: LOADED_MS });
  await expect(steps.nth(0)).toHaveText(new RegExp(`^step 1: two@${h}: .*→ \\{:sink, :three@${h}\\}: :first$`));
  await expect(held).toHaveCount(1);
  await expect(held.nth(0)).toContainText('{:second, 2}');
  await expect(two.page.getByRole('status', { name: 'delivery paused' })).toHaveText(`paused by teacher@${h} – 1 held here`);
  await expect.poll(() => three.iex('flush()'), { timeout: LOADED_MS }).toContain(':first');

  // Resume: every banner goes, the student's toolbar offers Pause again.
  await page.getByRole('button', { name: 'pause delivery' }).click();
  for (const tab of [teacher, two, three]) await expect(tab.page.getByRole('status', { name: 'delivery paused' })).toHaveCount(0, { timeout: LOADED_MS });
  await expect(studentPause).toHaveText('❚❚ Pause');
  await expect(studentPause).toBeEnabled();
});

test('a tab paused by its own controls says so and lists what it holds', async ({ browser }) => {
  const h = host();
  const one = await openNode(browser, { sname: 'one', host: h });
  const two = await openNode(browser, { sname: 'two', host: h });
  expect(await one.iex(`Node.connect :"two@${h}"`)).toBe('true');
  expect(await two.iex('Process.register(self(), :sink)')).toBe('true');
  await one.page.getByRole('button', { name: 'pause delivery' }).click();
  const banner = one.page.getByRole('status', { name: 'delivery paused' });
  await expect(banner).toHaveText(`paused by one@${h} – 0 held here`);
  await one.iex(`send({:sink, :"two@${h}"}, :held_here)`);
  await expect(banner).toHaveText(`paused by one@${h} – 1 held here`);
  await expect(one.page.getByRole('list', { name: 'messages held' }).getByRole('listitem')).toHaveText([new RegExp(`^one@${h}: .*: :held_here$`)]);
  // The other tab was not paused.
  await expect(two.page.getByRole('status', { name: 'delivery paused' })).toHaveCount(0);
});
