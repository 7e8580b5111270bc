/**
 * The inspector of a connection (an edge clicked on the canvas): this tab's recent handshakes
 * with that node, newest first, each step with its direction and outcome, and how it ended.
 * A refused attempt gets one plain sentence saying why (store/handshakes.ts, explainRefusal).
 */
import { usePlayground, usePlaygroundStoreApi } from '../store/context.tsx';
import { explainRefusal, resultText, type HandshakeAttempt } from '../store/handshakes.ts';
import { connectionText } from '../canvas/flow-graph.ts';
import { InspectorPanel } from './InspectorPanel.tsx';

/** Outcomes that end a handshake badly (the machines' words; everything else went through). */
const BAD = new Set(['invalid', 'nok', 'not_allowed', 'false', 'wrong_node', 'missing_flags']);

const NO_ATTEMPTS: readonly HandshakeAttempt[] = [];

export function ConnectionInspector({ peer }: { peer: string }) {
  const store = usePlaygroundStoreApi();
  const local = usePlayground((s) => s.localNode);
  const state = usePlayground((s) => s.nodes[peer]?.connection ?? null);
  const attempts = usePlayground((s) => s.handshakes[peer] ?? NO_ATTEMPTS);
  const newestFirst = [...attempts].reverse();

  return (
    <InspectorPanel title={`connection ${local} – ${peer}`} itemKey={`connection:${peer}`} onClose={() => store.getState().selectConnection(null)}>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="text-slate-500 dark:text-slate-400">state</dt>
        <dd className="font-mono">{connectionText(state)}</dd>
      </dl>
      {newestFirst.length === 0 ? (
        <p className="text-slate-500 dark:text-slate-400">No handshake seen since this tab started.</p>
      ) : (
        newestFirst.map((a) => <Attempt key={a.seq} attempt={a} />)
      )}
    </InspectorPanel>
  );
}

function Attempt({ attempt: a }: { attempt: HandshakeAttempt }) {
  const why = explainRefusal(a);
  const result = resultText(a.result);
  return (
    <section aria-label={`handshake ${a.seq}`} className="rounded-lg border border-slate-200 p-3 dark:border-slate-700">
      <h3 className="mb-2 font-semibold">
        Handshake {a.seq} ({a.role === 'initiator' ? 'this node called' : 'this node was called'}):{' '}
        <span className={a.result.kind === 'refused' ? 'text-rose-600 dark:text-rose-300' : a.result.kind === 'up' ? 'text-emerald-700 dark:text-emerald-300' : ''}>
          {result}
        </span>
      </h3>
      <ol aria-label="handshake steps" className="space-y-1">
        {a.steps.map((s, i) => {
          const bad = BAD.has(s.outcome);
          return (
            <li key={i} className={`grid grid-cols-[1fr_auto_auto] gap-3 rounded px-2 py-1 font-mono text-sm ${bad ? 'bg-rose-100 dark:bg-rose-950' : 'bg-slate-100 dark:bg-slate-800'}`}>
              <span>{s.name}</span>
              <span className="text-slate-500 dark:text-slate-400">{s.direction === 'out' ? '→ out' : '← in'}</span>
              <span className={bad ? 'font-bold text-rose-700 dark:text-rose-300' : ''}>{s.outcome}</span>
            </li>
          );
        })}
      </ol>
      {why !== null && <p className="mt-2 text-sm">{why}</p>}
    </section>
  );
}
