// Issue 14 §1, §2: every tab records what it sees; the timeline goes back in time; the sequence
// diagram draws each message as an arrow named `message <from> → <to>: <term>`; the exports
// download; a JSON trace imports into another tab; a bad one is refused in words.
import { readFile } from 'node:fs/promises';
import { type Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { openNode } from './kit.ts';
import { expectMessages } from './trace-kit.ts';

let n = 0;
const host = () => `rec${process.pid}x${n++}`;

async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
  return { name: d.suggestedFilename(), bytes: await readFile(await d.path()) };
}

test('a ping across two tabs: recorded with its pong, drawn as arrows, exported, imported elsewhere', async ({ browser }) => {
  const h = host();
  const one = await openNode(browser, { sname: 'one', host: h });
  const two = await openNode(browser, { sname: 'two', host: h });
  await one.page.getByRole('button', { name: 'cluster view' }).click();
  expect(await one.iex(`Node.connect :"two@${h}"`)).toBe('true');
  const me = await one.iex('self()');
  const pid = await one.iex(`pid = Node.spawn(:"two@${h}", fn -> receive do {from, :ping} -> send(from, :pong) end end)`);
  // The cluster view watches two before the ping goes (its tracer's first batch came).
  await expect(one.page.getByText(pid, { exact: true }).first()).toBeVisible({ timeout: 15_000 });
  await one.iex('send pid, {self(), :ping}');
  expect(await one.iex('receive do m -> m after 5000 -> :timeout end')).toBe(':pong');

  // node.trace(): the send and receive of both messages, paired across the tabs, in order.
  await expect
    .poll(async () => {
      try {
        expectMessages(await one.trace(), [{ text: `{${me}, :ping}`, fromNode: `one@${h}`, toNode: `two@${h}` }, { text: ':pong', fromNode: `two@${h}`, toNode: `one@${h}` }]);
        return true;
      } catch {
        return false;
      }
    }, { timeout: 10_000 })
    .toBe(true);

  // The sequence diagram: a region with an img per arrow.
  await one.page.getByRole('button', { name: 'sequence diagram' }).click();
  const diagram = one.page.getByRole('region', { name: 'sequence diagram' });
  await expect(diagram.getByRole('img', { name: `message ${me} → ${pid}: {${me}, :ping}` })).toBeVisible();
  await expect(diagram.getByRole('img', { name: `message ${pid} → ${me}: :pong` })).toBeVisible();

  // Exports: each a download of its kind.
  const mermaid = await download(one.page, 'export Mermaid');
  expect(mermaid.bytes.toString()).toMatch(/^sequenceDiagram\n/);
  expect(mermaid.bytes.toString()).toContain(':pong');
  const shiviz = await download(one.page, 'export ShiViz');
  expect(shiviz.bytes.toString().split('\n').slice(0, 2)).toEqual(['(?<event>.*)\\n(?<host>\\S*) (?<clock>{.*})', '']);
  expect(shiviz.bytes.toString()).toMatch(new RegExp(`\\ntwo@${h} \\{.*"one@${h}":\\d+`));
  const svg = await download(one.page, 'export SVG');
  expect(svg.bytes.toString()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svg.bytes.toString()).toContain('→');
  const png = await download(one.page, 'export PNG');
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const json = await download(one.page, 'export JSON');
  expect(json.name).toMatch(/\.json$/);

  // Another tab imports it and draws the same arrows (the exporter's pid numbering).
  await two.page.getByLabel('trace file').setInputFiles({ name: 'trace.json', mimeType: 'application/json', buffer: json.bytes });
  const theirs = two.page.getByRole('region', { name: 'sequence diagram' });
  await expect(theirs.getByRole('img', { name: `message ${pid} → ${me}: :pong` })).toBeVisible();
  await expect(two.page.getByRole('status', { name: 'recorded events' })).toContainText('imported trace');
  // A hostile file is refused in words; the page goes on.
  await two.page.getByLabel('trace file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "elixir-playground-trace", "version": 1, "events": [{"id": 0}]}') });
  await expect(two.page.getByRole('alert')).toHaveText('import trace: event 0: "kind" is missing');
  expect(await two.iex('1 + 1')).toBe('2');
  await one.close();
  await two.close();
});

test('the timeline: step back shows the cluster as it was, keyboard moves it, live returns', async ({ browser }) => {
  const one = await openNode(browser, { sname: 'one', host: host() });
  const pid = await one.iex('pid = spawn(fn -> receive do :go -> :ok end end)');
  await one.iex('send pid, :hold_this');
  const slider = one.page.getByRole('slider', { name: 'timeline' });
  await expect(slider).toBeVisible();
  await expect(one.page.getByRole('button', { name: 'live', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await one.page.getByRole('button', { name: 'step back' }).click();
  const past = one.page.getByRole('region', { name: 'cluster at this step' });
  await expect(past).toBeVisible();
  // Keyboard: End goes to the last step; the cluster then shows the message waiting in pid's mailbox.
  await slider.focus();
  await one.page.keyboard.press('End');
  await expect(past.getByRole('listitem').filter({ hasText: pid })).toContainText('mailbox 1');
  await one.page.keyboard.press('Home');
  await expect(slider).toHaveAttribute('aria-valuetext', /^step 1 of \d+$/);
  await one.page.getByRole('button', { name: 'step forward' }).click();
  await expect(slider).toHaveAttribute('aria-valuetext', /^step 2 of \d+$/);
  await one.page.getByRole('button', { name: 'live', exact: true }).click();
  await expect(past).toHaveCount(0);
  await one.close();
});

test('the timeline drives the canvas: a killed process is back on it a step before its exit, fades at it, and live hides it', async ({ browser }) => {
  const one = await openNode(browser, { sname: 'one', host: host() });
  const pid = await one.iex('pid = spawn(fn -> receive do :go -> :ok end end)');
  await one.iex('send pid, :hold_this');
  expect(await one.iex('Process.exit(pid, :kill)')).toBe('true');
  const card = one.page.getByRole('group', { name: `node ${one.name}` });
  const tile = card.getByRole('button', { name: pid, exact: true });
  // Live: the killed tile fades, then goes.
  await expect(tile).toHaveCount(0, { timeout: 15_000 });
  // Its exit's step in the recording (the exported trace is in the slider's order).
  const events = await one.trace();
  const exit = events.findIndex((e) => e.kind === 'exit' && e.pidText === pid);
  expect(exit).toBeGreaterThan(0);
  const slider = one.page.getByRole('slider', { name: 'timeline' });
  await slider.fill(String(exit - 1));
  await expect(slider).toHaveAttribute('aria-valuetext', new RegExp(`^step ${exit} of \\d+$`));
  // The canvas is the past one now: the process is back, its :hold_this waiting in its mailbox.
  await expect(one.page.locator('[data-past="true"]')).toHaveCount(1);
  await expect(tile).toBeVisible();
  await expect(tile.getByTitle('1 message in the mailbox')).toBeVisible();
  // The next step is its exit: the tile says so.
  await slider.fill(String(exit));
  await expect(one.page.getByRole('region', { name: 'cluster at this step' })).toContainText(`${pid} exits :killed`);
  await expect(tile).toHaveAttribute('data-exited', '');
  await expect(tile).toContainText('exit :killed');
  // Live again: the live canvas, without it.
  await one.page.getByRole('button', { name: 'live', exact: true }).click();
  await expect(one.page.locator('[data-past="true"]')).toHaveCount(0);
  await expect(tile).toHaveCount(0);
  await expect(card).toBeVisible();
  await one.close();
});
