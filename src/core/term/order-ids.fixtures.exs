# Regenerates order-ids.fixtures.json: how real BEAM (OTP 25, Elixir 1.14) orders pids, ports and
# references, local and remote, across two connected nodes:
#
#   cd src/core/term && elixir --sname pidorder_a --cookie pidorder order-ids.fixtures.exs
#
# It starts a second node (pidorder_b) with :peer, takes real pids, ports and refs from both
# nodes, adds crafted ones (binary_to_term of NEW_PID_EXT, V4_PORT_EXT, NEWER_REFERENCE_EXT) of
# other node names, creations, numbers, serials and ref lengths, and sorts each group with
# Enum.sort on this node and :lists.sort on the other. The two must agree (the node a term is
# local to does not matter). Each row: the group, the sorted list and the keys of a map made of
# the group's terms, as ETF (hex).
{:ok, peer, b} = :peer.start(%{name: :pidorder_b, args: [~c"-setcookie", ~c"pidorder"]})
true = Node.connect(b)
a = node()
<<131, 88, 119, len, _::binary-size(len), _::32, _::32, cre_a::32>> = :erlang.term_to_binary(self(), minor_version: 2)

bin = &Atom.to_string/1
pid = fn node, id, serial, cre -> :erlang.binary_to_term(<<131, 88, 119, byte_size(bin.(node)), bin.(node)::binary, id::32, serial::32, cre::32>>) end
port = fn node, id, cre -> :erlang.binary_to_term(<<131, 120, 119, byte_size(bin.(node)), bin.(node)::binary, id::64, cre::32>>) end
ref = fn node, cre, ids ->
  words = for i <- ids, into: <<>>, do: <<i::32>>
  :erlang.binary_to_term(<<131, 90, length(ids)::16, 119, byte_size(bin.(node)), bin.(node)::binary, cre::32, words::binary>>)
end

sleeper = fn -> spawn(fn -> Process.sleep(:infinity) end) end
pids_a = [self() | for(_ <- 1..4, do: sleeper.())]
pids_b = for _ <- 1..4, do: Node.spawn(b, :timer, :sleep, [:infinity])
crafted_pids = [
  pid.(:"aaa@x", 56, 0, 1), pid.(:"aaa@x", 56, 0, 2), pid.(:"aaa@x", 65, 0, 1), pid.(:"aaa@x", 56, 1, 1),
  pid.(:"zzz@x", 56, 0, 1), pid.(:"aaa@x", 0x80000000, 0, 1), pid.(:"aaa@x", 0, 2, 1),
  pid.(a, 56, 0, cre_a), pid.(a, 30000, 0, cre_a), pid.(a, 5, 1, cre_a), pid.(a, 56, 0, cre_a + 1)
]

open = fn -> Port.open({:spawn, "cat"}, []) end
ports_a = [open.(), open.()]
ports_b = Enum.take(:erpc.call(b, :erlang, :ports, []), 2)
crafted_ports = [
  port.(:"aaa@x", 5, 1), port.(:"aaa@x", 7, 1), port.(:"aaa@x", 5, 2), port.(:"aaa@x", 0x10000000000, 1),
  port.(:"zzz@x", 5, 1), port.(a, 3, cre_a), port.(a, 0x10000000000, cre_a + 1)
]

refs_a = for _ <- 1..3, do: make_ref()
refs_b = for _ <- 1..3, do: :erpc.call(b, :erlang, :make_ref, [])
crafted_refs = [
  ref.(:"aaa@x", 1, [1, 2, 3]), ref.(:"aaa@x", 1, [1, 2, 4]), ref.(:"aaa@x", 1, [2, 2, 3]),
  ref.(:"aaa@x", 2, [1, 2, 3]), ref.(:"zzz@x", 1, [1, 2, 3]), ref.(:"aaa@x", 1, [7]), ref.(:"aaa@x", 1, [5, 5]),
  ref.(:"aaa@x", 1, [0, 0, 0, 0, 0]), ref.(:"aaa@x", 1, [3, 0, 0, 0, 0]), ref.(:"aaa@x", 1, [1, 2, 3, 0, 1]),
  ref.(:"aaa@x", 1, [6]), ref.(:"aaa@x", 1, [6, 0]),
  ref.(a, cre_a, [1, 2, 3]), ref.(a, cre_a, [9, 0, 3]), ref.(a, cre_a + 1, [1, 2, 3])
]

groups = [
  pids: pids_a ++ pids_b ++ crafted_pids,
  ports: ports_a ++ ports_b ++ crafted_ports,
  refs: refs_a ++ refs_b ++ crafted_refs,
  mixed: Enum.take(pids_b, 1) ++ Enum.take(pids_a, 1) ++ Enum.take(ports_b, 1) ++ Enum.take(refs_a, 1) ++ [:atom, {1}]
]

rows =
  for {name, terms} <- groups do
    here = Enum.sort(Enum.reverse(terms))
    there = :erpc.call(b, :lists, :sort, [terms])
    ^here = there
    # Small maps keep keys in term order, one key for each set of equal terms (refs that differ
    # only by trailing zero words are equal: [6] and [6, 0] below).
    keys = Map.keys(Map.new(terms, &{&1, 1}))
    hex = &Base.encode16(:erlang.term_to_binary(&1))
    ~s( {"group": "#{name}", "sorted": "#{hex.(here)}", "keys": "#{hex.(keys)}"})
  end

:peer.stop(peer)
File.write!("order-ids.fixtures.json", "[\n" <> Enum.join(rows, ",\n") <> "\n]\n")
