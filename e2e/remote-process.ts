/**
 * Two connected tabs and a waiting process on the second, registered with `:global` under `name`,
 * for the specs that look at (or kill) another node's process from the first tab.
 */
import { expect, type Browser } from '@playwright/test';
import { openNode, type PlaygroundNode } from './kit.ts';

export interface RemoteProcess {
  readonly one: PlaygroundNode;
  readonly two: PlaygroundNode;
  /** The process's id on two: `#PID<0.{id}.0>` there (bound to `pid` in two's shell). */
  readonly id: string;
}

export async function twoTabsAndAProcess(browser: Browser, host: string, name: string): Promise<RemoteProcess> {
  const one = await openNode(browser, { sname: 'one', host });
  const two = await openNode(browser, { sname: 'two', host });
  expect(await one.iex(`Node.connect :"two@${host}"`)).toBe('true');
  const pid = await two.iex('pid = spawn(fn -> receive do :never -> :ok end end)');
  const id = /^#PID<0\.(\d+)\.0>$/.exec(pid)?.[1];
  expect(id).toBeDefined();
  expect(await two.iex(`:global.register_name(:${name}, pid)`)).toBe(':yes');
  return { one, two, id: id as string };
}
