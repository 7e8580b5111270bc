/**
 * An I/O server process: the node's standard group leader is one, writing to the node's stdout
 * sink. It answers put_chars (with or without an encoding, and batched `{:requests, [...]}`)
 * with `:ok`; requests it does not know get `{:error, :request}`, as Erlang's io servers reply.
 * Input requests (get_line...) belong to the shell's group leader, which is another process.
 */
import { Tuple, atom } from '../term/types.ts';
import type { Atom, Term } from '../term/types.ts';
import { FormatError, ioLibFormat } from '../term/io-lib-format.ts';
import type { OutputSink } from '../ports.ts';
import type { ProcessBody } from './process-body.ts';
import { loopBody } from './bodies.ts';
import { IO_REQUEST, LATIN1, PUT_CHARS, REQUESTS, chardataToString, ioReply, latin1ToString } from './io-protocol.ts';

const OK = atom('ok');
const ERROR = atom('error');
const REQUEST = atom('request');
const NO_TRANSLATION = atom('no_translation');

const IO_LIB = atom('io_lib');
const FORMAT = atom('format');

/**
 * `{:put_chars, enc, :io_lib, :format, [format, args]}` (what `:io.format(device, ...)`
 * sends): the text is made here, on the server's node, so pids in it carry this node's
 * numbers, as with a real remote group leader.
 */
function formatHere(req: Tuple, nodeNumber: (node: Atom) => number): string | null {
  const [, , m, f, a] = req.elements;
  if (m !== IO_LIB || f !== FORMAT || typeof a !== 'object' || a.kind !== 'cons' || typeof a.tail !== 'object' || a.tail.kind !== 'cons') return null;
  try {
    return ioLibFormat(a.head, a.tail.head, { nodeNumber });
  } catch (e) {
    if (e instanceof FormatError) return null;
    throw e;
  }
}

/** Handles one request; returns the reply term. */
export function handleIoRequest(req: Term, write: OutputSink, nodeNumber: (node: Atom) => number = () => 0): Term {
  if (!(req instanceof Tuple)) return new Tuple([ERROR, REQUEST]);
  const [tag, a, b] = req.elements;
  if (tag === PUT_CHARS && req.size === 5) {
    const text = formatHere(req, nodeNumber);
    if (text === null) return new Tuple([ERROR, req]);
    write(text);
    return OK;
  }
  if (tag === PUT_CHARS && (req.size === 2 || req.size === 3)) {
    const enc = req.size === 3 ? a : atom('unicode');
    const chars = req.size === 3 ? b : a;
    const text = enc === LATIN1 ? latin1ToString(chars as Term) : chardataToString(chars as Term);
    if (text === null) return new Tuple([ERROR, NO_TRANSLATION]);
    write(text);
    return OK;
  }
  if (tag === REQUESTS && req.size === 2) {
    let reply: Term = OK;
    for (let l = a as Term; typeof l === 'object' && l.kind === 'cons'; l = l.tail) {
      reply = handleIoRequest(l.head, write, nodeNumber);
      if (reply !== OK) break;
    }
    return reply;
  }
  return new Tuple([ERROR, REQUEST]);
}

/** A group leader that writes what it is asked to print to `write`. */
export function ioServerBody(write: OutputSink, nodeNumber: (node: Atom) => number = () => 0): ProcessBody {
  return loopBody<null>(
    null,
    (msg, state, proc) => {
      if (msg instanceof Tuple && msg.size === 4 && msg.elements[0] === IO_REQUEST) {
        const [, from, replyAs, req] = msg.elements as [Term, Term, Term, Term];
        const reply = handleIoRequest(req, write, nodeNumber);
        if (typeof from === 'object' && from.kind === 'pid') proc.send(from, ioReply(replyAs, reply));
      }
      // anything else is ignored, as the user io server does
      return state;
    },
    ['group', 'server_loop', 3],
  );
}
