# :io.format/1,2,3, :io.fwrite, :io_lib.format and :io.put_chars: Erlang-syntax ~w/~p (io_lib_pretty line breaking), ~s ~ts ~b ~B ~c ~f ~e ~g ~i ~~, field widths, and io's ArgumentErrors
iex(1)> :io.format("~p~n", [pid(0, 250, 0)])
<0.250.0>
:ok
iex(2)> :io.format("~w ~p~n", [:hello, :"Hello World"])
hello 'Hello World'
:ok
iex(3)> :io.format("~p ~w~n", ["bin", "bin"])
<<"bin">> <<98,105,110>>
:ok
iex(4)> :io.format("~p ~w~n", ['abc', 'abc'])
"abc" [97,98,99]
:ok
iex(5)> :io.format("~p ~w~n", [%{a: 1, b: "x"}, {:ok, 1.5, -3}])
#{a => 1,b => <<"x">>} {ok,1.5,-3}
:ok
iex(6)> :io.format("~p~n", [[a: 1, b: 2]])
[{a,1},{b,2}]
:ok
iex(7)> :io.format("~s and ~s~n", ["bin", 'list'])
bin and list
:ok
iex(8)> :io.format("~ts ~s~n", ["héllo", :atom])
héllo atom
:ok
iex(9)> :io.format("~b ~B ~.16B ~.16b ~8.2B|~n", [10, 10, 255, 255, 5])
10 10 FF ff      101|
:ok
iex(10)> :io.format("~f ~.2f ~e ~g~n", [3.14159, 3.14159, 3.14159, 3.14159])
3.141590 3.14 3.14159e+0 3.14159
:ok
iex(11)> :io.format("~c~c ~10c|~~ ~i~w~n", [?a, ?b, ?x, :ignored, :shown])
ab xxxxxxxxxx|~ shown
:ok
iex(12)> :io.format("~10s|~-10s|~n", ["ab", "cd"])
        ab|cd        |
:ok
iex(13)> :io.format("~p~n", [Enum.to_list(1..40)])
[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,
 29,30,31,32,33,34,35,36,37,38,39,40]
:ok
iex(14)> :io.format("~p~n", [%{list: Enum.to_list(1..30), name: "some long string here", tuple: {:a, :b, :c}}])
#{list =>
      [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,
       27,28,29,30],
  name => <<"some long string here">>,
  tuple => {a,b,c}}
:ok
iex(15)> :io.format("~p~n", [{:a, Enum.to_list(1..30), {:b, Enum.to_list(1..30)}}])
{a,[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,
    28,29,30],
   {b,[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,
       27,28,29,30]}}
:ok
iex(16)> :io.format("~p~n", [[{:a, 1}, {:b, Enum.to_list(1..40)}, :c]])
[{a,1},
 {b,[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,
     28,29,30,31,32,33,34,35,36,37,38,39,40]},
 c]
:ok
iex(17)> :io.format("prefix: ~p~n", [Enum.to_list(1..40)])
prefix: [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,
         27,28,29,30,31,32,33,34,35,36,37,38,39,40]
:ok
iex(18)> :io.format("~p~n", [[1 | 2]])
[1|2]
:ok
iex(19)> :io.format("~p ~p ~p~n", [Foo.Bar, true, nil])
'Elixir.Foo.Bar' true nil
:ok
iex(20)> :io.format("~p ~p ~tp~n", ["utf8 é", 'utf8 é', "utf8 é"])
<<"utf8 Ã©">> "utf8 é" <<"utf8 é"/utf8>>
:ok
iex(21)> :io.format("hello~n")
hello
:ok
iex(22)> :io.format("no newline")
no newline:ok
iex(23)> :io.fwrite("fw ~p~n", [:x])
fw x
:ok
iex(24)> :io_lib.format("~p ~w", [1, :a])
['1', 32, 'a']
iex(25)> :io.format(:standard_io, "std ~p~n", [1])
std 1
:ok
iex(26)> :io.format(Process.group_leader(), "gl ~p~n", [1])
gl 1
:ok
iex(27)> :io.put_chars("put\n")
put
:ok
iex(28)> :io.put_chars(:standard_io, ["io", 'list', ?\n])
iolist
:ok
iex(29)> :io.format("~d~n", [1])
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: format string invalid (invalid control ~d)

    (stdlib 4.2) io.erl:99: :io.format("~d~n", [1])
iex(29)> :io.format("~p ~p~n", [1])
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: wrong number of arguments

    (stdlib 4.2) io.erl:99: :io.format("~p ~p~n", [1])
iex(29)> :io.format("~b~n", [:a])
** (ArgumentError) errors were found at the given arguments:

  * 2nd argument: element 1 must be of type integer

    (stdlib 4.2) io.erl:99: :io.format("~b~n", [:a])
iex(29)> :io.format(:standard_io, "~d~n", [1])
** (ArgumentError) errors were found at the given arguments:

  * 2nd argument: format string invalid (invalid control ~d)

    (stdlib 4.2) io.erl:99: :io.format(:standard_io, "~d~n", [1])
iex(29)> :io.format("~p~n", 1)
** (ArgumentError) errors were found at the given arguments:

  * 2nd argument: not a list

    (stdlib 4.2) io.erl:99: :io.format("~p~n", 1)
