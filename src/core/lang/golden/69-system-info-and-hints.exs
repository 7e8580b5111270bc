# :erlang.system_info/1 for its common keys (values a tab shares with this OTP 25 node; counts, schedulers and system_version
# only by shape: a tab has one scheduler), its invalid items, the hint iex gives for a function OTP removed, Kernel.if/unless by full name;
# syntax errors (a reserved word's has no snippet).
iex(1)> :erlang.system_info(:otp_release)
'25'
iex(2)> :erlang.system_info(:version)
'13.1.5'
iex(3)> :erlang.system_info(:machine)
'BEAM'
iex(4)> :erlang.system_info(:wordsize)
8
iex(5)> :erlang.system_info(:smp_support)
true
iex(6)> :erlang.system_info(:process_limit)
262144
iex(7)> :erlang.system_info(:atom_limit)
1048576
iex(8)> :erlang.system_info(:port_limit)
65536
iex(9)> n = :erlang.system_info(:process_count); is_integer(n) and n > 0
true
iex(10)> spawn(fn -> Process.sleep(200) end); :erlang.system_info(:process_count) - n
1
iex(11)> a = :erlang.system_info(:atom_count); a > 0
true
iex(12)> String.to_atom("an_atom_nobody_made_before_#{a}"); :erlang.system_info(:atom_count) > a
true
iex(13)> s = :erlang.system_info(:schedulers); is_integer(s) and s >= 1
true
iex(14)> s == :erlang.system_info(:schedulers_online)
true
iex(15)> List.starts_with?(:erlang.system_info(:system_version), 'Erlang/OTP 25 [erts-13.1.5]')
true
iex(16)> :erlang.system_info(:nope)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: invalid system info item

    :erlang.system_info(:nope)
iex(16)> :erlang.system_info("otp_release")
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: invalid system info item

    :erlang.system_info("otp_release")
iex(16)> :erlang.hash(1, 2)
** (UndefinedFunctionError) function :erlang.hash/2 is undefined or private, use erlang:phash2/2 instead
    :erlang.hash(1, 2)
iex(16)> :erlang.get_stacktrace()
** (UndefinedFunctionError) function :erlang.get_stacktrace/0 is undefined or private, use the new try/catch syntax for retrieving the stack backtrace
    :erlang.get_stacktrace()
iex(16)> Kernel.if(true, do: 1)
1
iex(17)> Kernel.if(false, do: 1, else: 2)
2
iex(18)> Kernel.unless(false, do: :ran)
:ran
iex(19)> Kernel.if 1 > 2 do
...(19)>   :yes
...(19)> else
...(19)>   :no
...(19)> end
:no
iex(20)> Kernel.nope()
** (UndefinedFunctionError) function Kernel.nope/0 is undefined or private. Did you mean:

      * node/0
      * node/1

    (elixir 1.14.0) Kernel.nope()
iex(20)> [1 2]
** (SyntaxError) iex:20:4: syntax error before: "2"
    |
 20 | [1 2]
    |    ^

iex(20)> foo(,)
** (SyntaxError) iex:20:5: syntax error before: ','
    |
 20 | foo(,)
    |     ^

iex(20)> x = do
...(20)> 1 = end
** (SyntaxError) iex:20:5: syntax error before: do
    |
 20 | x = do
    |     ^

iex(20)> x = rescue
** (SyntaxError) iex:20:5: syntax error before: rescue. "rescue" is a reserved word in Elixir and therefore its usage is limited. For instance, it can't be used as a variable or be defined nor invoked as a regular function

iex(20)> a after b
** (SyntaxError) iex:20:3: syntax error before: after. "after" is a reserved word in Elixir and therefore its usage is limited. For instance, it can't be used as a variable or be defined nor invoked as a regular function
