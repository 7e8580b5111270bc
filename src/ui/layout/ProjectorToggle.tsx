/**
 * The top bar's `projector mode` toggle (aria-pressed): on, the cluster canvas takes the whole
 * screen below the top bar (the shell is hidden but keeps running, the classroom controls fold
 * behind `show controls`), for a class watching one tab on a projector.
 */
export function ProjectorToggle({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  return (
    <button
      type="button"
      aria-label="projector mode"
      aria-pressed={on}
      onClick={() => onChange(!on)}
      className={`rounded-lg border px-3 py-1 text-base font-semibold ${
        on ? 'border-amber-600 bg-amber-500 text-slate-950' : 'border-slate-300 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800'
      }`}
    >
      Projector {on ? 'on' : 'off'}
    </button>
  );
}
