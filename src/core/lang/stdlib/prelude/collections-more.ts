/**
 * More of Elixir 1.14's Map, List and Keyword, in Elixir (each string is appended to its
 * module in prelude/collections.ts). Checked against real iex (golden/24-collections-more.exs).
 */
export const MAP_MORE = `
  def from_keys(keys, value), do: Map.new(keys, fn k -> {k, value} end)

  def get_and_update(map, key, f) when is_map(map) do
    current = Map.get(map, key)

    case f.(current) do
      {get, new} -> {get, Map.put(map, key, new)}
      :pop -> {current, Map.delete(map, key)}
    end
  end

  def get_and_update!(map, key, f) when is_map(map) do
    if Map.has_key?(map, key), do: Map.get_and_update(map, key, f), else: :stdlib_native.key_error(key, map)
  end

  def merge(a, b, f) when is_function(f, 3) do
    Enum.reduce(Map.to_list(b), a, fn {k, v2}, acc ->
      case Map.fetch(acc, k) do
        {:ok, v1} -> Map.put(acc, k, f.(k, v1, v2))
        :error -> Map.put(acc, k, v2)
      end
    end)
  end

  def pop!(map, key) do
    case Map.fetch(map, key) do
      {:ok, v} -> {v, Map.delete(map, key)}
      :error -> :stdlib_native.key_error(key, map)
    end
  end

  def pop_lazy(map, key, f) do
    case Map.fetch(map, key) do
      {:ok, v} -> {v, Map.delete(map, key)}
      :error -> {f.(), map}
    end
  end

  def replace_lazy(map, key, f) do
    case Map.fetch(map, key) do
      {:ok, v} -> Map.put(map, key, f.(v))
      :error -> map
    end
  end
`;

export const LIST_MORE = `
  def improper?(list) when is_list(list) and length(list) >= 0, do: false
  def improper?(list) when is_list(list), do: true

  def keyfind!(list, key, position) do
    case List.keyfind(list, key, position) do
      nil -> :stdlib_native.raise_key_error("key #{inspect(key)} at position #{inspect(position)} not found in: #{inspect(list)}", key, list)
      t -> t
    end
  end

  def keysort(list, position), do: keysort(list, position, :asc)
  def keysort(list, position, sorter), do: Enum.sort_by(list, fn t -> elem(t, position) end, sorter)

  def keytake(list, key, position) do
    case List.keyfind(list, key, position) do
      nil -> nil
      t -> {t, List.keydelete(list, key, position)}
    end
  end

  def pop_at(list, index, default \\\\ nil) when is_list(list) and is_integer(index) do
    case Enum.fetch(list, index) do
      {:ok, v} -> {v, List.delete_at(list, index)}
      :error -> {default, list}
    end
  end

  def starts_with?(list, []) when is_list(list), do: true
  def starts_with?([h | t], [h | rest]), do: List.starts_with?(t, rest)
  def starts_with?(list, [_ | _]) when is_list(list), do: false

  def to_charlist(list) when is_list(list), do: String.to_charlist(List.to_string(list))
`;

export const KEYWORD_MORE = `
  def filter(kw, f) when is_list(kw), do: Enum.filter(kw, f)
  def reject(kw, f) when is_list(kw), do: Enum.reject(kw, f)
  def map(kw, f) when is_list(kw), do: Enum.map(kw, fn {k, _} = pair -> {k, f.(pair)} end)

  def get_values(kw, key) when is_list(kw) and is_atom(key), do: for({^key, v} <- kw, do: v)

  def pop(kw, key, default \\\\ nil) when is_list(kw) and is_atom(key) do
    case Keyword.fetch(kw, key) do
      {:ok, v} -> {v, Keyword.delete(kw, key)}
      :error -> {default, kw}
    end
  end

  def pop!(kw, key) when is_list(kw) and is_atom(key) do
    case Keyword.fetch(kw, key) do
      {:ok, v} -> {v, Keyword.delete(kw, key)}
      :error -> :stdlib_native.key_error(key, kw)
    end
  end

  def pop_lazy(kw, key, f) when is_list(kw) and is_atom(key) do
    case Keyword.fetch(kw, key) do
      {:ok, v} -> {v, Keyword.delete(kw, key)}
      :error -> {f.(), kw}
    end
  end

  def pop_first(kw, key, default \\\\ nil) when is_list(kw) and is_atom(key) do
    case List.keytake(kw, key, 0) do
      {{^key, v}, rest} -> {v, rest}
      nil -> {default, kw}
    end
  end

  def pop_values(kw, key) when is_list(kw) and is_atom(key), do: {Keyword.get_values(kw, key), Keyword.delete(kw, key)}

  def put_new_lazy(kw, key, f) when is_list(kw) and is_atom(key) do
    if Keyword.has_key?(kw, key), do: kw, else: [{key, f.()} | kw]
  end

  def replace(kw, key, value) when is_list(kw) and is_atom(key) do
    if Keyword.has_key?(kw, key), do: Keyword.put(kw, key, value), else: kw
  end

  def replace!(kw, key, value) when is_list(kw) and is_atom(key) do
    if Keyword.has_key?(kw, key), do: Keyword.put(kw, key, value), else: :stdlib_native.key_error(key, kw)
  end

  def replace_lazy(kw, key, f) when is_list(kw) and is_atom(key) do
    case Keyword.fetch(kw, key) do
      {:ok, v} -> Keyword.put(kw, key, f.(v))
      :error -> kw
    end
  end

  def split(kw, keys) when is_list(kw) and is_list(keys) do
    {a, b} = Enum.split_with(kw, fn {k, _} -> k in keys end)
    {a, b}
  end

  def from_keys(keys, value) when is_list(keys), do: Enum.map(keys, fn k when is_atom(k) -> {k, value} end)

  # As Elixir: the first list without the keys the second has, then the second's entries
  # (merged with the first's value where both have the key), in order.
  def merge(a, b, f) when is_list(a) and is_list(b) and is_function(f, 3), do: merge3(b, [], a, a, f)

  defp merge3([{k, v2} | t], acc, rest, original, f) do
    case List.keyfind(original, k, 0) do
      {^k, v1} -> merge3(t, [{k, f.(k, v1, v2)} | acc], Keyword.delete(rest, k), List.keydelete(original, k, 0), f)
      nil -> merge3(t, [{k, v2} | acc], rest, original, f)
    end
  end

  defp merge3([], acc, rest, _original, _f), do: rest ++ :lists.reverse(acc)

  def new(e, f), do: Keyword.new(Enum.map(e, f))

  def equal?(a, b) when is_list(a) and is_list(b), do: Enum.sort(Keyword.to_list(a)) == Enum.sort(Keyword.to_list(b))

  def get_and_update(kw, key, f) when is_list(kw) and is_atom(key) do
    current = Keyword.get(kw, key)

    case f.(current) do
      {get, new} -> {get, Keyword.put(kw, key, new)}
      :pop -> {current, Keyword.delete(kw, key)}
    end
  end
`;
