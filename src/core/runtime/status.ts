/** Process states, ordered: everything from Exiting on is dead to senders. */
export const Status = {
  Runnable: 0,
  Waiting: 1,
  Running: 2,
  /** Killed, waiting in the node's exit queue to be torn down. */
  Exiting: 3,
  Exited: 4,
} as const;
export type Status = (typeof Status)[keyof typeof Status];
