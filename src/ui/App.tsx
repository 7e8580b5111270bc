import type { Identity } from './identity.ts';
import type { SignallingState } from '../dist/transports/peerjs.ts';
import type { ShellSession } from './session.ts';
import { useShellOutput } from './use-shell-output.ts';
import { ShellPanel } from './ShellPanel.tsx';

function signallingLabel(state: SignallingState): string {
  switch (state.type) {
    case 'connecting':
      return 'connecting…';
    case 'registered':
      return 'registered';
    case 'disconnected':
      return 'disconnected';
    case 'refused':
      return `refused: ${state.reason}`;
  }
}

export function App({ identity, session }: { identity: Identity; session: ShellSession }) {
  const { signalling } = useShellOutput(session);

  return (
    <div className="flex h-screen flex-col bg-slate-50 text-slate-900 dark:bg-slate-900 dark:text-slate-100">
      <header className="flex items-center gap-6 border-b border-slate-200 px-4 py-2 dark:border-slate-700">
        <h1 className="text-lg font-semibold">Node playground</h1>
        <p>
          node <strong data-testid="node-name">{identity.node}</strong>
        </p>
        <p role="status" aria-label="signalling server">
          signalling: {signalling ? signallingLabel(signalling) : 'not alive (no name)'}
        </p>
      </header>
      <main className="min-h-0 flex-1">
        <ShellPanel session={session} />
      </main>
    </div>
  );
}
