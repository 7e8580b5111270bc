// The transport contract suite, run in the browser against the PeerJS transport over real WebRTC
// data channels and the embedded signalling server (the memory transport runs it in Node).
import { expect, test } from './fixtures.ts';
import { openHarnessPage } from './harness/pages.ts';

test('the PeerJS transport keeps the transport contract', async ({ page }) => {
  await openHarnessPage(page, 'transport-contract.html');
  const results = await page.waitForFunction(() => (window as unknown as { contractResults?: unknown }).contractResults, null, {
    timeout: 60_000,
  });
  const list = (await results.jsonValue()) as { name: string; ok: boolean; error?: string }[];
  expect(list.length).toBeGreaterThan(4);
  expect(list.filter((r) => !r.ok)).toEqual([]);
});
