# alias (as:, multi-alias Foo.{A, B}, Erlang modules, scoped to a module or a function body, nested modules' own aliases), import (only:, except:, the same module again, ambiguity with Kernel, captures), require with Logger's level macros and Integer.is_odd/is_even in guards; the errors Elixir gives for each misuse.
# stacks: compared
iex(1)> import Enum
Enum
iex(2)> map([1, 2], &(&1 * 2))
[2, 4]
iex(3)> import String, only: [upcase: 1]
String
iex(4)> upcase("a")
"A"
iex(5)> import List, except: [first: 1]
List
iex(6)> flatten([[1], [2]])
[1, 2]
iex(7)> alias String, as: S
String
iex(8)> S.upcase("b")
"B"
iex(9)> alias Foo.Bar
Foo.Bar
iex(10)> Bar
Foo.Bar
iex(11)> alias Foo.{Baz, Qux}
[Foo.Baz, Foo.Qux]
iex(12)> {Baz, Qux}
{Foo.Baz, Foo.Qux}
iex(13)> alias :lists, as: L
:lists
iex(14)> L.reverse([1, 2])
[2, 1]
iex(15)> require Logger
Logger
iex(16)> Logger.info("hi")

08:17:23.677 [info] hi
:ok
iex(17)> Logger.debug("dbg")

08:17:23.678 [debug] dbg
:ok
iex(18)> Logger.warning("careful")

08:17:23.679 [warning] careful
:ok
iex(19)> Logger.error("bad #{1 + 1}")

08:17:23.680 [error] bad 2
:ok
iex(20)> Logger.warn("old")

08:17:23.681 [warning] old
:ok
iex(21)> Logger.info(fn -> "lazy" end)

08:17:23.681 [info] lazy
:ok
iex(22)> Logger.info("meta", user: 1)

08:17:23.681 [info] meta
:ok
iex(23)> require Integer
Integer
iex(24)> Integer.is_odd(3)
true
iex(25)> defmodule A.B do
...(25)>   def hi, do: :hi
...(25)> end
{:module, A.B,
 <<70, 79, 82, 49, 0, 0, 4, 252, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 0, 164,
   0, 0, 0, 17, 10, 69, 108, 105, 120, 105, 114, 46, 65, 46, 66, 8, 95, 95, 105,
   110, 102, 111, 95, 95, 10, 97, 116, ...>>, {:hi, 0}}
iex(26)> defmodule C do
...(26)>   alias A.B
...(26)>   import Enum, only: [map: 2]
...(26)>   require Logger
...(26)>   def go, do: {B.hi(), map([1], & &1)}
...(26)>   def log, do: Logger.info("x")
...(26)>   def local do
...(26)>     alias A.B, as: X
...(26)>     X.hi()
...(26)>   end
...(26)>   def outside, do: X
...(26)> end
{:module, C,
 <<70, 79, 82, 49, 0, 0, 8, 248, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 1, 24,
   0, 0, 0, 31, 8, 69, 108, 105, 120, 105, 114, 46, 67, 8, 95, 95, 105, 110,
   102, 111, 95, 95, 10, 97, 116, 116, 114, ...>>, {:outside, 0}}
iex(27)> C.go
{:hi, [1]}
iex(28)> C.log

08:17:25.127 [info] x
:ok
iex(29)> C.local
:hi
iex(30)> C.outside
X
iex(31)> defmodule Outer do
...(31)>   defmodule Inner do
...(31)>     def x, do: 1
...(31)>   end
...(31)>   def y, do: Inner.x()
...(31)> end
{:module, Outer,
 <<70, 79, 82, 49, 0, 0, 5, 64, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 0, 186,
   0, 0, 0, 19, 12, 69, 108, 105, 120, 105, 114, 46, 79, 117, 116, 101, 114, 8,
   95, 95, 105, 110, 102, 111, 95, 95, 10, ...>>, {:y, 0}}
iex(32)> Outer.y
1
iex(33)> import Bogus
** (CompileError) iex:33: module Bogus is not loaded and could not be found

iex(33)> require Bogus
** (CompileError) iex:33: module Bogus is not loaded and could not be found

iex(33)> alias A.{B, C}, as: D
** (CompileError) iex:33: :as option is not supported by multi-alias call

iex(33)> alias 1
** (CompileError) iex:33: invalid argument for alias, expected a compile time atom or alias, got: 1

