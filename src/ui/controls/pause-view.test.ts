import { describe, expect, it } from 'vitest';
import { Pid, Tuple, atom } from '../../core/term/types.ts';
import { heldLine, pauseBanner, NOT_PAUSED } from './pause-view.ts';

const two = atom('two@lab');
const numbers = (n: { name: string }) => (n.name === 'two@lab' ? 2 : 0);
const from = new Pid(two, 110, 0, 1);

describe('the held list\'s words', () => {
  it('a message: sender → receiver: term, pids as this tab numbers them', () => {
    expect(heldLine({ kind: 'message', from, to: new Tuple([atom('sink'), atom('three@lab')]), term: atom('first'), bytes: 60 }, numbers)).toBe('#PID<2.110.0> → {:sink, :three@lab}: :first');
  });
  it('other signals say their kind; a term too big to tell gives its size; a long one is cut with …', () => {
    expect(heldLine({ kind: 'link', from, to: from, term: null, bytes: 30 }, numbers)).toBe('link #PID<2.110.0> → #PID<2.110.0>');
    expect(heldLine({ kind: 'message', from, to: from, term: null, bytes: 9000 }, numbers)).toBe('#PID<2.110.0> → #PID<2.110.0>: (9000 bytes)');
    const long = heldLine({ kind: 'message', from: null, to: from, term: atom('x'.repeat(100)), bytes: 200 }, numbers);
    expect(long.startsWith('? → #PID<2.110.0>: :xxx')).toBe(true);
    expect(long.endsWith('…')).toBe(true);
  });
  it('the banner names whose pause it is, this tab\'s own when nobody else\'s', () => {
    expect(pauseBanner({ ...NOT_PAUSED, holding: true, by: 'teacher@lab', heldHere: 3 }, 'two@lab')).toBe('paused by teacher@lab – 3 held here');
    expect(pauseBanner({ ...NOT_PAUSED, holding: true, heldHere: 0 }, 'two@lab')).toBe('paused by two@lab – 0 held here');
  });
});
