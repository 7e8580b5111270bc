/**
 * The sequence diagram as SVG text: the view puts the rows in sight into its SVG (one string, one
 * DOM write per scroll step, cheap at 10,000 events), and `export SVG`/`export PNG` write the
 * whole diagram the same way. Each message arrow is a `<g role="img">` named
 * `message <from pid> → <to pid>: <term>`, its full term also in a `<title>` (shown on hover).
 */
import { LANE_W, ROW_H, inWindow, type Diagram } from './layout.ts';

export const HEADER_H = 40;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const cx = (lane: number) => lane * LANE_W + LANE_W / 2;
const cy = (row: number) => row * ROW_H + ROW_H / 2;

const MARK_COLOUR: Record<string, string> = { exit: '#dc2626', spawn: '#16a34a', link: '#7c3aed', unlink: '#7c3aed', monitor: '#0891b2', demonitor: '#0891b2', nodedown: '#dc2626', nodeup: '#16a34a' };

/** Lanes' lines and the arrows and marks of rows [first, last], at y from row 0 (no header). */
export function windowSvg(d: Diagram, first: number, last: number): string {
  const out: string[] = [];
  const top = first * ROW_H;
  const bottom = (last + 1) * ROW_H;
  d.lanes.forEach((_, i) => out.push(`<line x1="${cx(i)}" y1="${top}" x2="${cx(i)}" y2="${bottom}" stroke="#94a3b8" stroke-dasharray="3 3"/>`));
  const { arrows, marks } = inWindow(d, first, last);
  for (const a of arrows) {
    const x1 = cx(a.from);
    const x2 = cx(a.to);
    const y1 = cy(a.y1);
    const y2 = cy(a.y2);
    const self = a.from === a.to;
    const path = self ? `M${x1} ${y1} h24 V${y2} h-20` : `M${x1} ${y1} L${x2} ${y2}`;
    const tx = self ? x1 + 28 : (x1 + x2) / 2;
    const ty = self ? (y1 + y2) / 2 : (y1 + y2) / 2 - 3;
    out.push(
      `<g role="img" aria-label="${esc(a.name)}"><title>${esc(a.name)}</title>` +
        `<path d="${path}" fill="none" stroke="#0284c7" stroke-width="1.5" marker-end="url(#seq-arrow)"/>` +
        `<text x="${tx}" y="${ty}" font-size="12" text-anchor="${self ? 'start' : 'middle'}" fill="currentColor">${esc(a.label)}</text></g>`,
    );
  }
  for (const m of marks) {
    const colour = MARK_COLOUR[m.kind] ?? '#64748b';
    out.push(
      `<g data-mark="${m.kind}"><title>${esc(m.text)}</title><circle cx="${cx(m.lane)}" cy="${cy(m.row)}" r="4" fill="${colour}"/>` +
        `<text x="${cx(m.lane) + 7}" y="${cy(m.row) + 4}" font-size="11" fill="${colour}">${esc(m.text.length > 26 ? `${m.text.slice(0, 25)}…` : m.text)}</text></g>`,
    );
  }
  return out.join('');
}

export const ARROW_DEFS = '<defs><marker id="seq-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="#0284c7"/></marker></defs>';

/** The whole diagram as a standalone SVG document (export SVG, and PNG through a canvas). */
export function diagramSvg(d: Diagram): string {
  const w = Math.max(1, d.lanes.length) * LANE_W;
  const h = HEADER_H + Math.max(1, d.rows) * ROW_H;
  const heads = d.lanes
    .map((l, i) => `<text x="${cx(i)}" y="16" font-size="12" font-weight="600" text-anchor="middle">${esc(l.label)}</text><text x="${cx(i)}" y="32" font-size="10" text-anchor="middle" fill="#64748b">${esc(l.node)}</text>`)
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="ui-monospace, monospace" color="#0f172a">` +
    `<rect width="100%" height="100%" fill="#ffffff"/>${ARROW_DEFS}${heads}<g transform="translate(0 ${HEADER_H})">${windowSvg(d, 0, Math.max(0, d.rows - 1))}</g></svg>`
  );
}
