# Custom sigils (the getting-started guide's ~i): ~x(...)mods is a call of the imported or local sigil_x(string, modifiers), an upper-case one raw;
# with none in scope, iex's CompileError. Captured from piped input.
iex(1)> ~i(13)
** (CompileError) iex:1: undefined function sigil_i/2 (there is no such import)

iex(1)> defmodule MySigils do
...(1)>   def sigil_i(string, []), do: String.to_integer(string)
...(1)>   def sigil_i(string, [?n]), do: -String.to_integer(string)
...(1)>   def sigil_X(string, mods), do: {string, mods}
...(1)> end
{:module, MySigils,
 <<70, 79, 82, 49, 0, 0, 6, 120, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 0, 202,
   0, 0, 0, 20, 15, 69, 108, 105, 120, 105, 114, 46, 77, 121, 83, 105, 103, 105,
   108, 115, 8, 95, 95, 105, 110, 102, 111, ...>>, {:sigil_X, 2}}
iex(2)> import MySigils
MySigils
iex(3)> ~i(13)
13
iex(4)> ~i(42)n
-42
iex(5)> ~X"a#{1 + 1}b"qz
{"a\#{1 + 1}b", 'qz'}
iex(6)> ~X(plain)
{"plain", []}
iex(7)> ~w(foo bar bat)a
[:foo, :bar, :bat]
iex(8)> ~s(String with escape codes \x26 #{"inter" <> "polation"})
"String with escape codes & interpolation"
iex(9)> ~S(String without escape codes \x26 without #{interpolation})
"String without escape codes \\x26 without \#{interpolation}"
iex(10)> ~i(1)q
** (FunctionClauseError) no function clause matching in MySigils.sigil_i/2

    The following arguments were given to MySigils.sigil_i/2:

        # 1
        "1"

        # 2
        'q'

    iex:2: MySigils.sigil_i/2
