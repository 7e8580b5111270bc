# Regenerates inspect.fixtures.json from inspect.fixtures.exprs (one Elixir expression a line)
# with real Elixir 1.14:  cd src/core/term && elixir inspect.fixtures.exs
# Each row: the source, the term as ETF (hex), inspect/1 and iex's pretty form (width 80).
json = fn s ->
  body =
    for <<c::utf8 <- s>>, into: "" do
      case c do
        ?" -> "\\\""
        ?\\ -> "\\\\"
        c when c < 0x20 -> "\\u" <> String.pad_leading(Integer.to_string(c, 16), 4, "0")
        c -> <<c::utf8>>
      end
    end

  "\"" <> body <> "\""
end

rows =
  for src <- File.read!("inspect.fixtures.exprs") |> String.split("\n", trim: true) do
    {t, _} = Code.eval_string(src)
    etf = :erlang.term_to_binary(t) |> Base.encode16()
    fields = [src: src, etf: etf, inspect: inspect(t), pretty: inspect(t, pretty: true, width: 80)]
    " {" <> Enum.map_join(fields, ", ", fn {k, v} -> json.(Atom.to_string(k)) <> ": " <> json.(v) end) <> "}"
  end

File.write!("inspect.fixtures.json", "[\n" <> Enum.join(rows, ",\n") <> "\n]\n")
