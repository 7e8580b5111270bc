import { describe, expect, it } from 'vitest';
import { registerTransportContract, type ContractWorld } from '../distribution/transports/contract.ts';
import { terminalNetwork } from './terminal-network.ts';

/** The terminal's network delivers on its own: the world only waits (real turns, as in `npm run iex`). */
function terminalWorld(): ContractWorld {
  const net = terminalNetwork();
  const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    transport: () => net.transport(),
    async waitFor(cond, what) {
      for (let i = 0; i < 10_000 && !cond(); i++) await turn();
      if (!cond()) throw new Error(`terminal network: ${what} never happened`);
    },
    async settle() {
      for (let i = 0; i < 20; i++) await turn();
    },
  };
}

registerTransportContract('terminal', terminalWorld, { describe, it, expect });
