/**
 * What a clicked token is: sender, receiver, term, when it was sent and when it is (or was)
 * delivered (a message is delivered when its token lands: the message speed's one clock).
 * A dialog named `message details`, closed by its button or Escape.
 */
import { useEffect } from 'react';
import type { MessageInFlight } from '../store/model.ts';
import { TOKEN_KINDS } from './token-kind.ts';

/** `HH:MM:SS.mmm` of a UI-clock time (performance.now()), on the wall clock. */
function wallTime(uiMs: number): string {
  const d = new Date(Date.now() - performance.now() + uiMs);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}.${String(d.getMilliseconds()).padStart(3, '0')}`;
}

export function TokenDetails({ message: m, onClose }: { message: MessageInFlight; onClose: () => void }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [onClose]);
  const kind = TOKEN_KINDS.find((k) => k.kind === m.kind);
  const landed = m.sentAt + m.duration;
  const row = (term: string, value: string) => (
    <>
      <dt className="font-semibold text-slate-500 dark:text-slate-400">{term}</dt>
      <dd className="break-all font-mono">{value}</dd>
    </>
  );
  return (
    <div
      role="dialog"
      aria-label="message details"
      className="absolute bottom-3 left-3 z-[7] max-w-lg rounded-lg border border-slate-300 bg-white p-3 text-base shadow-lg dark:border-slate-600 dark:bg-slate-900"
    >
      <div className="mb-2 flex items-center justify-between gap-4">
        <span className="flex items-center gap-2 font-semibold">
          <span aria-hidden="true" className="inline-block h-3.5 w-3.5 rounded-full" style={{ background: kind?.colour }} />
          {kind?.label ?? 'message'}
        </span>
        <button type="button" aria-label="close message details" onClick={onClose} className="rounded px-2 hover:bg-slate-100 dark:hover:bg-slate-800">
          ✕
        </button>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        {row('from', m.fromText)}
        {row('to', m.toText)}
        {row('term', m.text)}
        {row('sent', wallTime(m.sentAt))}
        {row(landed <= performance.now() ? 'delivered' : 'delivered at', wallTime(landed))}
      </dl>
    </div>
  );
}
