/**
 * The iex shell panel: an output log (role `log`, name `iex output`) and one input line
 * (name `iex input`) with the current prompt beside it. Enter submits; ↑/↓ walk the history
 * (kept per node name across reloads, shell-history.ts); a multi-line paste is fed line by line,
 * as iex takes typed lines. Ctrl+C (with no text selected to copy) abandons a pending multi-line
 * expression by typing `#iex:break`, as iex offers, and clears the input line. Focus stays in the
 * input. A lesson's code clicked in the lesson panel lands in the input (`draft`); the lines after
 * its first wait beside it and go in with it on Enter.
 */
import { useEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import type { ShellSession } from './session.ts';
import type { ShellHistory } from './shell-history.ts';
import { useShellOutput } from './use-shell-output.ts';
import type { ShellDraft } from './lesson/shell-draft.ts';

export function ShellPanel({ session, history, draft }: { session: ShellSession; history: ShellHistory; draft?: ShellDraft }) {
  const { text, prompt, busy } = useShellOutput(session);
  const [line, setLine] = useState('');
  // The lines of a multi-line draft after the first (an input element holds one line).
  const [queued, setQueued] = useState<string[]>([]);
  const historyAt = useRef(history.lines.length);
  const logRef = useRef<HTMLPreElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const log = logRef.current;
    if (log) log.scrollTop = log.scrollHeight;
  }, [text]);

  useEffect(
    () =>
      draft?.subscribe((code) => {
        const [first = '', ...rest] = code.split('\n');
        setLine(first);
        setQueued(rest);
        inputRef.current?.focus();
      }),
    [draft],
  );

  const submit = (lines: string[]) => {
    for (const l of lines) {
      history.push(l);
      session.input(l);
    }
    historyAt.current = history.lines.length;
    setLine('');
    inputRef.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      submit([line, ...queued]);
      setQueued([]);
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      const h = history.lines;
      historyAt.current = Math.max(0, Math.min(h.length, historyAt.current + (e.key === 'ArrowUp' ? -1 : 1)));
      setLine(h[historyAt.current] ?? '');
      setQueued([]);
    } else if (e.key.toLowerCase() === 'c' && e.ctrlKey && !e.metaKey && !e.altKey) {
      const input = e.currentTarget;
      if (input.selectionStart !== input.selectionEnd) return; // Selected text: Ctrl+C copies it.
      e.preventDefault();
      // Only an incomplete expression (the `...` prompt) has anything for #iex:break to abandon.
      if (prompt.startsWith('...') && !busy) session.input('#iex:break');
      setLine('');
      setQueued([]);
      historyAt.current = history.lines.length;
    }
  };

  const onPaste = (e: ClipboardEvent<HTMLInputElement>) => {
    const pasted = e.clipboardData.getData('text');
    if (!pasted.includes('\n')) return;
    e.preventDefault();
    const lines = (line + pasted).replace(/\r\n?/g, '\n').split('\n');
    const last = lines.pop() ?? '';
    submit(lines);
    setLine(last);
  };

  return (
    <section aria-label="iex shell" aria-busy={busy} className="flex h-full min-h-0 flex-col bg-slate-950 font-mono text-sm text-slate-100">
      <pre
        ref={logRef}
        role="log"
        aria-label="iex output"
        aria-live="polite"
        className="min-h-0 flex-1 overflow-auto whitespace-pre-wrap break-all p-3"
        onClick={() => inputRef.current?.focus()}
      >
        {text}
      </pre>
      <label className="flex items-center gap-1 border-t border-slate-700 px-3 py-2">
        <span aria-hidden="true" className="whitespace-pre text-fuchsia-300">
          {prompt}
        </span>
        <input
          ref={inputRef}
          aria-label="iex input"
          className="flex-1 bg-transparent outline-none"
          autoFocus
          spellCheck={false}
          autoComplete="off"
          value={line}
          onChange={(e) => setLine(e.target.value)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
        />
        {queued.length > 0 && <span className="whitespace-nowrap text-xs text-slate-400">+{queued.length} lines</span>}
      </label>
    </section>
  );
}
