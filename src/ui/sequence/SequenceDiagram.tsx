/**
 * The sequence diagram (`region` named `sequence diagram`): lane heads, then the rows in sight
 * drawn as one SVG string (svg.ts) set on scroll, so 10,000 events cost a window of rows, not
 * 10,000 elements. Filters: node, process, the causal order's range (steps), system processes.
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Trace } from '../../distribution/trace/record-rows.ts';
import { ALL, LANE_W, ROW_H, layoutDiagram, type Diagram, type DiagramFilter } from './layout.ts';
import { windowSvg } from './svg.ts';

/**
 * Rows drawn beyond the visible ones on each side: scrolling shows drawn rows at once, and the
 * window is drawn again only when the rows in sight come near its edge (not every frame).
 */
const OVERSCAN = 80;
const MARGIN = 20;

export function SequenceDiagram({ trace, onDiagram }: { trace: Trace; onDiagram?: (d: Diagram) => void }) {
  const [filter, setFilter] = useState<DiagramFilter>(ALL);
  const diagram = useMemo(() => layoutDiagram(trace, filter), [trace, filter]);
  const nodes = useMemo(() => [...new Set(trace.rows.map((r) => r.node))], [trace]);
  useLayoutEffect(() => onDiagram?.(diagram), [diagram, onDiagram]);
  const scroller = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGGElement>(null);

  // Draw the window in sight now and on every scroll, without React.
  useLayoutEffect(() => {
    const el = scroller.current;
    const g = svg.current;
    if (el === null || g === null) return;
    let frame = 0;
    let drawn: [number, number] | null = null;
    const draw = () => {
      frame = 0;
      const top = Math.floor(el.scrollTop / ROW_H);
      const bottom = Math.ceil((el.scrollTop + el.clientHeight) / ROW_H);
      const end = diagram.rows - 1;
      if (drawn !== null && (top - MARGIN >= drawn[0] || drawn[0] === 0) && (bottom + MARGIN <= drawn[1] || drawn[1] === end)) return;
      const first = Math.max(0, top - OVERSCAN);
      const last = Math.min(end, bottom + OVERSCAN);
      drawn = [first, last];
      g.innerHTML = last < first ? '' : windowSvg(diagram, first, last);
    };
    draw();
    const onScroll = () => {
      if (frame === 0) frame = requestAnimationFrame(draw);
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      el.removeEventListener('scroll', onScroll);
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, [diagram]);

  const width = Math.max(1, diagram.lanes.length) * LANE_W;
  const height = Math.max(1, diagram.rows) * ROW_H;
  const set = (p: Partial<DiagramFilter>) => setFilter((f) => ({ ...f, ...p }));
  return (
    <section aria-label="sequence diagram" className="flex min-h-0 flex-1 flex-col border-t border-slate-200 bg-white text-slate-900 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100">
      <div className="flex flex-wrap items-center gap-2 px-3 py-1 text-sm">
        <label>
          node{' '}
          <select aria-label="diagram node" value={filter.node} onChange={(e) => set({ node: e.target.value })} className="rounded border px-1 dark:bg-slate-900">
            <option value="">all</option>
            {nodes.map((n) => (
              <option key={n} value={n}>{n}</option>
            ))}
          </select>
        </label>
        <label>
          process <input aria-label="diagram process" value={filter.process} onChange={(e) => set({ process: e.target.value })} placeholder="#PID<0.110.0>" className="w-36 rounded border px-1 dark:bg-slate-900" />
        </label>
        <label>
          from step <input aria-label="diagram from step" type="number" min={0} value={filter.from} onChange={(e) => set({ from: Math.max(0, Number(e.target.value) || 0) })} className="w-20 rounded border px-1 dark:bg-slate-900" />
        </label>
        <label>
          to step <input aria-label="diagram to step" type="number" min={-1} value={filter.to} onChange={(e) => set({ to: Number.isFinite(Number(e.target.value)) ? Number(e.target.value) : -1 })} className="w-20 rounded border px-1 dark:bg-slate-900" />
        </label>
        <label>
          from second <input aria-label="diagram from second" type="number" min={0} step="any" value={filter.fromSecond} onChange={(e) => set({ fromSecond: Math.max(0, Number(e.target.value) || 0) })} className="w-20 rounded border px-1 dark:bg-slate-900" />
        </label>
        <label>
          to second <input aria-label="diagram to second" type="number" min={-1} step="any" value={filter.toSecond} onChange={(e) => set({ toSecond: e.target.value === '' || !Number.isFinite(Number(e.target.value)) ? -1 : Number(e.target.value) })} className="w-20 rounded border px-1 dark:bg-slate-900" />
        </label>
        <label className="flex items-center gap-1">
          <input type="checkbox" checked={filter.system} onChange={(e) => set({ system: e.target.checked })} /> system processes
        </label>
        <span className="text-slate-500" aria-live="off">
          {diagram.arrows.length} messages, {diagram.lanes.length} processes
        </span>
      </div>
      <div ref={scroller} data-testid="sequence-scroll" className="relative min-h-0 flex-1 overflow-auto">
        <div className="sticky top-0 z-10 flex bg-white/95 dark:bg-slate-950/95" style={{ width }}>
          {diagram.lanes.map((l) => (
            <div key={l.key} title={`${l.label} on ${l.node}`} className="truncate px-1 text-center text-xs" style={{ width: LANE_W }}>
              <div className="font-semibold">{l.label}</div>
              <div className="text-slate-500">{l.node}</div>
            </div>
          ))}
        </div>
        <svg width={width} height={height} className="block font-mono">
          <defs>
            <marker id="seq-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0 0 L10 5 L0 10 z" fill="#0284c7" />
            </marker>
          </defs>
          <g ref={svg} />
        </svg>
      </div>
    </section>
  );
}
