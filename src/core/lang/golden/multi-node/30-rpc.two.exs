# Node two@vm of the :rpc/:erpc session (30-rpc.one.exs types against it): started first with `iex --sname two --cookie rpcgold`, piped real iex 1.14.
iex(two@vm)1> defmodule Remote do
...(two@vm)1>   def hello(name), do: "hello #{name} from #{node()}"
...(two@vm)1> end
{:module, Remote,
 <<70, 79, 82, 49, 0, 0, 6, 88, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 0, 223,
   0, 0, 0, 23, 13, 69, 108, 105, 120, 105, 114, 46, 82, 101, 109, 111, 116,
   101, 8, 95, 95, 105, 110, 102, 111, 95, 95, ...>>, {:hello, 1}}
