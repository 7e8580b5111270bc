import { describe, expect, it } from 'vitest';
import { LangRuntime } from '../../core/lang/vm-node.ts';
import { standardModules } from '../../core/lang/standard-modules.ts';
import { atom, Binary, tuple } from '../../core/term/types.ts';
import { astToTerm } from '../../core/lang/ast-terms.ts';
import { parse } from '../../core/lang/parser.ts';
import { loadModuleSource } from './code-server.ts';

describe('loadModuleSource', () => {
  it('compiles a defmodule form sent as a term and loads it', () => {
    const rt = new LangRuntime({ modules: standardModules });
    const parsed = parse('defmodule Greeter do\n  @who "world"\n  def hi, do: "hello " <> @who\nend');
    if (!parsed.ok) throw new Error('parse');
    expect(loadModuleSource(astToTerm(parsed.expr), rt)).toEqual(tuple(atom('module'), atom('Elixir.Greeter')));
    expect(rt.modules.get('Elixir.Greeter')?.functions.has('hi/0')).toBe(true);
    expect(rt.modules.get('Elixir.Greeter')?.source.name).toBe('Elixir.Greeter');
  });

  it('answers {:error, :badfile} for anything that is not a defmodule form', () => {
    const rt = new LangRuntime({ modules: standardModules });
    const bad = tuple(atom('error'), atom('badfile'));
    expect(loadModuleSource(atom('junk'), rt)).toEqual(bad);
    expect(loadModuleSource(tuple(1, 2), rt)).toEqual(bad);
    expect(loadModuleSource(astToTerm({ kind: 'atom', pos: { line: 1, column: 1 }, name: 'x' }), rt)).toEqual(bad);
    expect(loadModuleSource(Binary.fromString('defmodule X do end'), rt)).toEqual(bad);
  });
});
