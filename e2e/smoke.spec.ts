// Smoke: two browser contexts (two tabs on two "machines") open the app served with its
// embedded signalling server; each shows its node name from the URL and registers its PeerJS
// client with the server.
import { expect, test } from './fixtures.ts';

test('two contexts show their node names and register with the signalling server', async ({ browser, request }) => {
  const one = await (await browser.newContext()).newPage();
  const two = await (await browser.newContext()).newPage();
  await one.goto('/?sname=one&host=lab');
  await two.goto('/?sname=two&host=lab');

  await expect(one.getByTestId('node-name')).toHaveText('one@lab');
  await expect(two.getByTestId('node-name')).toHaveText('two@lab');
  await expect(one.getByRole('status', { name: 'signalling server' })).toContainText('registered');
  await expect(two.getByRole('status', { name: 'signalling server' })).toContainText('registered');

  // The server lists both, as `:net_adm.names` would.
  const peers = (await (await request.get('/peerjs/peerjs/peers')).json()) as string[];
  expect(peers).toEqual(expect.arrayContaining(['erl-one_40lab', 'erl-two_40lab']));
});

test('a tab without a name is nonode@nohost and does not register', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('node-name')).toHaveText('nonode@nohost');
  await expect(page.getByRole('status', { name: 'signalling server' })).toContainText('not alive');
});
