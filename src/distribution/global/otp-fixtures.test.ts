/**
 * Our global against what a real OTP 25 global_name_server says (fixtures/otp25-connect.txt,
 * captured from two `erl -sname` nodes by fixtures/capture_otp_global.erl, see fixtures/README.md):
 * every protocol message a BEAM node sent or received there decodes with our ETF codec and parses
 * (fields checked), and every message our name servers send each other has the shape of BEAM's
 * message of the same kind.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Fun, Pid, Tuple, atom } from '../../core/term/types.ts';
import type { Term } from '../../core/term/types.ts';
import { decodeTerm } from '../etf/decode.ts';
import { encodeTerm } from '../etf/encode.ts';
import { parseOtp } from './otp-messages.ts';
import { parsePartition } from './partitions.ts';
import { TestCluster } from './test-cluster.ts';
import { methodName } from './resolve.ts';
import { compare } from '../../core/term/order.ts';

interface Captured {
  readonly dir: string;
  readonly msg: Term;
}

function captured(): Captured[] {
  const text = readFileSync(new URL('./fixtures/otp25-connect.txt', import.meta.url), 'utf8');
  const out: Captured[] = [];
  for (const line of text.split('\n')) {
    const m = /^(in|out \S+) (\S+)$/.exec(line);
    if (m === null) continue;
    const r = decodeTerm(Uint8Array.from(Buffer.from(m[2] as string, 'base64')));
    if (!r.ok) throw new Error(`fixture does not decode: ${r.error}`);
    out.push({ dir: m[1] as string, msg: r.term });
  }
  return out;
}

/** The atoms that name a message or its fixed fields; any other atom is just `atom`. */
const WORDS = new Set(['$gen_call', '$gen_cast', 'init_connect', 'init_connect_ack', 'locker', 'no_longer_a_pid', 'lock_set', 'exchange', 'resolved', 'unused', 'insert', 'delete', 'set_lock', 'del_lock', 'register', 'unregister', 'global', 'true', 'false', 'yes', 'ok', 'new_nodes', 'in_sync', 'cancel_connect', 'vsn', 'lock']);

/** A term's shape: what the protocol fixes, with pids, refs, integers, funs and names abstracted. */
function shape(t: Term): string {
  if (typeof t === 'number' || typeof t === 'bigint') return 'int';
  if (t instanceof Tuple) return `{${t.elements.map(shape).join(',')}}`;
  if (t instanceof Fun) return 'fun';
  switch (t.kind) {
    case 'atom':
      return WORDS.has(t.name) ? t.name : 'atom';
    case 'nil':
      return '[]';
    case 'cons': {
      const kinds = new Set<string>();
      for (let c: Term = t; typeof c === 'object' && c.kind === 'cons'; c = c.tail) kinds.add(shape(c.head));
      return `[${[...kinds].sort().join('|')}]`;
    }
    case 'map':
      return 'map';
    default:
      return t.kind;
  }
}

/** The kind a message is known by: the cast's or call's request name, or the plain tag. */
function kindOf(t: Term): string | null {
  if (!(t instanceof Tuple)) return null;
  const [tag, a, b] = t.elements;
  const name = (x: Term | undefined): string | null => (typeof x === 'object' && x.kind === 'atom' ? x.name : x instanceof Tuple ? name(x.elements[0]) : null);
  if (tag === atom('$gen_cast')) return `cast ${name(a)}`;
  if (tag === atom('$gen_call')) return `call ${name(b)}`;
  return name(tag);
}

const PROTOCOL = new Set(['cast init_connect', 'cast lock_set', 'cast exchange', 'cast resolved', 'cast new_nodes', 'cast in_sync', 'call set_lock', 'call del_lock', 'call register', 'call unregister', 'init_connect_ack']);

