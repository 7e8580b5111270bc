# Enum.slide/3 (single index, ranges, negative indices counted from the end, off-the-end and empty ranges, its errors)
# and Myers' difference (String.myers_difference/2 by grapheme, List.myers_difference/2 with strict equality): the scripts Elixir's tie-breaks give.
iex(1)> list = [:a, :b, :c, :d, :e, :f]
[:a, :b, :c, :d, :e, :f]
iex(2)> Enum.slide(list, 1, 3)
[:a, :c, :d, :b, :e, :f]
iex(3)> Enum.slide(list, 3..5, 0)
[:d, :e, :f, :a, :b, :c]
iex(4)> Enum.slide(list, -2..-1, 1)
[:a, :e, :f, :b, :c, :d]
iex(5)> Enum.slide(list, 0, -1)
[:b, :c, :d, :e, :f, :a]
iex(6)> Enum.slide(list, -7, 2)
** (ArgumentError) insertion index for slide must be outside the range being moved (tried to insert 0..5 at 2)
    (elixir 1.14.0) lib/enum.ex:2691: Enum.slide/3
iex(6)> Enum.slide(list, 4..10, 1)
[:a, :e, :f, :b, :c, :d]
iex(7)> Enum.slide(list, 6, 0)
[:a, :b, :c, :d, :e, :f]
iex(8)> Enum.slide(1..10, 7, 2)
[1, 2, 8, 3, 4, 5, 6, 7, 9, 10]
iex(9)> Enum.slide([1, 2, 3], 0, 5)
[2, 3, 1]
iex(10)> Enum.slide(list, 1..3, 2)
** (ArgumentError) insertion index for slide must be outside the range being moved (tried to insert 1..3 at 2)
    (elixir 1.14.0) lib/enum.ex:2691: Enum.slide/3
iex(10)> Enum.slide(list, 0..4//2, 5)
** (ArgumentError) Enum.slide/3 does not accept ranges with custom steps, got: 0..4//2
    (elixir 1.14.0) lib/enum.ex:2663: Enum.slide/3
iex(10)> Enum.slide(list, 3..1, 0)
** (ArgumentError) Enum.slide/3 does not accept ranges with custom steps, got: 3..1//-1
    (elixir 1.14.0) lib/enum.ex:2663: Enum.slide/3
iex(10)> String.myers_difference("fox hops over the dog", "fox jumps over the lazy cat")
[
  eq: "fox ",
  del: "ho",
  ins: "jum",
  eq: "ps over the ",
  del: "dog",
  ins: "lazy cat"
]
iex(11)> String.myers_difference("abc", "abc")
[eq: "abc"]
iex(12)> String.myers_difference("", "new")
[ins: "new"]
iex(13)> String.myers_difference("abcabba", "cbabac")
[del: "ab", eq: "c", ins: "b", eq: "ab", del: "b", eq: "a", ins: "c"]
iex(14)> String.myers_difference("héllo wörld", "hello world")
[eq: "h", del: "é", ins: "e", eq: "llo w", del: "ö", ins: "o", eq: "rld"]
iex(15)> List.myers_difference([1, 4, 2, 3], [1, 2, 3, 4])
[eq: [1], del: [4], eq: [2, 3], ins: [4]]
iex(16)> List.myers_difference([1, 2.0], [1, 2])
[eq: [1], del: [2.0], ins: [2]]
iex(17)> String.myers_difference(:a, "b")
** (FunctionClauseError) no function clause matching in String.myers_difference/2

    The following arguments were given to String.myers_difference/2:

        # 1
        :a

        # 2
        "b"

    Attempted function clauses (showing 1 out of 1):

        def myers_difference(string1, string2) when -is_binary(string1)- and is_binary(string2)

    (elixir 1.14.0) lib/string.ex:2844: String.myers_difference/2
iex(17)> String.myers_difference("a", 1)
** (FunctionClauseError) no function clause matching in String.myers_difference/2

    The following arguments were given to String.myers_difference/2:

        # 1
        "a"

        # 2
        1

    Attempted function clauses (showing 1 out of 1):

        def myers_difference(string1, string2) when is_binary(string1) and -is_binary(string2)-

    (elixir 1.14.0) lib/string.ex:2844: String.myers_difference/2
iex(17)> String.myers_difference(1, 2)
** (FunctionClauseError) no function clause matching in String.myers_difference/2

    The following arguments were given to String.myers_difference/2:

        # 1
        1

        # 2
        2

    Attempted function clauses (showing 1 out of 1):

        def myers_difference(string1, string2) when -is_binary(string1)- and -is_binary(string2)-

    (elixir 1.14.0) lib/string.ex:2844: String.myers_difference/2
iex(17)> List.myers_difference(1, [])
** (FunctionClauseError) no function clause matching in List.myers_difference/2

    The following arguments were given to List.myers_difference/2:

        # 1
        1

        # 2
        []

    Attempted function clauses (showing 1 out of 1):

        def myers_difference(list1, list2) when -is_list(list1)- and is_list(list2)

    (elixir 1.14.0) lib/list.ex:1185: List.myers_difference/2
