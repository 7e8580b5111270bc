/**
 * What a token is and what it says: its kind (the legend's colours), its short label, and the
 * line the `messages in flight` list reads (`from → to: term`). Pure, tested in Node.
 */
import type { Term } from '../../core/term/types.ts';

/** message, link or exit signal, monitor DOWN, spawn request, I/O request (or reply). */
export type TokenKind = 'message' | 'exit' | 'down' | 'spawn' | 'io';

/** The legend, in its order: colour and words. */
export const TOKEN_KINDS: readonly { readonly kind: TokenKind; readonly colour: string; readonly label: string }[] = [
  { kind: 'message', colour: '#0ea5e9', label: 'message' },
  { kind: 'exit', colour: '#ef4444', label: 'link or exit signal' },
  { kind: 'down', colour: '#a855f7', label: 'monitor DOWN' },
  { kind: 'spawn', colour: '#22c55e', label: 'spawn request' },
  { kind: 'io', colour: '#f59e0b', label: 'I/O request' },
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
  return 'message';
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
