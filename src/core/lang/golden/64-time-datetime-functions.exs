# Time, NaiveDateTime and DateTime (Etc/UTC): new, add and diff in units, compare, truncate, ISO 8601 with offsets, Unix time both ways, utc_now's shape.
iex(1)> Time.new(12, 30, 0)
{:ok, ~T[12:30:00]}
iex(2)> Time.new(24, 0, 0)
{:error, :invalid_time}
iex(3)> Time.new(12, 30, 15, 500)
{:ok, ~T[12:30:15.000500]}
iex(4)> Time.new(12, 30, 15, {500, 3})
{:ok, ~T[12:30:15.000]}
iex(5)> Time.new!(12, 30, 0)
~T[12:30:00]
iex(6)> Time.new!(12, 60, 0)
** (ArgumentError) cannot build time, reason: :invalid_time
    (elixir 1.14.0) lib/calendar/time.ex:182: Time.new!/5
iex(6)> Time.add(~T[23:59:59], 2)
~T[00:00:01]
iex(7)> Time.add(~T[12:00:00], 90, :minute)
~T[13:30:00]
iex(8)> Time.add(~T[12:00:00], 1500, :millisecond)
~T[12:00:01]
iex(9)> Time.diff(~T[12:00:10], ~T[12:00:00])
10
iex(10)> Time.diff(~T[12:00:10], ~T[12:00:00], :millisecond)
10000
iex(11)> Time.compare(~T[12:00:10], ~T[12:00:00])
:gt
iex(12)> Time.to_string(~T[09:05:00])
"09:05:00"
iex(13)> Time.from_iso8601("23:50:07")
{:ok, ~T[23:50:07]}
iex(14)> Time.from_iso8601("23:50:07.0123")
{:ok, ~T[23:50:07.0123]}
iex(15)> Time.from_iso8601("23:50:61")
{:error, :invalid_time}
iex(16)> Time.truncate(~T[01:01:01.123456], :millisecond)
~T[01:01:01.123]
iex(17)> NaiveDateTime.new(~D[2024-01-31], ~T[12:30:00])
{:ok, ~N[2024-01-31 12:30:00]}
iex(18)> NaiveDateTime.new(2024, 1, 31, 12, 30, 0)
{:ok, ~N[2024-01-31 12:30:00]}
iex(19)> NaiveDateTime.new!(2024, 13, 31, 12, 30, 0)
** (ArgumentError) cannot build naive datetime, reason: :invalid_date
    (elixir 1.14.0) lib/calendar/naive_datetime.ex:304: NaiveDateTime.new!/8
iex(19)> NaiveDateTime.add(~N[2024-01-31 23:00:00], 3600)
~N[2024-02-01 00:00:00]
iex(20)> NaiveDateTime.add(~N[2024-01-31 23:00:00], -2, :day)
~N[2024-01-29 23:00:00]
iex(21)> NaiveDateTime.add(~N[2024-01-31 23:00:00], 1, :microsecond)
~N[2024-01-31 23:00:00]
iex(22)> NaiveDateTime.diff(~N[2024-02-01 00:00:00], ~N[2024-01-31 23:00:00])
3600
iex(23)> NaiveDateTime.diff(~N[2024-02-01 00:00:00], ~N[2024-01-31 23:00:00], :millisecond)
3600000
iex(24)> NaiveDateTime.to_date(~N[2024-01-31 12:30:00])
~D[2024-01-31]
iex(25)> NaiveDateTime.to_time(~N[2024-01-31 12:30:00])
~T[12:30:00]
iex(26)> NaiveDateTime.truncate(~N[2024-01-31 12:30:00.123456], :second)
~N[2024-01-31 12:30:00]
iex(27)> NaiveDateTime.truncate(~N[2024-01-31 12:30:00.123456], :millisecond)
~N[2024-01-31 12:30:00.123]
iex(28)> NaiveDateTime.from_iso8601("2024-01-31 12:30:00")
{:ok, ~N[2024-01-31 12:30:00]}
iex(29)> NaiveDateTime.from_iso8601("2024-01-31T12:30:00.25Z")
{:ok, ~N[2024-01-31 12:30:00.25]}
iex(30)> NaiveDateTime.from_iso8601("2024-01-31")
{:error, :invalid_format}
iex(31)> NaiveDateTime.from_iso8601!("2024-01-31X")
** (ArgumentError) cannot parse "2024-01-31X" as naive datetime, reason: :invalid_format
    (elixir 1.14.0) lib/calendar/naive_datetime.ex:772: NaiveDateTime.from_iso8601!/2
