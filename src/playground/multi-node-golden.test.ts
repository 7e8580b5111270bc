// Multi-node golden transcripts (src/core/lang/golden/multi-node/*.exs): sessions of real named
// iex nodes on one machine, typed in turn, replayed over the memory-transport classroom, one tab
// per node. Each prompt line says
// which node the line was typed on (`iex(a@vm)3> `); what that node printed must match, masked
// as the one-node goldens are (golden.ts), and the other tabs must print nothing meanwhile.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Classroom, type Tab } from './classroom.ts';
import { goldenBody, normalize, promptOf } from './golden.ts';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'core', 'lang', 'golden', 'multi-node');
const files = readdirSync(dir).filter((f) => f.endsWith('.exs'));

interface Step {
  readonly node: string;
  readonly typed: string;
  /** The prompt line and what the node printed after it. */
  readonly expected: string;
}

/** The transcript as typed steps: each prompt line starts one. */
function stepsOf(body: string): Step[] {
  const steps: { node: string; typed: string; lines: string[] }[] = [];
  for (const line of body.split('\n')) {
    const p = promptOf(line);
    const node = p === undefined ? undefined : /\(([^)]+@[^)]+)\)/.exec(p)?.[1];
    if (p !== undefined && node !== undefined) steps.push({ node, typed: line.slice(p.length), lines: [line] });
    else steps[steps.length - 1]?.lines.push(line);
  }
  return steps.map((s) => ({ node: s.node, typed: s.typed, expected: s.lines.join('\n') }));
}

describe('multi-node golden transcripts', () => {
  it('has files', () => {
    expect(files.length).toBeGreaterThan(0);
  });
  for (const file of files) {
    it(file, () => {
      const steps = stepsOf(goldenBody(readFileSync(path.join(dir, file), 'utf8')));
      const room = new Classroom();
      const tabs = new Map<string, Tab>();
      for (const s of steps) {
        if (!tabs.has(s.node)) {
          const [sname, host] = s.node.split('@') as [string, string];
          tabs.set(s.node, room.open(sname, { host }));
        }
      }
      for (const t of tabs.values()) t.take();
      const diffs: string[] = [];
      for (const s of steps) {
        const tab = tabs.get(s.node) as Tab;
        room.type(tab, s.typed);
        const got = tab.take();
        if (normalize(got) !== normalize(s.expected)) diffs.push(`--- iex:\n${s.expected}\n+++ ours:\n${got}`);
        for (const [name, other] of tabs) {
          const extra = other === tab ? '' : other.take();
          if (extra !== '') diffs.push(`${name} printed while ${s.node} ran ${s.typed}:\n${extra}`);
        }
      }
      expect(diffs.join('\n\n')).toBe('');
    });
  }
});
