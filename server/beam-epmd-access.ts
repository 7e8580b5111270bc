/**
 * What the gateway asks of EPMD (the machine's, or ours: epmd-choice.ts): register a tab's name
 * at a port for as long as a handle stays open, and look a real node's port up. An interface,
 * so the gateway's tests run on a table in memory and the server on real EPMD.
 */
export interface EpmdRegistration {
  /** Unregisters (EPMD forgets a name when its registering connection closes). */
  close(): void;
  /** Fires once if EPMD drops the registration on its own (it stopped). Returns an unsubscribe function. */
  onLost(listener: () => void): () => void;
}

export interface EpmdAccess {
  /** ALIVE2_REQ for `alive` (the name before `@`) at `port`; rejects with EPMD's refusal (a name taken). */
  register(alive: string, port: number): Promise<EpmdRegistration>;
  /** PORT_PLEASE2_REQ at `host`'s EPMD: the node's port, or null when EPMD knows no such name. */
  lookup(host: string, alive: string): Promise<number | null>;
}
