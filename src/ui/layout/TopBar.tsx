/**
 * The top bar: the product's name, this tab's node identity (its name, test id `node-name`; its
 * cookie hidden behind a `reveal cookie` toggle, as a cookie is a shared secret on a projector),
 * the page's own toggles (`children`), and the signalling server's state (a `status` named
 * `signalling server`).
 */
import { useState, type ReactNode } from 'react';
import type { SignallingState } from '../../distribution/transports/peerjs.ts';
import type { Identity } from '../identity.ts';

export function signallingLabel(state: SignallingState | null): string {
  if (state === null) return 'not alive (no name)';
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

const TONE: Record<string, string> = {
  registered: 'bg-emerald-500',
  connecting: 'bg-amber-400',
  disconnected: 'bg-rose-500',
  refused: 'bg-rose-500',
  none: 'bg-slate-400',
};

export function TopBar({ identity, signalling, children }: { identity: Identity; signalling: SignallingState | null; children?: ReactNode }) {
  const [revealed, setRevealed] = useState(false);
  return (
    <header className="flex flex-wrap items-center gap-x-8 gap-y-2 border-b border-slate-200 bg-white px-4 py-2 text-base dark:border-slate-700 dark:bg-slate-950">
      <h1 className="text-xl font-bold tracking-tight">Node playground</h1>
      <p className="flex items-center gap-2">
        <span className="text-slate-500 dark:text-slate-400">node</span>
        <strong data-testid="node-name" className="font-mono text-lg">
          {identity.node}
        </strong>
      </p>
      <p className="flex items-center gap-2">
        <span className="text-slate-500 dark:text-slate-400">cookie</span>
        <code data-testid="node-cookie" className="font-mono text-lg">
          {revealed ? identity.cookie : '••••••••'}
        </code>
        <button
          type="button"
          aria-label="reveal cookie"
          aria-pressed={revealed}
          onClick={() => setRevealed((r) => !r)}
          className="rounded-md border border-slate-300 px-2 py-0.5 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
        >
          {revealed ? 'hide' : 'show'}
        </button>
      </p>
      {children}
      <p role="status" aria-label="signalling server" className="ml-auto flex items-center gap-2">
        <span aria-hidden="true" className={`inline-block h-3 w-3 rounded-full ${TONE[signalling?.type ?? 'none'] ?? ''}`} />
        signalling: {signallingLabel(signalling)}
      </p>
    </header>
  );
}
