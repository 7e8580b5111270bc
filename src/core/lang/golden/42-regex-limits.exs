# Regex limits: PCRE gives up at its match limit (10,000,000) and re:run answers nomatch, so Regex.run/match?/=~ say nil/false, scan/replace/split keep the matches found before; a pattern whose required text is missing fails at once; PCRE capture rules in repeated groups; back-references. Captured from piped real iex 1.14 (no async output).
iex(1)> Regex.match?(~r/a*a*a*a*a*a*b/, String.duplicate("a", 60))
false
iex(2)> Regex.match?(~r/a*a*a*a*a*a*b/, String.duplicate("a", 60) <> "b")
true
iex(3)> Regex.run(~r/(a+)+$/, String.duplicate("a", 40) <> "b")
nil
iex(4)> Regex.run(~r/(a+)+$/, String.duplicate("a", 10) <> "b")
nil
iex(5)> Regex.run(~r/(a+)+$/, String.duplicate("a", 40))
["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
 "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"]
iex(6)> Regex.scan(~r/c|(a+)+$/, "cc" <> String.duplicate("a", 40) <> "b")
[["c"], ["c"]]
iex(7)> Regex.replace(~r/c|(a+)+$/, "cc" <> String.duplicate("a", 40) <> "b", "x")
"xxaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab"
iex(8)> Regex.split(~r/c|(a+)+$/, "cc" <> String.duplicate("a", 40) <> "b")
["", "", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab"]
iex(9)> Regex.run(~r/c|(a+)+$/, String.duplicate("a", 40) <> "bc")
nil
iex(10)> String.duplicate("a", 40) <> "b" =~ ~r/(a+)+$/
false
iex(11)> String.match?(String.duplicate("a", 40) <> "b", ~r/(a+)+$/)
false
iex(12)> Regex.named_captures(~r/(?<x>a+)+$/, String.duplicate("a", 40) <> "b")
nil
iex(13)> Regex.match?(~r/(\w+\s?)*$/, String.duplicate("ab ", 30) <> "!")
false
iex(14)> Regex.match?(~r/a*a*a*a*a*a*[bc]/, String.duplicate("a", 60))
false
iex(15)> Regex.run(~r/(a*)*b/, "aab", return: :index)
[{0, 3}, {2, 0}]
iex(16)> Regex.run(~r/(?:(a)|b)+/, "ab")
["ab", "a"]
iex(17)> Regex.run(~r/(\w+) \1/, "say hello hello")
["hello hello", "hello"]
iex(18)> Regex.run(~r/(a)?b\1/, "b")
nil
iex(19)> Regex.run(~r/(a|b)*c/, String.duplicate("ab", 100) <> "c") |> length()
2
iex(20)> String.split("a1b22c333", ~r/\d+/)
["a", "b", "c", ""]
iex(21)> Regex.replace(~r/(x+x+)+y/, String.duplicate("x", 5000), "z") |> byte_size()
5000
iex(22)> Regex.run(~r/a-b/u, "xa-b")
["a-b"]
iex(23)> Regex.run(~r/(?<=\d)px/, "10px")
["px"]
