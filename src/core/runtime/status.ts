/** Process states, ordered: everything from Exiting on is dead to senders. */
export const Status = {
  Runnable: 0,
  Waiting: 1,
  Running: 2,
  /** Sent on a busy distribution connection: not run until it drains (busy-dist.ts). */
  Suspended: 3,
  /** Killed, waiting in the node's exit queue to be torn down. */
  Exiting: 4,
  Exited: 5,
} as const;
export type Status = (typeof Status)[keyof typeof Status];
