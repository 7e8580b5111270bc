/**
 * The transport contract suite (src/distribution/transports/contract.ts) run in the browser against the
 * PeerJS transport, through the embedded signalling server. A tiny describe/it/expect stands in
 * for Vitest; e2e/transport.spec.ts opens this page and asserts that every case passed.
 */
import { registerTransportContract, type ContractApi, type ContractWorld } from '../../src/distribution/transports/contract.ts';
import { createPeerJsTransport, registerNode } from '../../src/distribution/transports/peerjs.ts';
import type { Transport } from '../../src/distribution/transports/transport.ts';
import { signallingConfigFor } from '../../src/ui/signalling-config.ts';
import type { Peer } from 'peerjs';

interface Case {
  name: string;
  fn: () => Promise<void>;
}
const cases: Case[] = [];
let prefix = '';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const api: ContractApi = {
  describe(name, fn) {
    const outer = prefix;
    prefix = `${outer}${name} › `;
    fn();
    prefix = outer;
  },
  it(name, fn) {
    cases.push({ name: prefix + name, fn });
  },
  expect(actual) {
    const fail = (what: string, expected: unknown) => {
      throw new Error(`expected ${JSON.stringify(actual)} ${what} ${JSON.stringify(expected)}`);
    };
    return {
      toBe: (v) => void (Object.is(actual, v) || fail('to be', v)),
      toEqual: (v) => void (same(actual, v) || fail('to equal', v)),
      toBeGreaterThan: (n) => void ((actual as number) > n || fail('to be greater than', n)),
    };
  },
};

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function peerJsWorld(): ContractWorld {
  const peers: Peer[] = [];
  return {
    transport: (name) =>
      new Promise<Transport>((resolve, reject) => {
        const config = signallingConfigFor(location);
        const peer = registerNode(name, config, (state) => {
          if (state.type === 'registered') resolve(createPeerJsTransport(peer, config));
          if (state.type === 'refused') reject(new Error(state.reason));
        });
        peers.push(peer);
      }),
    async waitFor(cond, what) {
      // Generous: this machine is shared, and WebRTC setup under load takes seconds.
      const deadline = performance.now() + 20_000;
      while (!cond()) {
        if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await sleep(10);
      }
    },
    settle: () => sleep(300),
    dispose() {
      for (const p of peers) p.destroy();
    },
  };
}

registerTransportContract('peerjs', peerJsWorld, api);

const results: { name: string; ok: boolean; error?: string }[] = [];
for (const c of cases) {
  try {
    await c.fn();
    results.push({ name: c.name, ok: true });
  } catch (err) {
    results.push({ name: c.name, ok: false, error: String(err) });
  }
}
(document.getElementById('results') as HTMLElement).textContent = JSON.stringify(results, null, 2);
(window as unknown as { contractResults: typeof results }).contractResults = results;
