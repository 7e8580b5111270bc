/**
 * A trace written out: a JSON trace (what `import trace` reads back, record-import.ts), a ShiViz
 * log (its default parser regex and JSON vector clocks, so it opens in ShiViz unchanged) and a
 * Mermaid sequence diagram. Pure text; the page turns it into a download.
 */
import type { Trace, TraceRow } from './record-rows.ts';
import { downIds } from './record-down.ts';

export const TRACE_FORMAT = 'elixir-playground-trace';
export const TRACE_VERSION = 1;

/** The vector clock of `trace.rows[i]` as `{node: count}`, zero entries left out. */
export function vectorOf(trace: Trace, i: number): Record<string, number> {
  const v = trace.clocks.vector(i);
  const out: Record<string, number> = {};
  trace.clocks.nodes.forEach((n, k) => {
    if ((v[k] as number) > 0) out[n] = v[k] as number;
  });
  return out;
}

export function toJson(trace: Trace): string {
  const events = trace.rows.map((r, i) => ({ ...r, lamport: trace.clocks.lamport[i], vc: vectorOf(trace, i) }));
  return JSON.stringify({ format: TRACE_FORMAT, version: TRACE_VERSION, nodes: trace.clocks.nodes, evicted: trace.evicted, events }, null, 1);
}

/** ShiViz's own default regex: an event line, then `host {"host": n, ...}`. */
export const SHIVIZ_REGEX = '(?<event>.*)\\n(?<host>\\S*) (?<clock>{.*})';

/** What one event says, on one line; `down`: a `demonitor` row that is its monitor firing (record-down.ts). */
export function describe(r: TraceRow, down = false): string {
  const who = r.pidText ?? r.node;
  switch (r.kind) {
    case 'send':
      return `${who} sends ${r.text ?? ''} to ${r.peerText ?? '?'}`;
    case 'receive':
      return `${who} receives ${r.text ?? '(a message)'}${r.peerText === null ? '' : ` from ${r.peerText}`}`;
    case 'spawn':
      return `${who} spawned${r.peerText === null ? '' : ` by ${r.peerText}`}`;
    case 'exit':
      return `${who} exits ${r.text ?? ''}`;
    case 'demonitor':
      if (down) return `${who} gets DOWN: ${r.peerText ?? ''} exited`;
      return `${who} demonitors ${r.peerText ?? ''}`;
    case 'link':
    case 'unlink':
    case 'monitor':
      return `${who} ${r.kind}s ${r.peerText ?? ''}`;
    case 'register':
    case 'unregister':
      return `${who} ${r.kind}s ${r.text ?? ''}`;
    case 'spawn_request':
      return `${who} asks ${r.peerText ?? ''} to spawn ${r.text ?? ''}`;
    default:
      return `${r.node} ${r.kind} ${r.text ?? ''}${r.peerText === null ? '' : ` ${r.peerText}`}`;
  }
}

const oneLine = (s: string) => s.replace(/[\r\n\u2028\u2029]+/g, ' ');

export function toShiViz(trace: Trace): string {
  const lines = [SHIVIZ_REGEX, ''];
  const downs = downIds(trace.rows);
  trace.rows.forEach((r, i) => {
    lines.push(oneLine(describe(r, downs.has(r.id))));
    lines.push(`${r.node} ${JSON.stringify(vectorOf(trace, i))}`);
  });
  return `${lines.join('\n')}\n`;
}

const MERMAID_ENTITIES: Record<string, string> = { '#': '#35;', ';': '#59;', '<': '#lt;', '>': '#gt;' };

/** Mermaid's entity codes for what would end or break a line (`#`, `;`), and no newlines. */
function mermaidText(s: string): string {
  return oneLine(s).replace(/[#;<>]/g, (c) => MERMAID_ENTITIES[c] as string);
}

export interface MermaidOptions {
  /** Rows to draw (the diagram's filters); every row when absent. */
  readonly include?: (r: TraceRow) => boolean;
}

export function toMermaid(trace: Trace, o: MermaidOptions = {}): string {
  const include = o.include ?? (() => true);
  const participants = new Map<string, string>();
  const lines: string[] = [];
  const alias = (key: string | null, text: string | null, node: string): string => {
    const k = key ?? `node:${node}`;
    let a = participants.get(k);
    if (a === undefined) {
      a = `P${participants.size}`;
      participants.set(k, a);
      lines.push(`  participant ${a} as ${mermaidText(`${text ?? node} ${node}`)}`);
    }
    return a;
  };
  const receives = new Map<number, TraceRow>();
  for (const r of trace.rows) if (r.kind === 'receive') receives.set(r.id, r);
  const body: string[] = [];
  const downs = downIds(trace.rows);
  for (const r of trace.rows) {
    if (!include(r)) continue;
    const me = alias(r.pid, r.pidText, r.node);
    if (r.kind === 'send') {
      const rec = receives.get(r.match);
      if (rec !== undefined && include(rec)) body.push(`  ${me}->>${alias(rec.pid, rec.pidText, rec.node)}: ${mermaidText(r.text ?? '')}`);
      else body.push(`  Note over ${me}: ${mermaidText(describe(r))}`);
    } else if (r.kind === 'receive') {
      if (r.match < 0) body.push(`  Note over ${me}: ${mermaidText(describe(r))}`);
    } else body.push(`  Note over ${me}: ${mermaidText(describe(r, downs.has(r.id)))}`);
  }
  return ['sequenceDiagram', ...lines, ...body, ''].join('\n');
}
