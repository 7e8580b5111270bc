import { describe, expect, it } from 'vitest';
import { Classroom, type Tab } from './classroom.ts';

/** Types `line` and returns what the tab printed for it (echo and prompt removed). */
function run(room: Classroom, tab: Tab, line: string): string {
  tab.take();
  room.type(tab, line);
  return tab.take().replace(/^iex\([^)]*\)\d+> [^\n]*\n/u, '');
}

describe('a teacher started with --connect-all false runs a star', () => {
  // As `iex --sname teacher --connect-all false` with students connecting to it: on OTP 25 the
  // students' Node.list holds only the teacher (global.erl meshes only when both ends have it on).
  it('students see only the teacher; the teacher sees them all; a student may still connect on purpose', () => {
    const room = new Classroom();
    const teacher = room.open('teacher', { connectAll: false });
    const students = ['s1', 's2', 's3'].map((s) => room.open(s));
    for (const s of students) expect(run(room, s, 'Node.connect :teacher@vm')).toBe('true\n');
    room.advance(1000);
    expect(run(room, teacher, 'Node.list')).toBe('[:s1@vm, :s2@vm, :s3@vm]\n');
    for (const s of students) expect(run(room, s, 'Node.list')).toBe('[:teacher@vm]\n');
    const [s1, , s3] = students as [Tab, Tab, Tab];
    expect(run(room, s1, 'Node.connect :s2@vm')).toBe('true\n');
    room.advance(1000);
    // s1 and s2 both mesh, but what they learn from each other is only each other (the teacher
    // they share already): s3 stays out of their lists (global.erl's sync exchanges the nodes each side knows).
    expect(run(room, s1, 'Node.list')).toBe('[:teacher@vm, :s2@vm]\n');
    expect(run(room, s3, 'Node.list')).toBe('[:teacher@vm]\n');
  });

  it('without the flag the same connects make the full mesh', () => {
    const room = new Classroom();
    const teacher = room.open('teacher');
    const students = ['s1', 's2', 's3'].map((s) => room.open(s));
    for (const s of students) expect(run(room, s, 'Node.connect :teacher@vm')).toBe('true\n');
    room.advance(1000);
    expect(run(room, teacher, 'Node.list')).toBe('[:s1@vm, :s2@vm, :s3@vm]\n');
    for (const s of students) expect(run(room, s, 'Node.list').split(',').length).toBe(3);
  });
});
