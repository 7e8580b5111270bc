# Date's functions: new/new! (and the ArgumentError), add (and its ArithmeticError), diff, compare, day_of_week, leap_year?, days_in_month, ISO 8601 in and out (with its error reasons), beginning/end of month, utc_today's shape, from_erl/to_erl, Enum.max with the Date module.
iex(1)> Date.new(2024, 2, 29)
{:ok, ~D[2024-02-29]}
iex(2)> Date.new(2023, 2, 29)
{:error, :invalid_date}
iex(3)> Date.new!(2024, 1, 31)
~D[2024-01-31]
iex(4)> Date.new!(2023, 2, 30)
** (ArgumentError) cannot build date, reason: :invalid_date
    (elixir 1.14.0) lib/calendar/date.ex:299: Date.new!/4
iex(4)> Date.add(~D[2024-01-31], 1)
~D[2024-02-01]
iex(5)> Date.add(~D[2024-03-01], -1)
~D[2024-02-29]
iex(6)> Date.add(~D[2024-12-31], 366)
~D[2026-01-01]
iex(7)> Date.diff(~D[2024-03-01], ~D[2024-01-01])
60
iex(8)> Date.diff(~D[2000-01-01], ~D[2024-01-01])
-8766
iex(9)> Date.compare(~D[2024-01-31], ~D[2024-02-01])
:lt
iex(10)> Date.compare(~D[2024-01-31], ~D[2024-01-31])
:eq
iex(11)> Date.compare(~D[2025-01-01], ~D[2024-12-31])
:gt
iex(12)> Date.day_of_week(~D[2024-01-31])
3
iex(13)> Date.day_of_week(~D[2024-02-04])
7
iex(14)> Date.leap_year?(~D[2024-01-01])
true
iex(15)> Date.leap_year?(~D[1900-01-01])
false
iex(16)> Date.leap_year?(~D[2000-01-01])
true
iex(17)> Date.days_in_month(~D[2024-02-10])
29
iex(18)> Date.days_in_month(~D[2023-02-10])
28
iex(19)> Date.from_iso8601("2024-01-31")
{:ok, ~D[2024-01-31]}
iex(20)> Date.from_iso8601("2024-02-30")
{:error, :invalid_date}
iex(21)> Date.from_iso8601("2024/01/31")
{:error, :invalid_format}
iex(22)> Date.from_iso8601("20240131")
{:error, :invalid_format}
iex(23)> Date.from_iso8601!("2024-01-31")
~D[2024-01-31]
iex(24)> Date.from_iso8601!("nope")
** (ArgumentError) cannot parse "nope" as date, reason: :invalid_format
    (elixir 1.14.0) lib/calendar/date.ex:369: Date.from_iso8601!/2
iex(24)> Date.to_iso8601(~D[2024-01-31])
"2024-01-31"
iex(25)> Date.to_string(~D[2024-01-31])
"2024-01-31"
iex(26)> Date.beginning_of_month(~D[2024-02-10])
~D[2024-02-01]
iex(27)> Date.end_of_month(~D[2024-02-10])
~D[2024-02-29]
iex(28)> Date.end_of_month(~D[2023-02-10])
~D[2023-02-28]
iex(29)> Date.utc_today() |> is_struct(Date)
true
iex(30)> Date.from_erl({2024, 1, 31})
{:ok, ~D[2024-01-31]}
iex(31)> Date.to_erl(~D[2024-01-31])
{2024, 1, 31}
iex(32)> Date.add(~D[2024-01-31], :x)
** (ArithmeticError) bad argument in arithmetic expression: 739281 + :x
    :erlang.+(739281, :x)
    (elixir 1.14.0) lib/calendar/date.ex:660: Date.add/2
iex(32)> Date.before?(~D[2024-01-01], ~D[2024-01-02])
** (UndefinedFunctionError) function Date.before?/2 is undefined or private
    (elixir 1.14.0) Date.before?(~D[2024-01-01], ~D[2024-01-02])
iex(32)> Date.after?(~D[2024-01-01], ~D[2024-01-02])
** (UndefinedFunctionError) function Date.after?/2 is undefined or private
    (elixir 1.14.0) Date.after?(~D[2024-01-01], ~D[2024-01-02])
iex(32)> Enum.max([~D[2024-03-01], ~D[2023-12-31], ~D[2024-01-15]], Date)
~D[2024-03-01]
