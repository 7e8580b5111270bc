import { describe, expect, test } from 'vitest';
import { parse } from '../../parser.ts';
import type { Expr } from '../../ast.ts';
import { Builtins } from '../../builtins.ts';
import { standardModules } from '../../standard-modules.ts';

const preludeSources = () => new Builtins(standardModules).preludes();

/** name/arity of every def in a parsed prelude module body. */
function defs(e: Expr): string[] {
  if (e.kind === 'defmodule') return defs(e.body);
  if (e.kind === 'block') return e.exprs.flatMap(defs);
  if (e.kind === 'def' && !e.private) return [`${e.name}/${e.clause.params.length}`];
  return [];
}

describe('prelude sources', () => {
  test('are registered and parse', () => {
    const names = preludeSources().map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['enum', 'collections']));
    for (const p of preludeSources()) {
      const r = parse(p.source);
      if (!r.ok) throw new Error(`${p.name}: ${r.error.line}:${r.error.column} ${r.error.message}`);
    }
  });

  test('define the higher-order Enum functions', () => {
    const src = preludeSources().find((p) => p.name === 'enum');
    const r = parse(src?.source ?? '');
    if (!r.ok) throw new Error(r.error.message);
    const all = new Set(defs(r.expr));
    for (const f of ['map/2', 'each/2', 'reduce/2', 'reduce/3', 'filter/2', 'reject/2', 'find/2', 'find/3', 'any?/2', 'all?/2',
      'max_by/2', 'min_by/2', 'uniq_by/2', 'flat_map/2', 'map_join/3', 'with_index/2', 'reduce_while/3', 'group_by/2',
      'sort/2', 'sort_by/2', 'sort_by/3', 'into/3', 'count/2', 'find_index/2']) {
      expect(all.has(f), f).toBe(true);
    }
  });
});
