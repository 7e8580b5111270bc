/**
 * Built-ins belong to a node: each node is assembled from its own list of modules, so two nodes
 * in one process can have different functions, and nothing one node has leaks to another (not
 * through a table, and not through compiled prelude code shared by a PreludeCache).
 */
import { describe, expect, it } from 'vitest';
import { atom, Binary } from '../term/types.ts';
import { NO_PROCESS } from './fun-transfer.ts';
import { Builtins, type BuiltinModule } from './builtins.ts';
import { PreludeCache } from './prelude-cache.ts';
import { standardModules } from './standard-modules.ts';
import { LangRuntime } from './vm-node.ts';
import { evalText, langNode } from './vm-test-helpers.ts';

/** A module `Greet` whose BIF answers `label`, with Elixir prelude code that calls it. */
function greetModule(label: string): BuiltinModule {
  return {
    name: 'greet',
    bifs: [{ module: 'Elixir.Greet', name: 'label', arity: 0, fn: () => Binary.fromString(label) }],
    prelude: 'defmodule Greet.Loud do\n  def hello, do: "hello " <> Greet.label()\nend',
  };
}

describe('a node has the built-ins it was assembled with', () => {
  it('two nodes in one process with different modules see different functions', () => {
    const withGreet = langNode([...standardModules, greetModule('one')]);
    const plain = langNode(standardModules);
    expect(evalText(withGreet, 'Greet.label()')).toBe('"one"');
    expect(evalText(withGreet, 'Greet.Loud.hello()')).toBe('"hello one"');
    // As iex words a call to a module that is not there.
    expect(evalText(plain, 'Greet.label()')).toMatch(/^\*\* \(UndefinedFunctionError\) function Greet\.label\/0 is undefined \(module Greet is not available\)/);
    expect(evalText(plain, 'Greet.Loud.hello()')).toMatch(/^\*\* \(UndefinedFunctionError\) function Greet\.Loud\.hello\/0 is undefined \(module Greet\.Loud is not available\)/);
  });

  it('a later module replaces an earlier BIF of the same name and arity', () => {
    const b = new Builtins([greetModule('first'), { name: 'again', bifs: greetModule('second').bifs }]);
    const bif = b.lookup('Elixir.Greet', 'label', 0);
    expect((bif?.fn([], undefined as never) as Binary).text).toBe('second');
    expect(b.moduleBifs('Elixir.Greet')).toHaveLength(1);
    expect(b.preludes().map((p) => p.name)).toEqual(['greet']);
  });
});

describe('PreludeCache', () => {
  const modules = (label: string) => [...standardModules, greetModule(label)];
  const loud = (rt: LangRuntime) => rt.modules.get('Elixir.Greet.Loud')?.functions.get('hello/0')?.code;
  const enumMap = (rt: LangRuntime) => rt.modules.get('Elixir.Enum')?.functions.get('map/2')?.code;

  /** `Greet.Loud.hello()` on `rt` (it never touches its process). */
  function hello(rt: LangRuntime): string | null {
    const m = rt.machine();
    m.startMfa(atom('Elixir.Greet.Loud'), atom('hello'), []);
    const r = m.run(NO_PROCESS, Infinity);
    if (r.type !== 'done') throw new Error(`hello: ${r.type}`);
    return (r.value as Binary).text;
  }

  it('shares compiled code between nodes whose built-ins resolve the same', () => {
    const cache = new PreludeCache();
    const a = new LangRuntime({ modules: modules('one'), preludeCache: cache });
    const b = new LangRuntime({ modules: modules('one').slice(), preludeCache: cache });
    expect(enumMap(a)).toBeDefined();
    expect(enumMap(b)).toBe(enumMap(a));
    const c = new LangRuntime({ modules: modules('one') });
    expect(enumMap(c)).not.toBe(enumMap(a));
  });

  it("compiles again where a BIF the code calls differs: no node runs another node's functions", () => {
    const cache = new PreludeCache();
    const one = new LangRuntime({ modules: modules('one'), preludeCache: cache });
    const two = new LangRuntime({ modules: modules('two'), preludeCache: cache });
    expect(hello(one)).toBe('hello one');
    expect(hello(two)).toBe('hello two');
    expect(loud(two)).not.toBe(loud(one));
    // Code that calls only the standard BIFs is still shared.
    expect(enumMap(two)).toBe(enumMap(one));
  });
});