describe('OTP 25 global, captured from real nodes', () => {
  const all = captured();
  const protocol = all.filter((c) => PROTOCOL.has(kindOf(c.msg) ?? ''));

  it('the capture holds the whole connect and the writes after it', () => {
    const kinds = new Set(protocol.map((c) => kindOf(c.msg)));
    for (const k of ['cast init_connect', 'init_connect_ack', 'call set_lock', 'cast lock_set', 'cast exchange', 'cast resolved', 'call del_lock', 'call register', 'call unregister']) expect(kinds).toContain(k);
  });

  it('every protocol message BEAM sent or received parses, fields and all', () => {
    for (const c of protocol) expect(parseOtp(c.msg), `${c.dir} ${shape(c.msg)}`).not.toBeNull();
    const exchanges = protocol.map((c) => parseOtp(c.msg)).filter((m) => m?.type === 'exchange');
    const names = exchanges.flatMap((m) => (m?.type === 'exchange' ? m.names.map((n) => (n.name as { name: string }).name) : []));
    expect(names.sort()).toEqual(['clash', 'clash', 'only_a', 'only_b']);
    // register_name/2's method is global's own local fun for random_exit_name (#Fun<global.0.…>)
    for (const m of exchanges) for (const n of m?.type === 'exchange' ? m.names : []) expect(methodName(n.method)).toBe('random_exit_name');
    const resolved = protocol.map((c) => parseOtp(c.msg)).filter((m) => m?.type === 'resolved');
    expect(resolved.flatMap((m) => (m?.type === 'resolved' ? m.ops.map((o) => o.type) : []))).toEqual(['insert']);
    // A BEAM node's tags are 64-bit: bigints here.
    const init = protocol.map((c) => parseOtp(c.msg)).find((m) => m?.type === 'init_connect');
    expect(init?.type === 'init_connect' && typeof init.tag).toBe('bigint');
  });

  it('BEAM answers multi_calls with {{ref, node}, reply}, which our call tracker reads', () => {
    const replies = all.filter((c) => c.dir === 'in').map((c) => parseOtp(c.msg)).filter((m) => m?.type === 'call_reply');
    expect(replies.length).toBeGreaterThan(0);
  });

  it('a BEAM lost_connection (64-bit creation and op id) parses', () => {
    const m = parsePartition('lost_connection', [atom('a@vm'), -576460752303423000n, -576460752303420000n, atom('b@vm')]);
    expect(m?.type).toBe('lost_connection');
  });

  it('what our name servers send each other has the shape of what BEAM sends, kind by kind', () => {
    const beam = new Map<string, Set<string>>();
    for (const c of protocol) {
      const k = kindOf(c.msg) as string;
      beam.set(k, (beam.get(k) ?? new Set()).add(shape(c.msg)));
    }
    // The same story between two tabs: names on both sides (one clashing), connect, write.
    const c = new TestCluster();
    c.add('globalotp_a@vm');
    c.add('globalotp_b@vm');
    for (const [n, names] of [['globalotp_a@vm', ['clash', 'only_a']], ['globalotp_b@vm', ['clash', 'only_b']]] as const) {
      for (const name of names) c.call(n, 'register_name', [atom(name), c.idle(n)]);
    }
    c.settle();
    c.connect('globalotp_a@vm', 'globalotp_b@vm');
    c.settle();
    c.call('globalotp_a@vm', 'register_name', [atom('late_a'), c.idle('globalotp_a@vm')]);
    c.settle();
    c.call('globalotp_a@vm', 'unregister_name', [atom('late_a')]);
    c.settle();
    const ours = c.wire.filter((w) => w.name === atom('global_name_server'));
    const seen = new Set<string>();
    for (const w of ours) {
      const k = kindOf(w.msg) as string;
      if (!beam.has(k)) continue;
      seen.add(k);
      expect(beam.get(k), `${k}: ${shape(w.msg)}`).toContain(shape(w.msg));
      // and it crosses the wire: our ETF encoder takes it, our decoder gives it back
      const back = decodeTerm(encodeTerm(w.msg));
      expect(back.ok && shape(back.term)).toBe(shape(w.msg));
    }
    expect([...seen].sort()).toEqual(['call del_lock', 'call register', 'call set_lock', 'call unregister', 'cast exchange', 'cast init_connect', 'cast lock_set', 'cast resolved', 'init_connect_ack']);
  });
});

describe("BEAM's pid order (the lockers' shared lock id depends on it)", () => {
  it('sorts as erl sorts: serial, then number, then node, then creation', () => {
    const p = (node: string, id: number, serial: number, creation: number) => new Pid(atom(node), id, serial, creation);
    // erl: lists:sort gave [<zzz 56.0>, <aaa 65.0>, <aaa 56.1>] and [aaa 56.0 (cre 1), aaa 56.0 (cre 2), bbb 56.0, zzz 56.0]
    const sorted = (ps: Pid[]) => [...ps].sort(compare);
    const [z56, a65, a56s1] = [p('zzz@x', 56, 0, 1), p('aaa@x', 65, 0, 1), p('aaa@x', 56, 1, 1)];
    expect(sorted([a56s1, a65, z56])).toEqual([z56, a65, a56s1]);
    const [a1, a2, b0, z1] = [p('aaa@x', 56, 0, 1), p('aaa@x', 56, 0, 2), p('bbb@x', 56, 0, 0), p('zzz@x', 56, 0, 1)];
    expect(sorted([z1, b0, a2, a1])).toEqual([a1, a2, b0, z1]);
  });
});
