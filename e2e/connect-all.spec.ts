// `?connect_all=false` mirrors `erl -connect_all false` (`iex --connect-all false`): the node
// connects only where it is asked. A teacher's star over real tabs: on OTP 25 (three
// `erl -sname` nodes, the hub started with -connect_all false, the leaves connecting to it)
// the hub lists both leaves and each leaf lists only the hub (src/distribution/connect-all.test.ts).
import { expect, test } from './fixtures.ts';
import { openNode } from './kit.ts';

test('a teacher tab started with ?connect_all=false runs a star of three tabs', async ({ browser }) => {
  const h = `star${process.pid}x${test.info().workerIndex}`;
  const hub = await openNode(browser, { sname: 'hub', host: h, connectAll: false });
  const a = await openNode(browser, { sname: 'a', host: h });
  const b = await openNode(browser, { sname: 'b', host: h });
  expect(await a.iex(`Node.connect :"hub@${h}"`)).toBe('true');
  expect(await b.iex(`Node.connect :"hub@${h}"`)).toBe('true');
  await expect.poll(() => hub.iex('length(Node.list)'), { timeout: 15_000 }).toBe('2');
  // Give a transitive connect the time it would take (a mesh forms within a few hundred ms here).
  await hub.page.waitForTimeout(1500);
  expect(await hub.iex('Node.list |> Enum.sort')).toBe(`[:a@${h}, :b@${h}]`);
  expect(await a.iex('Node.list')).toBe(`[:hub@${h}]`);
  expect(await b.iex('Node.list')).toBe(`[:hub@${h}]`);
  // Messages still go both ways through the hub's connections.
  expect(await b.iex('Process.register(self(), :b_shell)')).toBe('true');
  expect(await hub.iex(`send({:b_shell, :"b@${h}"}, :hello)`)).toBe(':hello');
  expect(await b.iex('receive do m -> m after 5000 -> :none end')).toBe(':hello');
  for (const node of [hub, a, b]) await node.close();
});
