/**
 * The classroom controls of a teacher's tab with the cluster view on act on the whole cluster:
 * its pause holds a message between two students' tabs, Step releases it, Resume the rest.
 */
import { expect, test } from './fixtures.ts';
import { lesson } from './classroom-kit.ts';

// Unique host per test, so parallel workers never share node names on the signalling server.
let n = 0;
const host = () => `cc${process.pid}x${n++}`;

test('pause on the teacher\'s cluster view holds student → student messages; step and resume deliver them', async ({ browser }) => {
  const h = host();
  const { teacher, two, three } = await lesson(browser, h);
  const page = teacher.page;
  await page.getByRole('button', { name: 'pause delivery' }).click();
  // Every node answered: the teacher sees each one's held count.
  for (const node of ['teacher', 'two', 'three']) {
    await expect(page.getByRole('listitem', { name: `held on ${node}@${h}` })).toHaveText(`${node}@${h}: 0`, { timeout: 15_000 });
  }

  await two.iex(`send({:sink, :"three@${h}"}, :first)`);
  await two.iex(`send({:sink, :"three@${h}"}, :second)`);
  await expect(page.getByRole('listitem', { name: `held on two@${h}` })).toHaveText(`two@${h}: 2`);
  await expect(page.getByRole('status', { name: 'held messages' })).toHaveText('2 held in the cluster');
  // Held at two: three's mailbox stays empty.
  expect(await three.iex('flush()')).toBe(':ok');

  // Step: one message, the first.
  let got = '';
  await page.getByRole('button', { name: 'step delivery' }).click();
  await expect.poll(async () => (got += await three.iex('flush()')), { timeout: 10_000 }).toContain(':first');
  expect(got).not.toContain(':second');
  await expect(page.getByRole('listitem', { name: `held on two@${h}` })).toHaveText(`two@${h}: 1`);

  // Resume: the rest.
  await page.getByRole('button', { name: 'pause delivery' }).click();
  await expect.poll(async () => (got += await three.iex('flush()')), { timeout: 10_000 }).toContain(':second');
  await expect(page.getByRole('status', { name: 'held messages' })).toHaveCount(0);
  expect(await three.iex('send(self(), :local); flush()')).toBe(':local\n:ok');
});