iex(31)> NaiveDateTime.to_iso8601(~N[2024-01-31 12:30:00])
"2024-01-31T12:30:00"
iex(32)> NaiveDateTime.compare(~N[2024-01-31 12:30:00], ~N[2024-01-31 12:30:01])
:lt
iex(33)> NaiveDateTime.utc_now() |> is_struct(NaiveDateTime)
true
iex(34)> NaiveDateTime.utc_now().microsecond |> elem(1)
6
iex(35)> DateTime.utc_now() |> is_struct(DateTime)
true
iex(36)> DateTime.utc_now().time_zone
"Etc/UTC"
iex(37)> DateTime.utc_now().microsecond |> elem(1)
6
iex(38)> DateTime.from_unix(1706704200)
{:ok, ~U[2024-01-31 12:30:00Z]}
iex(39)> DateTime.from_unix(1706704200123, :millisecond)
{:ok, ~U[2024-01-31 12:30:00.123Z]}
iex(40)> DateTime.from_unix!(0)
~U[1970-01-01 00:00:00Z]
iex(41)> DateTime.from_unix(-62167219201)
{:ok, ~U[-0001-12-31 23:59:59Z]}
iex(42)> DateTime.to_unix(~U[2024-01-31 12:30:00Z])
1706704200
iex(43)> DateTime.to_unix(~U[2024-01-31 12:30:00.123Z], :millisecond)
1706704200123
iex(44)> DateTime.to_iso8601(~U[2024-01-31 12:30:00Z])
"2024-01-31T12:30:00Z"
iex(45)> DateTime.to_iso8601(~U[2024-01-31 12:30:00.120Z])
"2024-01-31T12:30:00.120Z"
iex(46)> DateTime.from_iso8601("2024-01-31T12:30:00Z")
{:ok, ~U[2024-01-31 12:30:00Z], 0}
iex(47)> DateTime.from_iso8601("2024-01-31T12:30:00+01:00")
{:ok, ~U[2024-01-31 11:30:00Z], 3600}
iex(48)> DateTime.from_iso8601("2024-01-31T12:30:00")
{:error, :missing_offset}
iex(49)> DateTime.from_iso8601("2024-01-31 12:30:00.5-02:30")
{:ok, ~U[2024-01-31 15:00:00.5Z], -9000}
iex(50)> DateTime.diff(~U[2024-01-31 12:30:00Z], ~U[2024-01-31 12:00:00Z])
1800
iex(51)> DateTime.diff(~U[2024-01-31 12:30:00Z], ~U[2024-01-31 12:00:00Z], :minute)
30
iex(52)> DateTime.add(~U[2024-01-31 12:30:00Z], 86400)
~U[2024-02-01 12:30:00Z]
iex(53)> DateTime.add(~U[2024-01-31 12:30:00Z], 1, :hour)
~U[2024-01-31 13:30:00Z]
iex(54)> DateTime.truncate(~U[2024-01-31 12:30:00.987654Z], :millisecond)
~U[2024-01-31 12:30:00.987Z]
iex(55)> DateTime.compare(~U[2024-01-31 12:30:00Z], ~U[2024-01-31 12:00:00Z])
:gt
iex(56)> DateTime.to_date(~U[2024-01-31 12:30:00Z])
~D[2024-01-31]
iex(57)> DateTime.to_naive(~U[2024-01-31 12:30:00Z])
~N[2024-01-31 12:30:00]
iex(58)> DateTime.to_string(~U[2024-01-31 12:30:00Z])
"2024-01-31 12:30:00Z"
iex(59)> DateTime.utc_now() |> DateTime.to_unix() |> is_integer()
true
