// Our own EPMD (for a machine without Erlang) against the EPMD client and a real `erl` pointed
// at it with ERL_EPMD_PORT: the node registers, is looked up and listed, and leaves with its
// socket; a second node of the same name is refused; junk closes only its own socket.
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEpmdListener, type EpmdListener } from './epmd-listener.ts';
import { epmdLookup, epmdNames, epmdRegister } from '../src/host/beam/epmd-client.ts';

describe('our own EPMD listener', () => {
  let epmd: EpmdListener;
  beforeAll(async () => {
    epmd = await startEpmdListener(0, '127.0.0.1');
  });
  afterAll(() => epmd.close());

  it('holds a name while its socket is open, answers PORT_PLEASE2 and NAMES, refuses a name taken', async () => {
    const t = { port: epmd.port };
    const r = await epmdRegister('gateway_own', 41234, t);
    if (!r.ok) throw new Error(r.reason);
    expect(await epmdLookup('gateway_own', t)).toMatchObject({ ok: true, value: { name: 'gateway_own', port: 41234, nodeType: 77 } });
    expect(await epmdNames(t)).toEqual({ ok: true, value: [{ name: 'gateway_own', port: 41234 }] });
    expect(await epmdRegister('gateway_own', 41235, t)).toMatchObject({ ok: false });
    r.value.close();
    await expect.poll(() => epmd.names()).toEqual([]);
    expect(await epmdLookup('gateway_own', t)).toEqual({ ok: true, value: null });
  });

  it('a real erl registers with it, and junk closes only its own socket', async () => {
    const junk = connect(epmd.port, '127.0.0.1');
    junk.on('error', () => {});
    junk.write(Buffer.from([0xff, 0xff, 1, 2, 3]));
    await new Promise((r) => junk.once('close', r));
    const erl = spawn('erl', ['-sname', `gateway_ownerl${process.pid}`, '-noshell', '-eval', 'io:format("up~n"), receive after 20000 -> ok end'], {
      env: { ...process.env, ERL_EPMD_PORT: String(epmd.port) },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    try {
      await expect.poll(() => epmd.names(), { timeout: 15_000 }).toEqual([`gateway_ownerl${process.pid}`]);
    } finally {
      erl.kill('SIGKILL');
    }
    await expect.poll(() => epmd.names(), { timeout: 5_000 }).toEqual([]);
  }, 30_000);
});
