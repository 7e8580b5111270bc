# Time as programs read it: System.monotonic_time/system_time/os_time/unique_integer, convert_time_unit (rounded toward minus infinity), :erlang.convert_time_unit, :os.system_time; :erlang has no os_time.
iex(1)> System.monotonic_time() |> is_integer()
true
iex(2)> System.monotonic_time(:millisecond) |> is_integer()
true
iex(3)> System.system_time(:second) |> is_integer()
true
iex(4)> System.os_time() |> is_integer()
true
iex(5)> System.convert_time_unit(1, :second, :millisecond)
1000
iex(6)> System.convert_time_unit(1500, :millisecond, :second)
1
iex(7)> System.convert_time_unit(-1500, :millisecond, :second)
-2
iex(8)> System.convert_time_unit(1, :second, :native)
1000000000
iex(9)> :erlang.convert_time_unit(3, :second, 1000)
3000
iex(10)> :erlang.os_time(:microsecond) |> is_integer()
** (UndefinedFunctionError) function :erlang.os_time/1 is undefined or private
    :erlang.os_time(:microsecond)
iex(10)> :os.system_time(:millisecond) |> is_integer()
true
iex(11)> System.unique_integer([:positive]) > 0
true
