import { useSyncExternalStore } from 'react';
import type { SignallingState } from '../../distribution/transports/peerjs.ts';
import type { ShellSession } from '../session.ts';

/**
 * The signalling server's state alone: the page re-renders when it changes, not on every line
 * the shell prints (the session keeps the same state object until it changes).
 */
export function useSignalling(session: ShellSession): SignallingState | null {
  return useSyncExternalStore(session.subscribe, () => session.getView().signalling);
}
