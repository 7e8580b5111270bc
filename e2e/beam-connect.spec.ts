// A real `elixir --sname` node and browser tabs served by `npm start -- --beam` (Playwright's
// second webServer): the tab's default host part is the machine's (`/?sname=one` is `one@vm`);
// the real node connects to the tab by that name, the tab to the real node by its name, and a
// wrong cookie is refused on both sides as BEAM refuses it.
import { expect, test } from './fixtures.ts';
import { openNode } from './kit.ts';
import { beamURL, HOST, realNodesKilledAfterEach } from './real-node.ts';

let n = 0;
const unique = (what: string) => `gateway_${what}${process.pid}x${n++}`;
const startRealNode = realNodesKilledAfterEach();

test('a real node and a tab connect both ways by name; a wrong cookie is refused', async ({ browser }) => {
  const tab = await openNode(browser, { sname: unique('tab'), cookie: 'c', baseURL: beamURL });
  expect(tab.name).toMatch(new RegExp(`@${HOST}$`));

  // Real → tab: the stock node needs nothing but the tab's name.
  const real = startRealNode(unique('real'), 'c', `IO.puts("connect #{Node.connect(:"${tab.name}")}"); Process.sleep(60_000)`);
  await real.waitForOutput('connect true');

  // Tab → real: looked up in EPMD by the server, reached over TCP.
  const other = startRealNode(unique('real'), 'c', 'IO.puts("ready"); Process.sleep(60_000)');
  await other.waitForOutput('ready');
  expect(await tab.iex(`Node.connect(:"${other.name}")`, { timeout: 20_000 })).toBe('true');

  // A wrong cookie: false in the tab, and the real node's own log line.
  const stranger = await openNode(browser, { sname: unique('bad'), cookie: 'wrong', baseURL: beamURL });
  expect(await stranger.iex(`Node.connect(:"${other.name}")`, { timeout: 20_000 })).toBe('false');
  await other.waitForOutput(`** Connection attempt from node :${stranger.name} rejected. Invalid challenge reply. **`);
});
