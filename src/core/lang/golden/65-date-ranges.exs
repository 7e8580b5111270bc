# Date.range (Enumerable: to_list, count, map, step, in, take from a long range; Inspect), Enum.sort by the Date module ({:desc, Date} too), year_of_era, utc_today's shape.
iex(1)> r = Date.range(~D[2024-01-30], ~D[2024-02-02])
Date.range(~D[2024-01-30], ~D[2024-02-02])
iex(2)> Enum.to_list(r)
[~D[2024-01-30], ~D[2024-01-31], ~D[2024-02-01], ~D[2024-02-02]]
iex(3)> Enum.count(r)
4
iex(4)> Enum.map(Date.range(~D[2024-01-01], ~D[2024-01-03]), &Date.day_of_week/1)
[1, 2, 3]
iex(5)> Date.range(~D[2024-01-01], ~D[2024-01-10], 3) |> Enum.to_list()
[~D[2024-01-01], ~D[2024-01-04], ~D[2024-01-07], ~D[2024-01-10]]
iex(6)> Date.range(~D[2024-01-03], ~D[2024-01-01], -1) |> Enum.to_list()
[~D[2024-01-03], ~D[2024-01-02], ~D[2024-01-01]]
iex(7)> ~D[2024-01-31] in r
true
iex(8)> ~D[2024-03-02] in r
false
iex(9)> Enum.take(Date.range(~D[2024-01-01], ~D[2099-01-01]), 2)
[~D[2024-01-01], ~D[2024-01-02]]
iex(10)> Map.keys(r)
[:__struct__, :first, :first_in_iso_days, :last, :last_in_iso_days, :step]
iex(11)> Enum.sort([~D[2024-03-01], ~D[2023-12-31], ~D[2024-01-15]], Date)
[~D[2023-12-31], ~D[2024-01-15], ~D[2024-03-01]]
iex(12)> Enum.sort([~D[2024-03-01], ~D[2023-12-31], ~D[2024-01-15]], {:desc, Date})
[~D[2024-03-01], ~D[2024-01-15], ~D[2023-12-31]]
iex(13)> Date.year_of_era(~D[2024-01-31])
{2024, 1}
iex(14)> Date.utc_today() |> Date.to_iso8601() |> byte_size()
10
