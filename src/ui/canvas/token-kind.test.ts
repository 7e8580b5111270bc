import { describe, expect, it } from 'vitest';
import { Cons, Pid, Ref, Tuple, atom } from '../../core/term/types.ts';
import { flightLine, messageKind, tokenLabel, tokenOf, TOKEN_KINDS } from './token-kind.ts';

const pid = new Pid(atom('one@lab'), 100, 0, 1);

describe('token kinds and labels', () => {
  it('tells exits, DOWNs and I/O from other messages by their shape', () => {
    expect(messageKind(atom('hello'))).toBe('message');
    expect(messageKind(new Tuple([atom('EXIT'), pid, atom('normal')]))).toBe('exit');
    expect(messageKind(new Tuple([atom('DOWN'), atom('r'), atom('process'), pid, atom('normal')]))).toBe('down');
    expect(messageKind(new Tuple([atom('io_request'), pid, atom('r'), atom('x')]))).toBe('io');
    expect(messageKind(new Tuple([atom('EXIT'), pid]))).toBe('message'); // not the signal's shape
  });

  it('reads a GenServer call as its request and the reply as its value', () => {
    const ref = new Ref(atom('one@lab'), 1, [1, 2, 3]);
    const tag = new Cons(atom('alias'), ref);
    const call = tokenOf(new Tuple([atom('$gen_call'), new Tuple([pid, tag]), atom('get')]));
    expect(call).toEqual({ kind: 'call', shown: atom('get'), prefix: 'call ' });
    expect(tokenOf(new Tuple([tag, 42]))).toEqual({ kind: 'reply', shown: 42, prefix: 'reply ' });
    expect(tokenOf(new Tuple([ref, atom('ok')])).kind).toBe('reply'); // a bare-ref tag (Task's reply too)
    expect(tokenOf(new Tuple([atom('alias'), 42])).kind).toBe('message'); // not a tag
    expect(tokenOf(new Tuple([new Cons(atom('other'), ref), 42])).kind).toBe('message');
    expect(tokenOf(new Tuple([atom('$gen_cast'), atom('inc')])).kind).toBe('message');
  });

  it('cuts a long term with …, keeps a short one whole', () => {
    expect(tokenLabel('{:ping, #PID<0.100.0>}')).toBe('{:ping, #PID<0.100.0>}');
    const cut = tokenLabel('{:a_rather_long_tag, "and a long string with it"}');
    expect(cut).toHaveLength(28);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('reads a flight as from → to: term; the legend has the seven kinds', () => {
    expect(flightLine('#PID<0.110.0>', '#PID<0.111.0>', ':hello')).toBe('#PID<0.110.0> → #PID<0.111.0>: :hello');
    expect(TOKEN_KINDS.map((k) => k.label)).toEqual(['message', 'link or exit signal', 'monitor DOWN', 'spawn request', 'I/O request', 'call', 'reply']);
  });
});
