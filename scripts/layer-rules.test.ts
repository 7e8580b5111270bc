// The layer rules of .dependency-cruiser.cjs bite: each is run over a small tree that breaks it
// (and one that keeps it), written to a temporary folder.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cruise, type IForbiddenRuleType } from 'dependency-cruiser';

const rules = createRequire(import.meta.url)('../.dependency-cruiser.cjs') as { forbidden: IForbiddenRuleType[] };
const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

/** The rules broken by a tree of `files` (path → source), as `rule: from → to`. */
async function broken(files: Record<string, string>): Promise<string[]> {
  const root = mkdtempSync(path.join(tmpdir(), 'layer-rules-'));
  roots.push(root);
  for (const [file, source] of Object.entries(files)) {
    mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
    writeFileSync(path.join(root, file), source);
  }
  const dirs = [...new Set(Object.keys(files).map((f) => f.split('/')[0] as string))];
  const result = await cruise(dirs, { baseDir: root, validate: true, ruleSet: { forbidden: rules.forbidden }, tsPreCompilationDeps: true });
  if (typeof result.output === 'string') throw new Error('expected a cruise result');
  return result.output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
}

const use = (from: string, name = 'x') => `import { ${name} } from '${from}';\nexport const y = ${name};\n`;
const leaf = 'export const x = 1;\n';

describe('layer rules (dependency-cruiser)', () => {
  it('let imports point down: ui → playground → distribution → core', async () => {
    expect(
      await broken({
        'src/ui/a.ts': use('../playground/b.ts', 'y'),
        'src/playground/b.ts': use('../distribution/c.ts', 'y'),
        'src/distribution/c.ts': use('../core/d.ts'),
        'src/core/d.ts': leaf,
      }),
    ).toEqual([]);
  });

  it('refuse imports that point up', async () => {
    expect(
      await broken({
        'src/core/a.ts': use('../distribution/b.ts'),
        'src/distribution/b.ts': use('../playground/c.ts'),
        'src/playground/c.ts': use('../ui/d.ts'),
        'src/ui/d.ts': leaf,
      }),
    ).toEqual([
      'core-is-the-base: src/core/a.ts → src/distribution/b.ts',
      'distribution-below-playground: src/distribution/b.ts → src/playground/c.ts',
      'playground-below-ui: src/playground/c.ts → src/ui/d.ts',
    ]);
  });

  it('refuse built-ins importing the compiler, a run-time cycle, and e2e and bench importing each other', async () => {
    expect(
      await broken({
        'src/core/lang/bifs-x.ts': use('./compiler.ts'),
        'src/core/lang/compiler.ts': leaf,
        'src/core/term/p.ts': use('./q.ts'),
        'src/core/term/q.ts': use('./p.ts', 'y').replace('export const y', 'export const x'),
        'e2e/a.ts': use('../bench/b.ts'),
        'bench/b.ts': leaf,
      }),
    ).toEqual([
      'builtins-without-compiler: src/core/lang/bifs-x.ts → src/core/lang/compiler.ts',
      'e2e-not-bench: e2e/a.ts → bench/b.ts',
      'no-circular: src/core/term/p.ts → src/core/term/q.ts',
    ]);
  });

  it('let type-only imports refer back (no run-time cycle)', async () => {
    expect(
      await broken({
        'src/core/term/p.ts': "import type { Q } from './q.ts';\nexport type P = { q: Q };\nexport const p = 1;\n",
        'src/core/term/q.ts': "import { p } from './p.ts';\nexport type Q = number;\nexport const q = p;\n",
      }),
    ).toEqual([]);
  });

  it('let the parser recurse across its own files, never out of them', async () => {
    const cycle = (a: string, b: string) => ({
      [`src/core/lang/${a}.ts`]: use(`./${b}.ts`),
      [`src/core/lang/${b}.ts`]: use(`./${a}.ts`, 'y').replace('export const y', 'export const x'),
    });
    expect(await broken(cycle('parser', 'parser-exprs'))).toEqual([]);
    expect(await broken(cycle('parser', 'vm'))).toEqual([
      'no-circular-out-of-unit-1: src/core/lang/parser.ts → src/core/lang/vm.ts',
      'no-circular: src/core/lang/vm.ts → src/core/lang/parser.ts',
    ]);
  });
});
