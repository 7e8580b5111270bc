# Code.eval_string/1,2,3: the value and the bindings after the code (new and given, sorted by name from the last; a repeated
# given name keeps its last value), code run in the caller (self, receive, IO, defmodule), and its errors: raised, and syntax errors at nofile.
iex(1)> Code.eval_string("a + b", a: 1, b: 2)
{3, [b: 2, a: 1]}
iex(2)> Code.eval_string("a + b", b: 1, a: 2)
{3, [b: 1, a: 2]}
iex(3)> Code.eval_string("c = a + b", [a: 1, b: 2], file: "x.ex")
{3, [c: 3, b: 2, a: 1]}
iex(4)> Code.eval_string("z = 1; y = 2; x = 3", q: 0)
{3, [z: 1, y: 2, x: 3, q: 0]}
iex(5)> Code.eval_string("a = a + 1", a: 1)
{2, [a: 2]}
iex(6)> Code.eval_string("a", [a: 1, a: 2])
{2, [a: 2]}
iex(7)> Code.eval_string("x = 1")
{1, [x: 1]}
iex(8)> Code.eval_string(":ok")
{:ok, []}
iex(9)> Code.eval_string(123)
{123, []}
iex(10)> Code.eval_string("[x | _] = [1, 2]; {x, self() == self()}")
{{1, true}, [x: 1]}
iex(11)> Code.eval_string("send(self(), :hi); receive do m -> m end")
{:hi, []}
iex(12)> Code.eval_string("fn -> 1 end.()")
{1, []}
iex(13)> Code.eval_string("defmodule EvalMod do def hi, do: :hi end; EvalMod.hi()")
{:hi, []}
iex(14)> Code.eval_string(~s(IO.puts "hi"))
hi
{:ok, []}
iex(15)> {v, b} = Code.eval_string("x * 2", x: 21)
{42, [x: 21]}
iex(16)> Code.eval_string("1 + :a")
** (ArithmeticError) bad argument in arithmetic expression: 1 + :a
    :erlang.+(1, :a)
    (stdlib 4.2) erl_eval.erl:744: :erl_eval.do_apply/7
    (elixir 1.14.0) lib/code.ex:422: Code.validated_eval_string/3
iex(16)> Code.eval_string("1 +")
** (TokenMissingError) nofile:1:3: syntax error: expression is incomplete
    |
  1 | 1 +
    |   ^
    (elixir 1.14.0) lib/code.ex:421: Code.validated_eval_string/3
iex(16)> Code.eval_string("foo(")
** (TokenMissingError) nofile:1:5: missing terminator: ) (for "(" starting at line 1)
    |
  1 | foo(
    |     ^
    (elixir 1.14.0) lib/code.ex:421: Code.validated_eval_string/3
iex(16)> Code.eval_string("raise \"boom\"")
** (RuntimeError) boom
    (stdlib 4.2) erl_eval.erl:744: :erl_eval.do_apply/7
    (elixir 1.14.0) lib/code.ex:422: Code.validated_eval_string/3
