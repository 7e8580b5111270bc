// The shell panel in the page: typing into `iex input`, reading `iex output` (issue 3).
import { expect, test } from './fixtures.ts';
import { openNode } from './kit.ts';

test('evaluates what is typed and prints it as iex does', async ({ browser }) => {
  const node = await openNode(browser, {});
  expect(await node.iex('x = 1 + 2')).toBe('3');
  expect(await node.iex('x * 2')).toBe('6');
  expect(await node.iex('Node.self')).toBe(':nonode@nohost');
  expect(await node.transcript()).toContain('iex(2)> x * 2');
  // A syntax error leaves the counter, as in iex.
  expect(await node.iex('1 + )')).toContain('** (SyntaxError) iex:4:5: unexpected token: )');
  expect(await node.iex(':after_error')).toBe(':after_error');
  expect(await node.transcript()).toContain('iex(4)> :after_error');
  await expect(node.input).toBeFocused();
  await node.close();
});

test('takes a multi-line paste line by line', async ({ browser }) => {
  const node = await openNode(browser, { sname: 'paster', host: 'lab' });
  await node.input.focus();
  await node.page.evaluate(() => {
    const input = document.querySelector('input[aria-label="iex input"]') as HTMLInputElement;
    const data = new DataTransfer();
    data.setData('text', 'defmodule Hi do\n  def there, do: :ok\nend\n');
    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await node.waitForOutput('{:there, 0}}');
  expect(await node.iex('Hi.there')).toBe(':ok');
  expect(await node.transcript()).toContain('...(paster@lab)1> end');
  await node.close();
});
