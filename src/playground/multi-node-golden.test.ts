/**
 * Multi-node golden transcripts (src/core/lang/golden/multi-node/): sessions of real named iex
 * nodes replayed over the classroom's memory transport, one tab per node, the nodes typing
 * their lines in the order they did for real. Each tab's screen must match its node's file,
 * masked as golden.ts masks the single-node files.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Classroom } from './classroom.ts';
import { blocks, goldenBody, normalize, typedLines } from './golden.ts';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'core', 'lang', 'golden', 'multi-node');

/** Each session: its file prefix and its nodes in the order they typed. */
const SESSIONS = [{ prefix: '30-rpc', nodes: ['two', 'one'] }];

describe('multi-node golden transcripts', () => {
  for (const { prefix, nodes } of SESSIONS) {
    it(`${prefix}: ${nodes.join(', ')}`, () => {
      const room = new Classroom();
      const tabs = nodes.map((n) => room.open(n));
      const expected = nodes.map((n) => goldenBody(readFileSync(path.join(dir, `${prefix}.${n}.exs`), 'utf8')));
      tabs.forEach((tab, i) => {
        for (const line of typedLines(expected[i] as string)) room.type(tab, line);
      });
      tabs.forEach((tab, i) => {
        const want = blocks(normalize(expected[i] as string));
        const got = blocks(normalize(tab.output()));
        expect(got.slice(0, want.length), `${prefix}.${nodes[i]}.exs`).toEqual(want);
      });
    });
  }
});
