/** Three nodes and a process on each, for the recorder's tests. */
import { Pid, atom } from '../../core/term/types.ts';

export const A = atom('a@lab');
export const B = atom('b@lab');
export const C = atom('c@lab');
export const pa = new Pid(A, 80, 0, 1);
export const pb = new Pid(B, 81, 0, 1);
export const pc = new Pid(C, 82, 0, 1);
