/**
 * :ets beyond the golden transcript (golden/28-ets.exs): walks over a big table trap like
 * BEAM's BIFs, the node's tables are bounded, a table passes to its heir, and hostile match
 * specs are badarg, never a crashed node.
 */
import { describe, expect, it } from 'vitest';
import { standardModules } from '../standard-modules.ts';
import { evalText, expectNeverHoldsScheduler, langNode, spawnEval, type LangTestNode } from '../vm-test-helpers.ts';
import { etsModule } from './bifs.ts';
import { EtsStore } from './store.ts';
import { persistentTermModule } from './persistent-term.ts';

function etsNode(limitWords?: number): LangTestNode {
  let t: LangTestNode | null = null;
  const store = new EtsStore(
    (pid) => t?.node.processApi(pid),
    (to, m) => t?.node.send(to, m),
    limitWords,
  );
  t = langNode([...standardModules, etsModule(store), persistentTermModule(limitWords)]);
  return t;
}

/** A public named table owned by a process that stays alive (each evalText is a process of its own). */
function keptTable(t: LangTestNode, name: string, opts = ''): void {
  evalText(t, `parent = self()
    spawn(fn -> :ets.new(:${name}, [:public, :named_table${opts}]); send(parent, :made); receive do :never -> :ok end end)
    receive do :made -> :ok end`);
}

function bigTable(t: LangTestNode): void {
  keptTable(t, 'big');
  expect(evalText(t, ':ets.insert(:big, Enum.map(1..60_000, fn i -> {i, i * 2} end))')).toBe('true');
}

describe(':ets', () => {
  it.each([
    ['tab2list', 'length(:ets.tab2list(:big))'],
    ['select', 'length(:ets.select(:big, [{{:"$1", :"$2"}, [{:>, :"$2", 10}], [:"$1"]}]))'],
    ['match_object', 'length(:ets.match_object(:big, {:_, :_}))'],
    ['select_count', ':ets.select_count(:big, [{{:_, :"$1"}, [{:is_integer, :"$1"}], [true]}])'],
    ['foldl', ':ets.foldl(fn {_, v}, acc -> acc + v end, 0, :big)'],
    // a chunk whose matches are rare walks far: it traps too (chunks.ts)
    ['select/3', ':ets.select(:big, [{{:"$1", :"$2"}, [{:>, :"$2", 119_990}], [:"$1"]}], 10)'],
  ])('%s over 60,000 objects never holds the scheduler', (_name, walkExpr) => {
    const t = etsNode();
    bigTable(t);
    expectNeverHoldsScheduler(t, spawnEval(t, walkExpr));
  });

  it('walks give the right answers once done', () => {
    const t = etsNode();
    bigTable(t);
    expect(evalText(t, ':ets.select_count(:big, [{{:_, :"$1"}, [{:>, :"$1", 100_000}], [true]}])')).toBe('10000');
    expect(evalText(t, ':ets.foldl(fn {k, _}, acc -> acc + k end, 0, :big)')).toBe(String((60_000 * 60_001) / 2));
    expect(evalText(t, ':ets.select_delete(:big, [{{:_, :"$1"}, [{:>, :"$1", 100}], [true]}])')).toBe('59950');
    expect(evalText(t, ':ets.info(:big, :size)')).toBe('50');
  });

  it("bounds the node's tables: past the limit an insert is :system_limit and the node goes on", () => {
    const t = etsNode(50_000);
    keptTable(t, 't');
    const err = evalText(t, 'Enum.each(1..10_000, fn i -> :ets.insert(:t, {i, "some text here", [1, 2, 3]}) end)');
    expect(err).toBe('** (SystemLimitError) a system limit has been reached');
    const size = Number(evalText(t, ':ets.info(:t, :size)'));
    expect(size).toBeGreaterThan(1000);
    expect(size).toBeLessThan(10_000);
    // Deleting frees room again.
    expect(evalText(t, ':ets.delete_all_objects(:t); :ets.insert(:t, {:again, 1})')).toBe('true');
    expect(evalText(t, ':persistent_term.put(:big, List.duplicate(:x, 60_000))')).toBe('** (SystemLimitError) a system limit has been reached');
  });

  it('gives a table to its heir when the owner dies, with the ETS-TRANSFER message', () => {
    const t = etsNode();
    const out = evalText(
      t,
      `heir = self()
       owner = spawn(fn -> :ets.new(:kept, [:named_table, {:heir, heir, :my_data}]); :ets.insert(:kept, {:a, 1}); exit(:bye) end)
       receive do {:"ETS-TRANSFER", tab, from, data} -> {tab, from == owner, data, :ets.info(:kept, :owner) == self(), :ets.lookup(:kept, :a)} after 100 -> :none end`,
    );
    expect(out).toBe('{:kept, true, :my_data, true, [a: 1]}');
  });

  it('deletes the tables of a dead owner before its links hear of it', () => {
    const t = etsNode();
    const out = evalText(
      t,
      `Process.flag(:trap_exit, true)
       pid = spawn_link(fn -> :ets.new(:gone, [:named_table]); exit(:bye) end)
       receive do {:EXIT, ^pid, :bye} -> :ets.info(:gone) end`,
    );
    expect(out).toBe(':undefined');
  });

  it('refuses hostile match specs and patterns with badarg', () => {
    const t = etsNode();
    keptTable(t, 'h');
    evalText(t, ':ets.insert(:h, {1, 2})');
    const deep = 'Enum.reduce(1..5000, :"$1", fn _, acc -> {acc} end)';
    expect(evalText(t, `:ets.select(:h, [{${deep}, [], [:"$_"]}])`)).toContain('2nd argument: not a valid match specification');
    expect(evalText(t, `:ets.match(:h, ${deep})`)).toContain('2nd argument: not a valid match pattern');
    expect(evalText(t, ':ets.select(:h, [{:_, [{:erlang_halt}], [true]}])')).toContain('not a valid match specification');
    expect(evalText(t, ':ets.select(:h, [{{:"$1", :"$2"}, [{:>, {:div, :"$1", 0}, 1}], [:"$1"]}])')).toBe('[]');
    expect(evalText(t, ':ets.select(:h, [{{:"$1", :"$2"}, [], [{:div, :"$1", 0}]}])')).toBe('[:EXIT]');
    expect(evalText(t, ':ets.select(:h, [{{:"$1", :"$2"}, [], [:"$3"]}])')).toBe('[:EXIT]');
  });

  it('keeps each node its own tables', () => {
    const a = etsNode();
    const b = etsNode();
    keptTable(a, 'mine');
    expect(evalText(a, ':ets.info(:mine, :size)')).toBe('0');
    expect(evalText(b, ':ets.info(:mine)')).toBe(':undefined');
  });
});

