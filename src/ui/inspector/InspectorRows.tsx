/**
 * The parts of a process inspector that the live one (Inspector.tsx) and the one of the past
 * (timeline/PastInspector.tsx) share: its rows as a definition list, and the mailbox's messages.
 */
import type { InspectorRow } from './inspector-model.ts';

export function InspectorRows({ rows }: { rows: readonly InspectorRow[] }) {
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
      {rows.map((r) => (
        <div key={r.label} className="contents">
          <dt className="text-slate-500 dark:text-slate-400">{r.label}</dt>
          <dd className="font-mono break-all">{r.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A `region` named `mailbox messages`: the messages oldest first, or "empty". */
export function MailboxMessages({ title, messages }: { title: string; messages: readonly string[] }) {
  return (
    <section aria-label="mailbox messages">
      <h3 className="mb-1 font-semibold">{title}</h3>
      {messages.length === 0 ? (
        <p className="text-slate-500 dark:text-slate-400">empty</p>
      ) : (
        <ol className="space-y-1">
          {messages.map((m, i) => (
            <li key={i} className="rounded bg-slate-100 px-2 py-1 font-mono text-sm break-all dark:bg-slate-800">
              {m}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
