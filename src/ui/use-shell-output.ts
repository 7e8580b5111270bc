import { useSyncExternalStore } from 'react';
import type { ShellSession, ShellView } from './session.ts';

/** The shell's transcript and current prompt, re-rendered at most once per animation frame. */
export function useShellOutput(session: ShellSession): ShellView {
  return useSyncExternalStore(session.subscribe, session.getView);
}
