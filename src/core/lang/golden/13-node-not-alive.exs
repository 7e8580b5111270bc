# Node functions on a node started without a name (not alive): Node.list/1 with :this, connect, ping, disconnect, cookies, monitor
iex(1)> Node.list(:this)
[:nonode@nohost]
iex(2)> Node.list([:this, :visible])
[:nonode@nohost]
iex(3)> Node.list([:visible, :this])
[:nonode@nohost]
iex(4)> Node.list(:known)
[:nonode@nohost]
iex(5)> Node.list(:connected)
[]
iex(6)> Node.list(:hidden)
[]
iex(7)> :erlang.nodes(:this)
[:nonode@nohost]
iex(8)> Node.connect(:"x@vm")
:ignored
iex(9)> Node.ping(:"x@vm")
:pang
iex(10)> Node.disconnect(:"x@vm")
:ignored
iex(11)> Node.get_cookie
:nocookie
iex(12)> Node.set_cookie(:c)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: the node name is not part of a distributed system

    :erlang.set_cookie(:nonode@nohost, :c)
iex(12)> Node.set_cookie(:"x@vm", :c)
** (ErlangError) Erlang error: :distribution_not_started
    (kernel 8.5.3) auth.erl:143: :auth.set_cookie/2
iex(12)> Node.monitor(:"x@vm", true)
** (ErlangError) Erlang error: :notalive
    :erlang.monitor_node(:x@vm, true)
    (elixir 1.14.0) lib/node.ex:113: Node.monitor/2
iex(12)> :net_kernel.monitor_nodes(true)
:ok
iex(13)> Node.alive?
false
