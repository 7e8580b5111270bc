# Exceptions as structs: defexception, raise Mod / raise Mod, opts, message/1, exception/1,
# rescue e in Mod and in [A, B], %RuntimeError{} in patterns (also inside receive), reraise,
# Exception.message/1, and exit reasons holding an exception.
# Captured from piped input (iex < lines), each typed line put back after its prompt.
iex(1)> defmodule MyError do
...(1)>   defexception message: "my default"
...(1)> end
{:module, MyError,
 <<70, 79, 82, 49, 0, 0, 14, 180, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 1, 163,
   0, 0, 0, 40, 14, 69, 108, 105, 120, 105, 114, 46, 77, 121, 69, 114, 114, 111,
   114, 8, 95, 95, 105, 110, 102, 111, 95, ...>>, :ok}
iex(2)> raise MyError
** (MyError) my default

iex(2)> raise MyError, "custom text"
** (MyError) custom text

iex(2)> raise MyError, message: "from opts"
** (MyError) from opts

iex(2)> %MyError{}
%MyError{message: "my default"}
iex(3)> MyError.exception("x")
%MyError{message: "x"}
iex(4)> MyError.exception(message: "y")
%MyError{message: "y"}
iex(5)> MyError.message(%MyError{message: "z"})
"z"
iex(6)> e = try do
...(6)>   raise MyError, "caught"
...(6)> rescue
...(6)>   e in MyError -> e
...(6)> end
%MyError{message: "caught"}
iex(7)> e.message
"caught"
iex(8)> Exception.message(e)
"caught"
iex(9)> is_exception(e)
true
iex(10)> is_exception(%{})
false
iex(11)> Map.keys(e)
[:__exception__, :__struct__, :message]
iex(12)> defmodule BadValue do
...(12)>   defexception [:value]
...(12)>   @impl true
...(12)>   def message(%{value: v}), do: "bad value: #{inspect(v)}"
...(12)> end
{:module, BadValue,
 <<70, 79, 82, 49, 0, 0, 14, 148, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 1, 148,
   0, 0, 0, 37, 15, 69, 108, 105, 120, 105, 114, 46, 66, 97, 100, 86, 97, 108,
   117, 101, 8, 95, 95, 105, 110, 102, 111, ...>>, {:message, 1}}
iex(13)> raise BadValue, value: 42
** (BadValue) bad value: 42

iex(13)> try do
...(13)>   raise BadValue, value: :x
...(13)> rescue
...(13)>   e in BadValue -> {e.value, Exception.message(e)}
...(13)> end
{:x, "bad value: :x"}
iex(14)> %BadValue{value: 1}
%BadValue{value: 1}
iex(15)> defmodule WrapError do
...(15)>   defexception [:reason, message: "wrapped"]
...(15)>   def exception(reason), do: %WrapError{reason: reason, message: "wrapped: #{inspect(reason)}"}
...(15)> end
{:module, WrapError,
 <<70, 79, 82, 49, 0, 0, 10, 244, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 1, 83,
   0, 0, 0, 34, 16, 69, 108, 105, 120, 105, 114, 46, 87, 114, 97, 112, 69, 114,
   114, 111, 114, 8, 95, 95, 105, 110, 102, ...>>, {:exception, 1}}
iex(16)> raise WrapError, :timeout
** (WrapError) wrapped: :timeout

iex(16)> try do
...(16)>   raise WrapError, {:a, 1}
...(16)> rescue
...(16)>   e in WrapError -> e
...(16)> end
%WrapError{reason: {:a, 1}, message: "wrapped: {:a, 1}"}
iex(17)> try do
...(17)>   raise ArgumentError, "nope"
...(17)> rescue
...(17)>   e in [MyError, ArgumentError] -> {:got, e}
...(17)> end
{:got, %ArgumentError{message: "nope"}}
iex(18)> try do
...(18)>   raise MyError
...(18)> rescue
...(18)>   e in [ArgumentError, RuntimeError] -> {:no, e}
...(18)>   e -> {:other, e.__struct__}
...(18)> end
{:other, MyError}
iex(19)> try do
...(19)>   1 / 0
...(19)> rescue
...(19)>   e -> e
...(19)> end
%ArithmeticError{message: "bad argument in arithmetic expression"}
iex(20)> try do
...(20)>   Map.fetch!(%{}, :k)
...(20)> rescue
...(20)>   e in KeyError -> {e.key, e.term, Exception.message(e)}
...(20)> end
{:k, %{}, "key :k not found in: %{}"}
iex(21)> try do
...(21)>   raise "plain"
...(21)> catch
...(21)>   :error, %RuntimeError{message: m} -> {:caught, m}
...(21)> end
{:caught, "plain"}
iex(22)> try do
...(22)>   raise "boom"
...(22)> rescue
...(22)>   e -> e
...(22)> end
%RuntimeError{message: "boom"}
iex(23)> %RuntimeError{}
%RuntimeError{message: "runtime error"}
iex(24)> %RuntimeError{message: "hi"}
%RuntimeError{message: "hi"}
iex(25)> %ArgumentError{}
%ArgumentError{message: "argument error"}
iex(26)> %KeyError{key: :a}
%KeyError{key: :a, term: nil, message: nil}
iex(27)> %MatchError{term: 1}
%MatchError{term: 1}
iex(28)> raise %RuntimeError{message: "from struct"}
** (RuntimeError) from struct

iex(28)> ArgumentError.exception("made")
%ArgumentError{message: "made"}
iex(29)> RuntimeError.exception(message: "made2")
%RuntimeError{message: "made2"}
iex(30)> Exception.message(%ArgumentError{message: "m"})
"m"
iex(31)> send(self(), {:error, %RuntimeError{message: "in mailbox"}})
{:error, %RuntimeError{message: "in mailbox"}}
iex(32)> receive do
...(32)>   {:error, %RuntimeError{message: m}} -> {:received, m}
...(32)> end
{:received, "in mailbox"}
iex(33)> try do
...(33)>   try do
...(33)>     raise MyError, "inner"
...(33)>   rescue
...(33)>     e -> reraise e, __STACKTRACE__
...(33)>   end
...(33)> rescue
...(33)>   e -> {:outer, e.message}
...(33)> end
{:outer, "inner"}
iex(34)> exit({%RuntimeError{message: "bad"}, []})
** (exit) {%RuntimeError{message: "bad"}, []}

iex(34)> raise 42
** (ArgumentError) raise/1 and reraise/2 expect a module name, string or exception as the first argument, got: 42

iex(34)> spawn(fn -> raise MyError, "in proc" end); Process.sleep(100)

16:31:26.443 [error] Process #PID<0.220.0> raised an exception
** (MyError) in proc
    (stdlib 4.2) erl_eval.erl:742: :erl_eval.do_apply/7
:ok
iex(35)> raise KeyError, key: :a, term: %{b: 1}
** (KeyError) key :a not found in: %{b: 1}

iex(35)> %KeyError{key: :a}
%KeyError{key: :a, term: nil, message: nil}
iex(36)> try do
...(36)>   %{a: 1} = %{b: 2}
...(36)> rescue
...(36)>   e -> e
...(36)> end
%MatchError{term: %{b: 2}}
