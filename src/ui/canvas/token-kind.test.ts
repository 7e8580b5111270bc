import { describe, expect, it } from 'vitest';
import { Pid, Tuple, atom } from '../../core/term/types.ts';
import { flightLine, messageKind, tokenLabel, TOKEN_KINDS } from './token-kind.ts';

const pid = new Pid(atom('one@lab'), 100, 0, 1);

describe('token kinds and labels', () => {
  it('tells exits, DOWNs and I/O from other messages by their shape', () => {
    expect(messageKind(atom('hello'))).toBe('message');
    expect(messageKind(new Tuple([atom('EXIT'), pid, atom('normal')]))).toBe('exit');
    expect(messageKind(new Tuple([atom('DOWN'), atom('r'), atom('process'), pid, atom('normal')]))).toBe('down');
    expect(messageKind(new Tuple([atom('io_request'), pid, atom('r'), atom('x')]))).toBe('io');
    expect(messageKind(new Tuple([atom('EXIT'), pid]))).toBe('message'); // not the signal's shape
  });

  it('cuts a long term with …, keeps a short one whole', () => {
    expect(tokenLabel('{:ping, #PID<0.100.0>}')).toBe('{:ping, #PID<0.100.0>}');
    const cut = tokenLabel('{:a_rather_long_tag, "and a long string with it"}');
    expect(cut).toHaveLength(28);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('reads a flight as from → to: term; the legend has the five kinds', () => {
    expect(flightLine('#PID<0.110.0>', '#PID<0.111.0>', ':hello')).toBe('#PID<0.110.0> → #PID<0.111.0>: :hello');
    expect(TOKEN_KINDS.map((k) => k.label)).toEqual(['message', 'link or exit signal', 'monitor DOWN', 'spawn request', 'I/O request']);
  });
});
