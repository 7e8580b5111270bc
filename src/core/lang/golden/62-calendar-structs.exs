# Dates and times as iex prints them: the ~D ~T ~N ~U sigils (microsecond precision as written), the struct fields, to_string/inspect/interpolation, a %Date{} literal and pattern, and the sigils' ArgumentError for an invalid date or time.
iex(1)> ~D[2024-01-31]
~D[2024-01-31]
iex(2)> ~T[12:30:00]
~T[12:30:00]
iex(3)> ~N[2024-01-31 12:30:00]
~N[2024-01-31 12:30:00]
iex(4)> ~U[2024-01-31 12:30:00Z]
~U[2024-01-31 12:30:00Z]
iex(5)> ~T[12:30:00.123]
~T[12:30:00.123]
iex(6)> ~N[2024-01-31 12:30:00.000001]
~N[2024-01-31 12:30:00.000001]
iex(7)> ~U[2024-01-31 12:30:00.5Z]
~U[2024-01-31 12:30:00.5Z]
iex(8)> d = ~D[2024-01-31]
~D[2024-01-31]
iex(9)> d.year
2024
iex(10)> {d.month, d.day, d.calendar}
{1, 31, Calendar.ISO}
iex(11)> %Date{year: y} = d
~D[2024-01-31]
iex(12)> y
2024
iex(13)> Map.keys(d)
[:__struct__, :calendar, :day, :month, :year]
iex(14)> to_string(~D[2024-01-31])
"2024-01-31"
iex(15)> to_string(~T[01:02:03.040])
"01:02:03.040"
iex(16)> to_string(~N[2024-01-31 12:30:00])
"2024-01-31 12:30:00"
iex(17)> to_string(~U[2024-01-31 12:30:00Z])
"2024-01-31 12:30:00Z"
iex(18)> inspect(~D[2024-01-31])
"~D[2024-01-31]"
iex(19)> "Today is #{~D[2024-02-29]}"
"Today is 2024-02-29"
iex(20)> [~D[2024-01-01], ~T[00:00:00]]
[~D[2024-01-01], ~T[00:00:00]]
iex(21)> %{d: ~D[2024-01-31]}
%{d: ~D[2024-01-31]}
iex(22)> Map.from_struct(~T[12:30:00])
%{calendar: Calendar.ISO, hour: 12, microsecond: {0, 0}, minute: 30, second: 0}
iex(23)> Map.from_struct(~U[2024-01-31 12:30:00Z])
%{
  calendar: Calendar.ISO,
  day: 31,
  hour: 12,
  microsecond: {0, 0},
  minute: 30,
  month: 1,
  second: 0,
  std_offset: 0,
  time_zone: "Etc/UTC",
  utc_offset: 0,
  year: 2024,
  zone_abbr: "UTC"
}
iex(24)> %Date{year: 2024, month: 1, day: 31}
~D[2024-01-31]
iex(25)> ~D[0009-01-05]
~D[0009-01-05]
iex(26)> ~D[2024-13-01]
** (ArgumentError) cannot parse "2024-13-01" as Date for Calendar.ISO, reason: :invalid_date
    (elixir 1.14.0) lib/kernel.ex:6246: Kernel.maybe_raise!/4
    (elixir 1.14.0) lib/kernel.ex:6225: Kernel.parse_with_calendar!/3
    (elixir 1.14.0) expanding macro: Kernel.sigil_D/2
    iex:26: (file)
iex(26)> ~T[25:00:00]
** (ArgumentError) cannot parse "25:00:00" as Time for Calendar.ISO, reason: :invalid_time
    (elixir 1.14.0) lib/kernel.ex:6246: Kernel.maybe_raise!/4
    (elixir 1.14.0) lib/kernel.ex:6225: Kernel.parse_with_calendar!/3
    (elixir 1.14.0) expanding macro: Kernel.sigil_T/2
    iex:26: (file)
iex(26)> d == ~D[2024-01-31]
true
