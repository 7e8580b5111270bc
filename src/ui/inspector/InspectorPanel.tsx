/**
 * The inspector's frame, shared by the process and the connection inspectors: a titled side
 * panel with a close button. Keyboard: when it opens, focus moves to its title (so Tab reaches
 * its actions next); Escape or the close button closes it and gives focus back to what opened
 * it (the process tile or connection on the canvas), so a keyboard user never loses their place.
 *
 * It lies over the canvas's right edge rather than beside it: beside, it took 416 px of a
 * 1280-wide screen's ~820 px canvas, and the fit shrank every card to half its size.
 */
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface InspectorPanelProps {
  readonly title: string;
  /** Changes when another item is shown in the same panel (focus moves to the title again). */
  readonly itemKey: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
}

export function InspectorPanel({ title, itemKey, onClose, children }: InspectorPanelProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const active = document.activeElement;
    // Remember the canvas element that opened us (not something inside this panel).
    if (active instanceof HTMLElement || active instanceof SVGElement) {
      if (heading.current?.closest('aside')?.contains(active) !== true) opener.current = active as HTMLElement;
    }
    heading.current?.focus({ preventScroll: true });
  }, [itemKey]);

  const close = () => {
    const back = opener.current;
    onClose();
    if (back !== null && back.isConnected) back.focus({ preventScroll: true });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    close();
  };

  return (
    <aside
      aria-label="inspector"
      onKeyDown={onKeyDown}
      className="absolute inset-y-0 right-0 z-10 flex w-[26rem] max-w-[80%] flex-col gap-4 overflow-y-auto border-l border-slate-200 bg-white p-4 text-base shadow-2xl dark:border-slate-700 dark:bg-slate-900"
    >
      <header className="flex items-start gap-2">
        <h2 ref={heading} tabIndex={-1} className="flex-1 font-mono text-xl font-bold break-all outline-none focus-visible:ring-2 focus-visible:ring-sky-500">
          {title}
        </h2>
        <button
          type="button"
          aria-label="close inspector"
          onClick={close}
          className="rounded-lg px-3 py-1 text-lg hover:bg-slate-100 dark:hover:bg-slate-800"
        >
          ×
        </button>
      </header>
      {children}
    </aside>
  );
}
