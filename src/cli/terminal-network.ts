import { MemoryNetwork } from '../distribution/transports/memory.ts';
import type { Transport } from '../distribution/transports/transport.ts';

/**
 * The terminal's network: nodes in this process reach each other over an in-memory network
 * that delivers on its own (each event in a later task), and no node elsewhere (tabs meet over
 * WebRTC in the page), so `Node.connect` to another node answers false, as for a missing node.
 * A real transport in every other way: it keeps the transport contract (terminal-network.test.ts).
 */
export function terminalNetwork(): { transport(): Transport; names(): string[] } {
  return new MemoryNetwork({ maxMessageBytes: 16 * 1024, highWaterBytes: 1024 * 1024, schedule: (flush) => setImmediate(flush) });
}
