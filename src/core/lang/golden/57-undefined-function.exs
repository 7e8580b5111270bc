# UndefinedFunctionError as Elixir 1.14 makes it: `rescue` leaves reason and message nil (catch sees the bare :undef, a monitor {:undef, [{Foo, :bar, [1], []}]}), Exception.message/1 words it from the module table when asked, and the prompt blames it (Exception.blame/3): "did you mean" for a loaded module, the dot-syntax hint for nil.foo(), the message recomputed whatever the struct holds. Crash reports word it without hints. Captured from piped input.
# stacks: compared
iex(1)> Foo.bar()
** (UndefinedFunctionError) function Foo.bar/0 is undefined (module Foo is not available)
    Foo.bar()
iex(1)> String.upcase()
** (UndefinedFunctionError) function String.upcase/0 is undefined or private. Did you mean:

      * upcase/1
      * upcase/2

    (elixir 1.14.0) String.upcase()
iex(1)> String.upcas("a")
** (UndefinedFunctionError) function String.upcas/1 is undefined or private. Did you mean:

      * upcase/1
      * upcase/2

    (elixir 1.14.0) String.upcas("a")
iex(1)> Enum.mapp([1], 2)
** (UndefinedFunctionError) function Enum.mapp/2 is undefined or private. Did you mean:

      * map/2

    (elixir 1.14.0) Enum.mapp([1], 2)
iex(1)> :lists.revers([1])
** (UndefinedFunctionError) function :lists.revers/1 is undefined or private. Did you mean:

      * reverse/1
      * reverse/2

    (stdlib 4.2) :lists.revers([1])
iex(1)> x = nil
nil
iex(2)> x.foo()
** (UndefinedFunctionError) function nil.foo/0 is undefined. If you are using the dot syntax, such as module.function(), make sure the left-hand side of the dot is a module atom
    nil.foo()
iex(2)> x.foo(1)
** (UndefinedFunctionError) function nil.foo/1 is undefined
    nil.foo(1)
iex(2)> defmodule M do
...(2)>   def a, do: b()
...(2)>   defp b, do: 2
...(2)>   def c(x), do: x
...(2)> end
{:module, M,
 <<70, 79, 82, 49, 0, 0, 5, 184, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 0, 165,
   0, 0, 0, 19, 8, 69, 108, 105, 120, 105, 114, 46, 77, 8, 95, 95, 105, 110,
   102, 111, 95, 95, 10, 97, 116, 116, 114, ...>>, {:c, 1}}
iex(3)> M.b()
** (UndefinedFunctionError) function M.b/0 is undefined or private
    M.b()
iex(3)> M.c()
** (UndefinedFunctionError) function M.c/0 is undefined or private. Did you mean:

      * c/1

    M.c()
iex(3)> M.cc(1)
** (UndefinedFunctionError) function M.cc/1 is undefined or private. Did you mean:

      * c/1

    M.cc(1)
iex(3)> e = try do String.upcas("a") rescue e -> e end
%UndefinedFunctionError{
  module: String,
  function: :upcas,
  arity: 1,
  reason: nil,
  message: nil
}
iex(4)> e.message
nil
iex(5)> Exception.message(e)
"function String.upcas/1 is undefined or private"
iex(6)> Exception.format(:error, e, [])
"** (UndefinedFunctionError) function String.upcas/1 is undefined or private"
iex(7)> Exception.format_banner(:error, e, [])
"** (UndefinedFunctionError) function String.upcas/1 is undefined or private"
iex(8)> Exception.blame(:error, e, [])
{%UndefinedFunctionError{
   module: String,
   function: :upcas,
   arity: 1,
   reason: nil,
   message: "function String.upcas/1 is undefined or private. Did you mean:\n\n      * upcase/1\n      * upcase/2\n"
 }, []}