describe(':ets traversal', () => {
  it('first/next walks a set table once, in insertion order, each key once', () => {
    const t = etsNode();
    const out = evalText(
      t,
      `t = :ets.new(:walk, [])
       :ets.insert(t, Enum.map(1..20_000, fn i -> {i, i} end))
       walk = fn
         _, :"$end_of_table", acc -> acc
         f, k, acc -> f.(f, :ets.next(t, k), acc + k)
       end
       {walk.(walk, :ets.first(t), 0), :ets.next(t, 7), :ets.prev(t, 7), :ets.last(t)}`,
    );
    expect(out).toBe(`{${(20_000 * 20_001) / 2}, 8, 6, 20000}`);
  });

  it('continuations walk a big table chunk by chunk to the end, each chunk right', () => {
    const t = etsNode();
    keptTable(t, 'ord', ', :ordered_set');
    evalText(t, ':ets.insert(:ord, Enum.map(1..5_000, fn i -> {i, rem(i, 7)} end))');
    const out = evalText(t, `
      walk = fn w, r, acc -> case r do
        :"$end_of_table" -> acc
        {keys, c} -> w.(w, :ets.select(c), acc ++ [length(keys)])
      end end
      sizes = walk.(walk, :ets.select(:ord, [{{:"$1", 0}, [], [:"$1"]}], 100), [])
      {length(sizes), Enum.sum(sizes), Enum.uniq(Enum.drop(sizes, -1)) == [100]}`);
    expect(out).toBe('{8, 714, true}');
  });

  it('a forged or stale continuation is invalid, never a crash', () => {
    const t = etsNode();
    keptTable(t, 'f', ', :ordered_set');
    evalText(t, ':ets.insert(:f, [{1, :a}, {2, :b}, {3, :c}])');
    const invalid = '** (ArgumentError) errors were found at the given arguments:\n\n  * 1st argument: invalid continuation\n';
    for (const forged of [
      '{:"$ets_cont", :select, :f, [{{:"$1", :_}, [], [:"$1"]}], 1, 0, nil}', // limit out of range
      '{:"$ets_cont", :select, :f, [{{:"$1", :_}, [], [:"$1"]}], 1, 1.5, nil}', // not an integer
      '{:"$ets_cont", :match, :f, {:"$1", :_}, 1, 1, nil}', // a match continuation given to select
      '{:"$ets_cont", :select, :f, :not_a_spec, 1, 1, nil}',
      '{:"$ets_cont", :select, :no_such_table, [{{:"$1", :_}, [], [:"$1"]}], 1, 1, nil}',
      '{:"$ets_cont", :select, :f, [{{:"$1", :_}, [], [:"$1"]}], 1, 1, -1}', // a mark out of range
      '{:"$ets_cont", :select, :f, [{{:"$1", :_}, [], [:"$1"]}], 1, 1, :x}',
      '{:"$ets_cont", :select, :f, [{{:"$1", :_}, [], [:"$1"]}], 1, 1}',
    ]) expect(evalText(t, `:ets.select(${forged})`).startsWith(invalid)).toBe(true);
    // a key deleted under a continuation: the walk ends, nothing is skipped twice or crashes
    expect(evalText(t, '{[1], c} = :ets.select(:f, [{{:"$1", :_}, [], [:"$1"]}], 1); :ets.delete(:f, 1); :ets.select(c)')).toBe('{[2], {:"$ets_cont", :select, :f, [{{:"$1", :_}, [], [:"$1"]}], 2, 1, nil}}');
  });

  it('a hash table\'s continuation loses nothing when the keys it returned are deleted (as OTP 25: 7 of 10 left, 7 seen)', () => {
    for (const type of [':set', ':bag', ':duplicate_bag']) {
      const t = etsNode();
      keptTable(t, 'h', `, ${type}`);
      evalText(t, 'for i <- 1..10, do: :ets.insert(:h, {i})');
      const walked = '{l, c} = :ets.match_object(:h, {:_}, 3); for {k} <- l, do: :ets.delete(:h, k); w = fn w, c, n -> case :ets.match_object(c) do :"$end_of_table" -> n; {l, c2} -> w.(w, c2, n + length(l)) end end; w.(w, c, 0)';
      expect(evalText(t, walked)).toBe('7');
    }
  });
});