iex(33)> import Enum, only: [nope: 1]
** (CompileError) iex:33: cannot import Enum.nope/1 because it is undefined or private
    (elixir 1.14.0) src/elixir_import.erl:91: :elixir_import.calculate/6
    (elixir 1.14.0) src/elixir_import.erl:22: :elixir_import.import/4
iex(33)> import Enum, only: [map: 2], except: [map: 2]
** (CompileError) iex:33: :only and :except can only be given together to import when :only is :functions, :macros, or :sigils
    (elixir 1.14.0) src/elixir_import.erl:87: :elixir_import.calculate/6
    (elixir 1.14.0) src/elixir_import.erl:22: :elixir_import.import/4
iex(33)> import Enum, only: [:map]
** (CompileError) iex:33: invalid :only option for import, expected a keyword list with integer values
    (elixir 1.14.0) src/elixir_import.erl:81: :elixir_import.calculate/6
    (elixir 1.14.0) src/elixir_import.erl:22: :elixir_import.import/4
iex(33)> import Enum, foo: 1
** (CompileError) iex:33: unsupported option :foo given to import

iex(33)> alias Foo, as: Bar.Baz
** (CompileError) iex:33: invalid value for option :as, expected a simple alias, got nested alias: Bar.Baz

iex(33)> import Enum, only: [map: 2]
Enum
iex(34)> map([1], &(&1))
[1]
iex(35)> reduce([1], 0, &+/2)
** (CompileError) iex:35: undefined function reduce/3 (there is no such import)

iex(35)> import Enum, only: :functions
Enum
iex(36)> import Enum, except: [map: 2]
Enum
iex(37)> map([1], &(&1))
** (CompileError) iex:37: undefined function map/2 (there is no such import)

iex(37)> max([1, 2])
2
iex(38)> max(1, 2)
** (CompileError) iex:38: function max/2 imported from both Enum and Kernel, call is ambiguous
    (elixir 1.14.0) src/elixir_dispatch.erl:149: :elixir_dispatch.expand_import/7
    (elixir 1.14.0) src/elixir_dispatch.erl:119: :elixir_dispatch.dispatch_import/6
iex(38)> &reverse/1
&Enum.reverse/1
iex(39)> import List
List
iex(40)> first([1, 2])
1
iex(41)> &first/1
&List.first/1
iex(42)> require Integer
Integer
iex(43)> defmodule P do
...(43)>   require Integer
...(43)>   def f(x) when Integer.is_odd(x), do: :odd
...(43)>   def f(_), do: :even
...(43)> end
{:module, P,
 <<70, 79, 82, 49, 0, 0, 5, 180, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 0, 175,
   0, 0, 0, 20, 8, 69, 108, 105, 120, 105, 114, 46, 80, 8, 95, 95, 105, 110,
   102, 111, 95, 95, 10, 97, 116, 116, 114, ...>>, {:f, 1}}
iex(44)> {P.f(3), P.f(4), Integer.is_even(-4), Integer.is_odd(-3), Integer.is_odd(1.0)}
{:odd, :even, true, true, false}
iex(45)> defmodule Q do
...(45)>   alias String, as: S
...(45)>   def up(s), do: S.upcase(s)
...(45)>   def err do
...(45)>     try do
...(45)>       raise ArgumentError, "x"
...(45)>     rescue
...(45)>       e in ArgumentError -> {:rescued, e.message}
...(45)>     end
...(45)>   end
...(45)> end
{:module, Q,
 <<70, 79, 82, 49, 0, 0, 8, 12, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 1, 69, 0,
   0, 0, 34, 8, 69, 108, 105, 120, 105, 114, 46, 81, 8, 95, 95, 105, 110, 102,
   111, 95, 95, 10, 97, 116, 116, 114, ...>>, {:err, 0}}
iex(46)> {Q.up("q"), Q.err()}
{"Q", {:rescued, "x"}}
iex(47)> defmodule Shapes do
...(47)>   defmodule Circle do
...(47)>     defstruct r: 1
...(47)>   end
...(47)>   def unit, do: %Circle{}
...(47)> end
{:module, Shapes,
 <<70, 79, 82, 49, 0, 0, 5, 92, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 0, 169,
   0, 0, 0, 17, 13, 69, 108, 105, 120, 105, 114, 46, 83, 104, 97, 112, 101, 115,
   8, 95, 95, 105, 110, 102, 111, 95, 95, ...>>, {:unit, 0}}
iex(48)> Shapes.unit
%Shapes.Circle{r: 1}
