# :erlang.md5/1 (the bulk lane e2e compares digests of a 10 MB binary): digests of binaries and iolists, a large binary, and what is not iodata.
iex(1)> :erlang.md5("abc")
<<144, 1, 80, 152, 60, 210, 79, 176, 214, 150, 63, 125, 40, 225, 127, 114>>
iex(2)> :erlang.md5(["a", [98], "c"])
<<144, 1, 80, 152, 60, 210, 79, 176, 214, 150, 63, 125, 40, 225, 127, 114>>
iex(3)> :erlang.md5(<<>>)
<<212, 29, 140, 217, 143, 0, 178, 4, 233, 128, 9, 152, 236, 248, 66, 126>>
iex(4)> :erlang.md5(:binary.copy("xyz", 1_000_000)) == :erlang.md5(:binary.copy("xyzxyz", 500_000))
true
iex(5)> :erlang.md5(:binary.copy("xyz", 1_000_000))
<<14, 116, 52, 56, 91, 127, 124, 130, 34, 214, 101, 134, 235, 112, 147, 127>>
iex(6)> :erlang.md5(:a)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: not an iodata term

    :erlang.md5(:a)
iex(6)> :erlang.md5([1, :b])
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: not an iodata term

    :erlang.md5([1, :b])
