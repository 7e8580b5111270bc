/**
 * What the gateway asks of EPMD (the machine's, or ours: epmd-choice.ts): register a tab's name
 * at a port for as long as a handle stays open, and look a real node's port up. An interface,
 * so the gateway's tests run on a table in memory and the server on real EPMD.
 */
import type { Registration } from '../src/host/beam/epmd-client.ts';

/** A name held in EPMD: close() unregisters, onLost fires if EPMD drops it on its own. */
export type EpmdRegistration = Pick<Registration, 'close' | 'onLost'>;

export interface EpmdAccess {
  /** ALIVE2_REQ for `alive` (the name before `@`) at `port`; rejects with EPMD's refusal (a name taken). */
  register(alive: string, port: number): Promise<EpmdRegistration>;
  /** PORT_PLEASE2_REQ at `host`'s EPMD: the node's port, or null when EPMD knows no such name. */
  lookup(host: string, alive: string): Promise<number | null>;
}
