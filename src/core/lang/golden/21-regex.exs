# Regex and ~r: compile, run, scan, match?, named captures, replace (strings and funs), split, =~, String.split/replace/match? with regexes, modifiers i m s x u U, errors; other sigils ~s ~S ~c ~w. Captured from piped real iex 1.14 (no async output, so the screen is each prompt, the line typed, then the output).
iex(1)> r = ~r/l+/i
~r/l+/i
iex(2)> r.source
"l+"
iex(3)> Regex.source(r)
"l+"
iex(4)> Regex.opts(r)
"i"
iex(5)> ~r/a/ms
~r/a/ms
iex(6)> inspect(~r/a\/b/)
"~r/a\\/b/"
iex(7)> ~r{a/b}
~r/a\/b/
iex(8)> Regex.compile("a)")
{:error, {'unmatched parentheses', 1}}
iex(9)> Regex.compile("*a")
{:error, {'nothing to repeat', 0}}
iex(10)> Regex.compile("[a")
{:error, {'missing terminating ] for character class', 2}}
iex(11)> Regex.compile("a{2,1}")
{:error, {'numbers out of order in {} quantifier', 5}}
iex(12)> Regex.compile("(?<n>a)(?<n>b)")
{:error, {'two named subpatterns have the same name', 11}}
iex(13)> Regex.compile("\\")
{:error, {'\\ at end of pattern', 1}}
iex(14)> Regex.run(~r/(?<y>\d+)-(?<m>\d+)/, "on 2024-05 ok")
["2024-05", "2024", "05"]
iex(15)> Regex.named_captures(~r/(?<y>\d+)-(?<m>\d+)/, "on 2024-05 ok")
%{"m" => "05", "y" => "2024"}
iex(16)> Regex.names(~r/(?<y>\d+)-(?<m>\d+)/)
["m", "y"]
iex(17)> Regex.scan(~r/\d/, "a1b2c3")
[["1"], ["2"], ["3"]]
iex(18)> Regex.scan(~r/(\w)(\d)/, "a1 b2")
[["a1", "a", "1"], ["b2", "b", "2"]]
iex(19)> Regex.replace(~r/\d/, "a1b2", "#")
"a#b#"
iex(20)> Regex.replace(~r/(\w)(\d)/, "a1 b2", "\\2\\1")
"1a 2b"
iex(21)> Regex.replace(~r/\d/, "a1b2", "X", global: false)
"aXb2"
iex(22)> Regex.split(~r/,\s*/, "a, b,c")
["a", "b", "c"]
iex(23)> Regex.split(~r/-/, "-a-b-", trim: true)
["a", "b"]
iex(24)> Regex.split(~r/x/, "axbxc", parts: 2)
["a", "bxc"]
iex(25)> "hello" =~ ~r/l+/
true
iex(26)> "hello" =~ ~r/z/
false
iex(27)> Regex.match?(~r/^H/i, "hello")
true
iex(28)> String.replace("a-b-c", ~r/-/, "_")
"a_b_c"
iex(29)> String.split("a1b2c", ~r/\d/)
["a", "b", "c"]
iex(30)> String.match?("abc", ~r/b/)
true
iex(31)> Regex.run(~r/l+/, "hello", return: :index)
[{2, 2}]
iex(32)> Regex.run(~r/(a)(b)?/, "a")
["a", "a"]
iex(33)> Regex.run(~r/(a)(b)?/, "a", capture: :all_but_first)
["a"]
iex(34)> Regex.run(~r/./, "é")
[<<195>>]
iex(35)> Regex.run(~r/./u, "é")
["é"]
iex(36)> ~r/a b # c/x
~r/a b # c/x
iex(37)> Regex.run(~r/a b # c/x, "ab")
["ab"]
iex(38)> Regex.run(~r/a.c/s, "a\nc")
["a\nc"]
iex(39)> Regex.run(~r/^b/m, "a\nb")
["b"]
iex(40)> Regex.run(~r/a+/U, "aaa")
["a"]
iex(41)> Regex.escape("a.b*c")
"a\\.b\\*c"
iex(42)> Regex.compile!("a+", "i")
~r/a+/i
iex(43)> Regex.regex?(~r/a/)
true
iex(44)> Regex.run(~r/x/, "abc")
nil
iex(45)> Regex.scan(~r/x/, "abc")
[]
iex(46)> Regex.replace(~r/(?<w>\w+)/, "hi there", "<\\1>")
"<hi> <there>"
iex(47)> Regex.replace(~r/a/, "banana", fn m -> String.upcase(m) end)
"bAnAnA"
iex(48)> Regex.split(~r//, "abc")
["", "a", "b", "c", ""]
iex(49)> Regex.run(~r/a$/, "a\n")
["a"]
iex(50)> ~r/(\d+)-(\d+)/
~r/(\d+)-(\d+)/
iex(51)> Regex.run(~r/(\d+)-(\d+)/, "tel 555-1234", capture: :all_but_first)
["555", "1234"]
iex(52)> Regex.run(~r/(?<area>\d+)-(?<num>\d+)/, "tel 555-1234", capture: ["num"])
["1234"]
iex(53)> Regex.run(~r/(\d+)/, "abc 42", return: :index, capture: :first)
[{4, 2}]
iex(54)> Regex.scan(~r/[aeiou]/, "education", return: :index)
[[{0, 1}], [{2, 1}], [{4, 1}], [{6, 1}], [{7, 1}]]
iex(55)> Regex.scan(~r/(?<d>\d)/, "a1b2", capture: :all_names)
[["1"], ["2"]]
iex(56)> "Hello World" =~ ~r/world/i
true
iex(57)> "foo" =~ "o"
true
iex(58)> s = "2024-01-15"
"2024-01-15"
iex(59)> [_, y, m, d] = Regex.run(~r/(\d{4})-(\d{2})-(\d{2})/, s)
["2024-01-15", "2024", "01", "15"]
iex(60)> {y, m, d}
{"2024", "01", "15"}
iex(61)> Regex.replace(~r/(\d{4})-(\d{2})-(\d{2})/, s, "\\3/\\2/\\1")
"15/01/2024"
iex(62)> Regex.replace(~r/\s+/, "a   b \t c", " ")
"a b c"
iex(63)> Regex.replace(~r/[aeiou]/, "hello", fn v -> String.upcase(v) end)
"hEllO"
iex(64)> Regex.replace(~r/(\w+)@(\w+)/, "ana@lab bo@lab", fn _, user, host -> host <> ":" <> user end)
"lab:ana lab:bo"
iex(65)> String.split("one  two\tthree", ~r/\s+/)
["one", "two", "three"]
iex(66)> String.split("a1b22c333", ~r/\d+/, trim: true)
["a", "b", "c"]
iex(67)> String.split("a,b;c", ~r/[,;]/, parts: 2)
["a", "b;c"]
iex(68)> String.replace("hello world", ~r/o/, "0")
"hell0 w0rld"
iex(69)> String.replace("hello world", ~r/o/, "0", global: false)
"hell0 world"
iex(70)> String.match?("elixir", ~r/^eli/)
true
iex(71)> Regex.match?(~r/^\d+$/, "12345")
true
iex(72)> Regex.match?(~r/^\d+$/, "123a5")
false
iex(73)> Regex.run(~r/\bcat\b/, "concat cat")
["cat"]
iex(74)> Regex.run(~r/colou?r/, "the color red")
["color"]
iex(75)> Regex.run(~r/a{2,3}/, "caaaandy")
["aaa"]
iex(76)> Regex.run(~r/[[:upper:]]+/, "abcDEFghi")
["DEF"]
iex(77)> Regex.run(~r/\Qa.b\E/, "xa.by")
["a.b"]
iex(78)> Regex.run(~r/(?i)hello/, "HELLO")
["HELLO"]
iex(79)> Regex.run(~r/x*/, "abc")
[""]
iex(80)> Regex.scan(~r/x*/, "ab")
[[""], [""], [""]]
iex(81)> Regex.split(~r/\s/, "")
[""]
iex(82)> Regex.split(~r/\s/, "", trim: true)
[]
iex(83)> Regex.compile("(", "i")
{:error, {'missing )', 1}}
iex(84)> Regex.compile!("[")
** (Regex.CompileError) missing terminating ] for character class at position 1
    (elixir 1.14.0) lib/regex.ex:231: Regex.compile!/2
iex(84)> ~r/[/
** (Regex.CompileError) missing terminating ] for character class at position 1
    (elixir 1.14.0) lib/regex.ex:231: Regex.compile!/2
    (elixir 1.14.0) expanding macro: Kernel.sigil_r/2
    iex:84: (file)
iex(84)> Regex.run("abc", "a")
** (FunctionClauseError) no function clause matching in Regex.run/3

    The following arguments were given to Regex.run/3:

        # 1
        "abc"

        # 2
        "a"

        # 3
        []

    Attempted function clauses (showing 1 out of 1):

        def run(-%Regex{} = regex-, string, options) when is_binary(string)

    (elixir 1.14.0) lib/regex.ex:335: Regex.run/3
iex(84)> r = ~r/(?<first>\w+) (?<last>\w+)/
~r/(?<first>\w+) (?<last>\w+)/
iex(85)> Regex.named_captures(r, "Ada Lovelace")
%{"first" => "Ada", "last" => "Lovelace"}
iex(86)> Regex.named_captures(r, "Ada")
nil
iex(87)> Regex.source(r)
"(?<first>\\w+) (?<last>\\w+)"
iex(88)> Regex.opts(~r/a/imsx)
"imsx"
iex(89)> ~r/a/imsx
~r/a/imsx
iex(90)> ~r{path/to}
~r/path\/to/
iex(91)> ~s(a "quoted" string)
"a \"quoted\" string"
iex(92)> ~S(no #{interp} \n here)
"no \#{interp} \\n here"
iex(93)> ~c(charlist)
'charlist'
iex(94)> ~w(alpha beta gamma)
["alpha", "beta", "gamma"]
iex(95)> ~w(alpha beta)a
[:alpha, :beta]
iex(96)> ~w(alpha beta)c
['alpha', 'beta']
iex(97)> Regex.escape("1+1=2?")
"1\\+1=2\\?"
iex(98)> Regex.run(~r/ü/u, "Müller")
["ü"]
iex(99)> Regex.run(~r/./u, "日本")
["日"]
iex(100)> Regex.run(~r/\w+/, "über")
[<<195>>]
iex(101)> Regex.run(~r/^$/, "")
[""]
iex(102)> Regex.run(~r/a$/m, "a\nb")
["a"]
iex(103)> Regex.run(~r/a.b/, "a\rb")
["a\rb"]
