/**
 * The nodes the signalling server knows (our EPMD), each with a Connect button: a region named
 * `known nodes`, one list item per node, buttons named `connect two@lab`. This tab's own node
 * is listed as such, without a button; its host's nodes come first.
 */
import { ownHostFirst, useKnownNodes } from './use-known-nodes.ts';

export interface NodeListProps {
  /** This tab's node (shown, not connectable), or null for an unnamed tab. */
  readonly self: string | null;
  readonly onConnect: (node: string) => void;
  /** Node names already connected (their button says so). */
  readonly connected?: ReadonlySet<string>;
  readonly className?: string;
}

export function NodeList({ self, onConnect, connected, className = '' }: NodeListProps) {
  const known = useKnownNodes();
  return (
    <section aria-label="known nodes" className={className}>
      <h2 className="mb-2 text-base font-semibold">
        Nodes on the signalling server <span className="font-normal text-slate-500 dark:text-slate-400">(like :net_adm.names)</span>
      </h2>
      {known.state === 'loading' && <p className="text-slate-500 dark:text-slate-400">asking the signalling server…</p>}
      {known.state === 'error' && <p className="text-rose-700 dark:text-rose-300">signalling server unreachable: {known.reason}</p>}
      {known.state === 'ok' && known.nodes.length === 0 && <p className="text-slate-500 dark:text-slate-400">no node yet: open another tab with a name</p>}
      {known.state === 'ok' && known.nodes.length > 0 && (
        <ul className="flex flex-col gap-1">
          {ownHostFirst(known.nodes, self).map((n) => (
            <li key={n} className="flex items-center gap-3">
              <span className="min-w-0 flex-1 truncate font-mono text-base">{n}</span>
              {n === self ? (
                <span className="text-sm text-emerald-700 dark:text-emerald-300">this node</span>
              ) : (
                <button
                  type="button"
                  aria-label={`connect ${n}`}
                  onClick={() => onConnect(n)}
                  className="rounded-lg border border-sky-600 px-3 py-1 text-sm font-semibold text-sky-800 hover:bg-sky-50 dark:border-sky-400 dark:text-sky-200 dark:hover:bg-sky-950"
                >
                  {connected?.has(n) ? 'Connected' : 'Connect'}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
