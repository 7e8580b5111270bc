// Issue 11, "Start panel and mistakes" and the shell's manners, over real tabs: a taken or
// invalid name explained in the start panel, Connect from an unnamed tab asking for a name, the
// cookie in use shown hidden, Ctrl+C abandoning a pending expression as #iex:break does, the
// history surviving a reload, the tab titled as its node, and Kill on another node's process.
import { expect, test } from './fixtures.ts';
import { KIT_COOKIE, openNode } from './kit.ts';
import { twoTabsAndAProcess } from './remote-process.ts';

// Unique host per test, so parallel workers never share node names on the signalling server.
let n = 0;
const host = () => `manners${process.pid}x${n++}`;

test('the tab is titled as its node: one@host, and iex when unnamed', async ({ browser }) => {
  const h = host();
  const one = await openNode(browser, { sname: 'one', host: h });
  await expect(one.page).toHaveTitle(`one@${h}`);
  const unnamed = await openNode(browser, { host: h });
  await expect(unnamed.page).toHaveTitle('iex');
  await one.close();
  await unnamed.close();
});

test('a taken name is explained in the start panel (Erlang\'s line in the shell); an invalid one says why', async ({ browser }) => {
  const h = host();
  const one = await openNode(browser, { sname: 'one', host: h });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/?sname=one&host=${h}&cookie=${KIT_COOKIE}`);
  const panel = page.getByRole('region', { name: 'start a node' });
  await expect(panel.getByRole('alert')).toContainText(`The name one@${h} is already taken by another node`, { timeout: 15_000 });
  await expect(page.getByRole('log', { name: 'iex output' })).toContainText(`Protocol 'inet_tcp': the name one@${h} seems to be in use by another Erlang node`);
  const name = panel.getByRole('textbox', { name: 'short name' });
  await expect(name).toHaveValue('one');
  await expect(name).toHaveAttribute('aria-invalid', 'true');

  await name.fill('my node!');
  await expect(panel.getByRole('alert')).toHaveText('A short name can only have letters, digits, _ and -, so it cannot contain a space, “!”.');
  await expect(panel.getByRole('button', { name: 'start node' })).toBeDisabled();
  await name.fill('two');
  await expect(panel.getByRole('alert')).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'start node' })).toBeEnabled();
  await one.close();
  await context.close();
});

test('Connect from an unnamed tab asks for a name first, then starts the node and connects', async ({ browser }) => {
  const h = host();
  const one = await openNode(browser, { sname: 'one', host: h });
  const unnamed = await openNode(browser, { host: h });
  const { page } = unnamed;
  const before = page.url();
  await page.getByRole('button', { name: `connect one@${h}` }).click();
  const panel = page.getByRole('region', { name: 'start a node' });
  await expect(panel.getByRole('status', { name: 'connect after start' })).toContainText(`connects to one@${h}`);
  const name = panel.getByRole('textbox', { name: 'short name' });
  await expect(name).toBeFocused();
  expect(page.url()).toBe(before); // no silent rename and reload
  await name.fill('two');
  await panel.getByRole('button', { name: 'start node' }).click();
  await expect(page.getByRole('status', { name: 'signalling server' })).toContainText('registered', { timeout: 15_000 });
  await expect(page).toHaveTitle(`two@${h}`);
  await expect(page.getByRole('log', { name: 'iex output' })).toContainText(`Node.connect :"one@${h}"\ntrue`, { timeout: 15_000 });
  await one.close();
  await unnamed.close();
});

test('the cookie field holds the cookie the URL set, hidden until shown', async ({ browser }) => {
  const unnamed = await openNode(browser, { host: host(), cookie: 'oatmeal-raisin' });
  const cookie = unnamed.page.getByLabel('cookie', { exact: true });
  await expect(cookie).toHaveValue('oatmeal-raisin');
  await expect(cookie).toHaveAttribute('type', 'password');
  const show = unnamed.page.getByRole('button', { name: 'show cookie' });
  await show.click();
  await expect(show).toHaveAttribute('aria-pressed', 'true');
  await expect(cookie).toHaveAttribute('type', 'text');
  await unnamed.close();
});

test('Ctrl+C abandons a pending expression as #iex:break does, and the banner says so', async ({ browser }) => {
  const h = host();
  const one = await openNode(browser, { sname: 'one', host: h });
  await one.waitForOutput('press Ctrl+C to clear the expression');
  expect(await one.transcript()).not.toContain('press Ctrl+C to exit');
  await one.input.fill('x = [1,');
  await one.input.press('Enter');
  await one.waitForOutput(`iex(one@${h})1> x = [1,`);
  await one.input.fill('2,');
  await one.input.press('Control+c');
  await expect(one.input).toHaveValue('');
  // As real iex 1.14 answers `#iex:break` after `x = [1,`; the counter stays.
  await one.waitForOutput(`...(one@${h})1> #iex:break\n** (TokenMissingError) iex:1: incomplete expression\n`);
  expect(await one.iex('1 + 1')).toBe('2');
  expect(await one.transcript()).toContain(`iex(one@${h})1> 1 + 1\n2\n`);
  await one.close();
});

test('shell history (↑/↓) survives a reload, per node name', async ({ browser }) => {
  const h = host();
  const one = await openNode(browser, { sname: 'one', host: h });
  await one.iex(':first_line');
  await one.iex(':second_line');
  await one.page.reload();
  await expect(one.page.getByRole('status', { name: 'signalling server' })).toContainText('registered', { timeout: 15_000 });
  await one.input.press('ArrowUp');
  await expect(one.input).toHaveValue(':second_line');
  await one.input.press('ArrowUp');
  await expect(one.input).toHaveValue(':first_line');
  await one.input.press('ArrowDown');
  await expect(one.input).toHaveValue(':second_line');
  // Another node name in the same browser has its own history.
  await one.page.goto(`/?sname=other&host=${h}&cookie=${KIT_COOKIE}`);
  await expect(one.input).toBeVisible();
  await one.input.press('ArrowUp');
  await expect(one.input).toHaveValue('');
  await one.close();
});

test('Kill on another node\'s process: pid("N.x.y") names it, it dies there, the inspector shows it gone', async ({ browser }) => {
  // Two tabs, the cluster view and four waits of up to 15 s each: at load 30 the clean-clone run
  // was still typing its last check when the default 60 s ran out.
  test.setTimeout(120_000);
  const { one, two, id } = await twoTabsAndAProcess(browser, host(), 'victim');
  await one.page.getByRole('button', { name: 'cluster view' }).click();
  const remote = one.page.getByRole('button', { name: new RegExp(`^#PID<[1-9]\\d*\\.${id}\\.0> \\{:global, :victim\\}$`) });
  await expect(remote).toBeVisible({ timeout: 15_000 });
  const k = /^#PID<(\d+)\./.exec((await remote.getAttribute('aria-label')) ?? '')?.[1];
  await remote.click();
  const inspector = one.page.getByRole('complementary', { name: 'inspector' });
  await inspector.getByRole('button', { name: 'Kill' }).click();

  // The inspector typed it into one's shell, which took it as iex does.
  await one.waitForOutput(`Process.exit(pid("${k}.${id}.0"), :kill)\ntrue\n`);
  expect(await two.iex('Process.alive?(pid)')).toBe('false');
  await expect(inspector.locator('xpath=.//dt[.="status"]/following-sibling::dd[1]')).toHaveText('exited (:killed)', { timeout: 10_000 });
  await expect(inspector.getByRole('button', { name: 'Kill' })).toHaveCount(0);
  await one.close();
  await two.close();
});
