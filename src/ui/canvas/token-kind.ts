/**
 * What a token is and what it says: its kind (the legend's colours), its short label, and the
 * line the `messages in flight` list reads (`from → to: term`). Pure, tested in Node.
 */
import type { Term } from '../../core/term/types.ts';

/** message, link or exit signal, monitor DOWN, spawn request, I/O request (or reply), GenServer call and its reply. */
export type TokenKind = 'message' | 'exit' | 'down' | 'spawn' | 'io' | 'call' | 'reply';

/** The legend, in its order: colour and words. */
export const TOKEN_KINDS: readonly { readonly kind: TokenKind; readonly colour: string; readonly label: string }[] = [
  { kind: 'message', colour: '#0ea5e9', label: 'message' },
  { kind: 'exit', colour: '#ef4444', label: 'link or exit signal' },
  { kind: 'down', colour: '#a855f7', label: 'monitor DOWN' },
  { kind: 'spawn', colour: '#22c55e', label: 'spawn request' },
  { kind: 'io', colour: '#f59e0b', label: 'I/O request' },
  { kind: 'call', colour: '#ec4899', label: 'call' },
  { kind: 'reply', colour: '#14b8a6', label: 'reply' },
];

export const TOKEN_COLOUR: Readonly<Record<TokenKind, string>> = Object.fromEntries(TOKEN_KINDS.map((k) => [k.kind, k.colour])) as Record<TokenKind, string>;

const IO_TAGS: ReadonlySet<string> = new Set(['io_request', 'io_reply']);

/** The kind of a message by its shape: `{:EXIT, pid, reason}`, `{:DOWN, ref, :process, obj, reason}`, `{:io_request, …}`/`{:io_reply, …}`. */
export function messageKind(m: Term): TokenKind {
  if (typeof m !== 'object' || m.kind !== 'tuple') return 'message';
  const tag = m.elements[0];
  if (typeof tag !== 'object' || tag.kind !== 'atom') return 'message';
  if (tag.name === 'EXIT' && m.elements.length === 3) return 'exit';
  if (tag.name === 'DOWN' && m.elements.length === 5) return 'down';
  if (IO_TAGS.has(tag.name)) return 'io';
  if (tag.name === '$gen_call' && m.elements.length === 3) return 'call';
  return 'message';
}

/**
 * A call's reply as `gen` sends it (gen.erl, GenServer.reply/2): `{tag, reply}` where the tag
 * is the caller's `[:alias | monitor_ref]` (OTP 24+) or a bare reference (older callers, and
 * Task's `{ref, result}`, which is the same request/reply shape).
 */
export function isReply(m: Term): boolean {
  if (typeof m !== 'object' || m.kind !== 'tuple' || m.elements.length !== 2) return false;
  const tag = m.elements[0];
  if (typeof tag !== 'object') return false;
  if (tag.kind === 'ref') return true;
  return tag.kind === 'cons' && typeof tag.head === 'object' && tag.head.kind === 'atom' && tag.head.name === 'alias'
    && typeof tag.tail === 'object' && tag.tail.kind === 'ref';
}

/** A token's kind and the part of the term its label shows: a call's request, a reply's value. */
export function tokenOf(m: Term): { readonly kind: TokenKind; readonly shown: Term; readonly prefix: string } {
  const kind = messageKind(m);
  if (kind === 'call' && typeof m === 'object' && m.kind === 'tuple') return { kind, shown: m.elements[2] as Term, prefix: 'call ' };
  if (kind === 'message' && isReply(m) && typeof m === 'object' && m.kind === 'tuple') return { kind: 'reply', shown: m.elements[1] as Term, prefix: 'reply ' };
  return { kind, shown: m, prefix: '' };
}

/** Characters of the term a token's label shows before it is cut with `…`. */
export const LABEL_CHARS = 28;

/** A token's label: the term as printed, cut with `…` past `max` characters. */
export function tokenLabel(text: string, max: number = LABEL_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** One line of the `messages in flight` list. */
export function flightLine(from: string, to: string, text: string): string {
  return `${from} → ${to}: ${text}`;
}
