/**
 * Reading a JSON trace back (`import trace`: a teacher shares last lesson's trace). The file is
 * hostile until proven otherwise: its size, its number of events and nodes and every field are
 * checked, pairs must point both ways between a send and a receive, and its clocks are never
 * read: they are computed again from its order and pairs (record-clocks.ts), so a forged or huge
 * vector changes nothing. Every refusal is a sentence saying what is wrong.
 */
import { RECORD_CAPACITY, type RecordKind } from './record.ts';
import { TEXT_LIMIT, traceOf, type Trace, type TraceRow } from './record-rows.ts';
import { TRACE_FORMAT, TRACE_VERSION } from './record-export.ts';

/** Characters of JSON read at most (a 200k-event trace with its clocks fits well within it). */
export const MAX_IMPORT_CHARS = 128 * 1024 * 1024;
export const MAX_NODES = 256;

const KINDS: ReadonlySet<string> = new Set<RecordKind>([
  'spawn', 'exit', 'send', 'receive', 'link', 'unlink', 'monitor', 'demonitor', 'register', 'unregister',
  'spawn_request', 'nodeup', 'nodedown', 'handshake', 'global', 'classroom',
]);

export type ImportResult = { readonly ok: true; readonly trace: Trace } | { readonly ok: false; readonly error: string };

export function importTrace(text: string): ImportResult {
  try {
    return { ok: true, trace: parse(text) };
  } catch (e) {
    if (e instanceof ImportError) return { ok: false, error: e.message };
    throw e;
  }
}

class ImportError extends Error {}
const fail = (msg: string): never => {
  throw new ImportError(msg);
};

function parse(text: string): Trace {
  if (text.length > MAX_IMPORT_CHARS) fail(`not a trace: the file is larger than ${MAX_IMPORT_CHARS / 1024 / 1024} MiB`);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    fail(`not a trace: the file is not JSON (${(e as Error).message})`);
  }
  if (typeof doc !== 'object' || doc === null || (doc as { format?: unknown }).format !== TRACE_FORMAT) fail(`not a trace: no "format": "${TRACE_FORMAT}"`);
  const d = doc as { version?: unknown; events?: unknown; evicted?: unknown };
  if (d.version !== TRACE_VERSION) fail(`this trace is version ${String(d.version)}; this page reads version ${TRACE_VERSION}`);
  if (!Array.isArray(d.events)) fail('not a trace: "events" is not a list');
  const events = d.events as unknown[];
  if (events.length > RECORD_CAPACITY) fail(`the trace has ${events.length} events; at most ${RECORD_CAPACITY} are read`);
  const nodes = new Set<string>();
  const ids = new Map<number, number>(); // the file's id -> our id (its place)
  const raw = events.map((e, i) => {
    const r = row(e, i);
    nodes.add(r.node);
    if (nodes.size > MAX_NODES) fail(`the trace has more than ${MAX_NODES} nodes`);
    if (ids.has(r.id)) fail(`event ${i}: id ${r.id} appears twice`);
    ids.set(r.id, i);
    return r;
  });
  // Renumber 0..n-1 in the file's order, and check each pair points both ways.
  const rows: TraceRow[] = raw.map((r, i) => {
    let match = -1;
    if (r.match !== -1) {
      const j = ids.get(r.match);
      const other = j === undefined ? undefined : raw[j];
      const kinds = r.kind === 'send' ? 'receive' : 'send';
      if (other === undefined || other.match !== r.id || other.kind !== kinds || (r.kind !== 'send' && r.kind !== 'receive')) {
        fail(`event ${i}: its pair (${r.match}) is not a ${kinds} paired back with it`);
      }
      match = j as number;
    }
    return { ...r, id: i, match };
  });
  const evicted = typeof d.evicted === 'number' && Number.isSafeInteger(d.evicted) && d.evicted >= 0 ? d.evicted : 0;
  return traceOf(rows, evicted);
}

function row(e: unknown, i: number): TraceRow {
  if (typeof e !== 'object' || e === null || Array.isArray(e)) fail(`event ${i} is not an object`);
  const o = e as Record<string, unknown>;
  const int = (k: string): number => {
    const v = o[k];
    if (typeof v !== 'number' || !Number.isSafeInteger(v)) fail(`event ${i}: "${k}" is not an integer`);
    return v as number;
  };
  const str = (k: string, nullable: boolean, limit = TEXT_LIMIT): string | null => {
    const v = o[k];
    if (v === null || v === undefined) {
      if (nullable) return null;
      fail(`event ${i}: "${k}" is missing`);
    }
    if (typeof v !== 'string') fail(`event ${i}: "${k}" is not a string`);
    if ((v as string).length > limit) fail(`event ${i}: "${k}" is longer than ${limit} characters`);
    return v as string;
  };
  const kind = str('kind', false) as string;
  if (!KINDS.has(kind)) fail(`event ${i}: unknown kind "${kind.slice(0, 40)}"`);
  const time = o.time;
  if (typeof time !== 'number' || !Number.isFinite(time)) fail(`event ${i}: "time" is not a number`);
  // `seen` came with version 1's later pages; a trace without it falls back on each event's own time.
  const seen = typeof o.seen === 'number' && Number.isFinite(o.seen) ? o.seen : (time as number);
  return {
    id: int('id'), node: str('node', false, 255) as string, kind: kind as RecordKind, time: time as number, seen,
    pid: str('pid', true, 300), pidText: str('pidText', true, 300), peer: str('peer', true, 300), peerText: str('peerText', true),
    text: str('text', true), system: o.system === true, match: int('match'),
  };
}
