// A hidden node (`iex --sname spy --hidden`, here `?hidden`): its connections are listed by
// Node.list(:hidden) on both sides, never by Node.list(), and it makes no full mesh (issue 4).
import { expect, test } from './fixtures.ts';
import { openNode } from './kit.ts';

test('a hidden tab connects without joining the visible cluster', async ({ browser }) => {
  const h = `hid${process.pid}x${test.info().workerIndex}`;
  const one = await openNode(browser, { sname: 'one', host: h });
  const two = await openNode(browser, { sname: 'two', host: h });
  const spy = await openNode(browser, { sname: 'spy', host: h, hidden: true });
  expect(await one.iex(`Node.connect :"two@${h}"`)).toBe('true');
  expect(await spy.iex(`Node.connect :"one@${h}"`)).toBe('true');
  expect(await spy.iex('Node.list')).toBe('[]');
  expect(await spy.iex('Node.list(:hidden)')).toBe(`[:one@${h}]`);
  expect(await one.iex('Node.list')).toBe(`[:two@${h}]`);
  expect(await one.iex('Node.list(:hidden)')).toBe(`[:spy@${h}]`);
  // No transitive connect: two never hears of spy.
  expect(await two.iex('Node.list([:visible, :hidden])')).toBe(`[:one@${h}]`);
  for (const node of [one, two, spy]) await node.close();
});