iex(9)> %{e | module: M, function: :zzz} |> Exception.message()
"function M.zzz/1 is undefined or private"
iex(10)> %{e | module: Nope} |> Exception.message()
"function Nope.upcas/1 is undefined (module Nope is not available)"
iex(11)> e2 = try do Foo.bar() rescue e -> e end
%UndefinedFunctionError{
  module: Foo,
  function: :bar,
  arity: 0,
  reason: nil,
  message: nil
}
iex(12)> inspect(e2)
"%UndefinedFunctionError{module: Foo, function: :bar, arity: 0, reason: nil, message: nil}"
iex(13)> e2.reason
nil
iex(14)> try do Foo.bar(1) catch k, r -> {k, r} end
{:error, :undef}
iex(15)> try do Foo.bar(1) rescue _ -> __STACKTRACE__ end
[
  {Foo, :bar, [1], []},
  {:erl_eval, :do_apply, 7, [file: 'erl_eval.erl', line: 744]},
  {:erl_eval, :try_clauses, 10, [file: 'erl_eval.erl', line: 987]},
  {:elixir, :eval_forms, 3, [file: 'src/elixir.erl', line: 283]},
  {Module.ParallelChecker, :verify, 1,
   [file: 'lib/module/parallel_checker.ex', line: 100]},
  {IEx.Evaluator, :eval_and_inspect, 3,
   [file: 'lib/iex/evaluator.ex', line: 329]},
  {IEx.Evaluator, :eval_and_inspect_parsed, 3,
   [file: 'lib/iex/evaluator.ex', line: 303]},
  {IEx.Evaluator, :parse_eval_inspect, 3,
   [file: 'lib/iex/evaluator.ex', line: 292]}
]
iex(16)> {_, ref} = spawn_monitor(fn -> Foo.bar(1) end); Process.sleep(50); receive do {:DOWN, ^ref, _, _, r} -> r end

08:44:15.205 [error] Process #PID<0.142.0> raised an exception
** (UndefinedFunctionError) function Foo.bar/1 is undefined (module Foo is not available)
    Foo.bar(1)
{:undef, [{Foo, :bar, [1], []}]}
iex(17)> raise UndefinedFunctionError
** (UndefinedFunctionError) undefined function

iex(17)> raise UndefinedFunctionError, module: Foo, function: :x, arity: 1
** (UndefinedFunctionError) function Foo.x/1 is undefined (module Foo is not available)

iex(17)> raise UndefinedFunctionError, message: "custom"
** (UndefinedFunctionError) undefined function

iex(17)> try do raise UndefinedFunctionError, message: "custom" rescue e -> Exception.message(e) end
"custom"
iex(18)> raise UndefinedFunctionError, module: String, function: :upcas, arity: 1
** (UndefinedFunctionError) function String.upcas/1 is undefined or private. Did you mean:

      * upcase/1
      * upcase/2


iex(18)> raise UndefinedFunctionError, module: String, function: :upcas, arity: 1, reason: :"function not exported"
** (UndefinedFunctionError) function String.upcas/1 is undefined or private. Did you mean:

      * upcase/1
      * upcase/2


iex(18)> raise UndefinedFunctionError, module: Foo, function: :x, arity: 1, reason: :weird
** (UndefinedFunctionError) function Foo.x/1 is undefined (weird)

iex(18)> apply(Foo, :bar, [1, 2])
** (UndefinedFunctionError) function Foo.bar/2 is undefined (module Foo is not available)
    Foo.bar(1, 2)
iex(18)> f = &Foo.bar/1
&Foo.bar/1
iex(19)> f.(3)
** (UndefinedFunctionError) function Foo.bar/1 is undefined (module Foo is not available)
    Foo.bar(3)
iex(19)> spawn(fn -> Foo.bar() end); Process.sleep(50)

08:44:15.268 [error] Process #PID<0.154.0> raised an exception
** (UndefinedFunctionError) function Foo.bar/0 is undefined (module Foo is not available)
    Foo.bar()
:ok
iex(20)> spawn(fn -> M.b() end); Process.sleep(50)

08:44:15.317 [error] Process #PID<0.156.0> raised an exception
** (UndefinedFunctionError) function M.b/0 is undefined or private
    M.b()
:ok
iex(21)> Exception.normalize(:error, :undef, [{Foo, :bar, [1, 2], []}])
%UndefinedFunctionError{
  module: Foo,
  function: :bar,
  arity: 2,
  reason: nil,
  message: nil
}
iex(22)> Exception.normalize(:error, :undef, [])
%UndefinedFunctionError{
  module: nil,
  function: nil,
  arity: nil,
  reason: nil,
  message: nil
}
iex(23)> Exception.normalize(:error, :undef, [{Foo, :bar, 3, []}]) |> Exception.message()
"function Foo.bar/3 is undefined (module Foo is not available)"
