/**
 * With no EPMD running, the terminal node starts one as erl does (`epmd -daemon`) and registers
 * there. The machine's own EPMD is shared, so this one runs on a free port named by
 * ERL_EPMD_PORT (which erl and epmd read too), and the test stops it at the end.
 */
import { execFileSync } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { epmdLookup } from '../host/beam/epmd-client.ts';
import { terminalIex } from './beam-testing.ts';

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((res) => s.listen(0, '127.0.0.1', res));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((res) => s.close(() => res()));
  return port;
}

describe('the terminal node and a missing EPMD', () => {
  it('starts epmd -daemon on the port ERL_EPMD_PORT names and registers there', async () => {
    const port = await freePort();
    expect(await epmdLookup('x', { port })).toEqual({ ok: false, reason: 'no EPMD is running (connection refused)' });
    const name = `beamlink_epmd_start${process.pid}`;
    const cli = terminalIex(name, 'c', { ERL_EPMD_PORT: String(port) });
    try {
      expect(await cli.type('Node.self()')).toBe(`:${name}@vm\n`);
      const found = await epmdLookup(name, { port });
      expect(found.ok && found.value?.name).toBe(name);
    } finally {
      cli.stop();
      await cli.exited();
      // The daemon outlives the node; stop it once our name is gone from it.
      for (let i = 0; i < 100; i++) {
        const r = await epmdLookup(name, { port });
        if (r.ok && r.value === null) break;
      }
      execFileSync('epmd', ['-port', String(port), '-kill']);
    }
  }, 60_000);
});
