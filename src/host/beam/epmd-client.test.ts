/**
 * The EPMD client against the machine's real `epmd` (port 4369), and the codec against what a
 * real `erl` sends an EPMD (a listener of ours on another port, which erl is pointed at with
 * ERL_EPMD_PORT). Requires Erlang installed; every wait is for an answer, never a sleep.
 */
import { spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { decodeRequest, encodeAlive2XResp, encodePort2Resp, type EpmdRequest } from '../../distribution/beam/epmd-messages.ts';
import { epmdLookup, epmdNames, epmdRegister } from './epmd-client.ts';

const name = `beamlink_epmd${process.pid}`;

describe('EPMD client against the real epmd', () => {
  it('registers a name while its socket is open, looks it up, lists it, and unregisters', async () => {
    const r = await epmdRegister(name, 40999);
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.creation).toBeGreaterThan(0);
    const found = await epmdLookup(name);
    expect(found).toMatchObject({ ok: true, value: { name, port: 40999, nodeType: 77, protocol: 0, highestVersion: 6, lowestVersion: 5 } });
    const names = await epmdNames();
    expect(names.ok && names.value).toContainEqual({ name, port: 40999 });
    // The same name again is refused while the first registration lives.
    const again = await epmdRegister(name, 41000);
    expect(again).toMatchObject({ ok: false, reason: expect.stringMatching(/refused the registration/) });
    r.value.close();
    // epmd forgets the name when it sees the socket close; ask until it has.
    let gone = false;
    for (let i = 0; i < 200 && !gone; i++) {
      const l = await epmdLookup(name);
      gone = l.ok && l.value === null;
    }
    expect(gone).toBe(true);
  });

  it('a name nobody registered is null; no EPMD at all is an error, not a hang', async () => {
    expect(await epmdLookup(`${name}_nobody`)).toEqual({ ok: true, value: null });
    const closed = createServer();
    await new Promise<void>((res) => closed.listen(0, '127.0.0.1', res));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((res) => closed.close(() => res()));
    expect(await epmdLookup('x', { port })).toEqual({ ok: false, reason: 'no EPMD is running (connection refused)' });
  });

  it('a silent EPMD times out; a hostile answer is refused', async () => {
    const server = createServer((s) => {
      s.on('data', (b) => {
        if (b.includes(Buffer.from('silent'))) return;
        s.end(Buffer.from([119, 0, 0, 1, 77, 0, 0, 6, 0, 6, 0xff, 0xff]));
      });
    });
    await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
    const port = (server.address() as AddressInfo).port;
    expect(await epmdLookup('silent', { port, timeoutMs: 200 })).toEqual({ ok: false, reason: 'EPMD did not answer in time' });
    expect(await epmdLookup('hostile', { port })).toEqual({ ok: false, reason: 'bad node name length 65535' });
    server.close();
  });
});

describe('EPMD codec against a real erl', () => {
  it("decodes the ALIVE2_REQ a real node sends and the node takes our ALIVE2_X_RESP", async () => {
    const seen: EpmdRequest[] = [];
    const server = createServer((s) => {
      s.on('data', (b) => {
        const r = decodeRequest(new Uint8Array(b));
        if (typeof r === 'string') return void s.destroy();
        seen.push(r.request);
        if (r.request.type === 'alive2') s.write(encodeAlive2XResp(0, 77));
        else s.end(encodePort2Resp(null));
      });
    });
    await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
    const port = (server.address() as AddressInfo).port;
    const erl = spawn('erl', ['-sname', `${name}_x`, '-noshell', '-eval', 'io:format("up ~w~n", [erlang:system_info(creation)]), halt().'], {
      env: { ...process.env, ERL_EPMD_PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    erl.stdout.on('data', (d: Buffer) => (out += d.toString()));
    await new Promise((res) => erl.on('exit', res));
    server.close();
    // The node took the creation we gave it.
    expect(out).toBe('up 77\n');
    expect(seen[0]).toMatchObject({ type: 'alive2', node: { name: `${name}_x`, nodeType: 77, protocol: 0, highestVersion: 6, lowestVersion: 5 } });
  }, 20_000);
});
