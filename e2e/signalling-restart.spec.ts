// A restart of the signalling server (our EPMD) leaves live links working, and new connections
// work once it is back. This test runs its own server on its own port so it can stop it.
import { spawn, type ChildProcess } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { openNode } from './kit.ts';

const PORT = 5287;
const base = `http://localhost:${PORT}`;

function startServer(): Promise<ChildProcess> {
  // The server itself as the child (not npx), so stopping the child stops the server.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/start.ts', '--port', String(PORT)], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      if (String(d).includes('Node playground on')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

test('live links survive a signalling restart; new ones work once it is back', async ({ browser }) => {
  test.setTimeout(60_000);
  let server = await startServer();
  try {
    const one = await openNode(browser, { sname: 'one', host: 'restart', baseURL: base });
    const two = await openNode(browser, { sname: 'two', host: 'restart', baseURL: base });
    expect(await one.iex('Node.connect :"two@restart"')).toBe('true');

    await stop(server);
    await expect(one.page.getByRole('status', { name: 'signalling server' })).toContainText('disconnected');
    // The data channel between the tabs does not need the server.
    expect(await two.iex(':global.register_name(:two, self())')).toBe(':yes');
    expect(await one.iex('send :global.whereis_name(:two), :still_here')).toBe(':still_here');
    expect(await two.iex('flush()')).toBe(':still_here\n:ok');

    server = await startServer();
    await expect(one.page.getByRole('status', { name: 'signalling server' })).toContainText('registered', { timeout: 15_000 });
    const three = await openNode(browser, { sname: 'three', host: 'restart', baseURL: base });
    expect(await three.iex('Node.connect :"one@restart"')).toBe('true');
    await expect.poll(() => three.iex('Node.list'), { timeout: 10_000 }).toBe('[:one@restart, :two@restart]');
  } finally {
    await stop(server);
  }
});
