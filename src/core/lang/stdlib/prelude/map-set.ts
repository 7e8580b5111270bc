/**
 * MapSet, in Elixir, as Elixir 1.14 keeps it: a struct holding a map of the members to `[]`
 * (`version: 2`), so `==`, term order and pattern matching see what BEAM sees. Inspect
 * (`MapSet.new([1, 2])`) is in term/inspect.ts. The clauses that can fail are shaped as
 * Elixir's, so a FunctionClauseError lists the same heads.
 */
export const MAP_SET_PRELUDE = `
defmodule MapSet do
  defstruct map: %{}, version: 2

  def new(), do: %MapSet{}
  def new(%MapSet{} = map_set), do: map_set
  def new(enumerable), do: %MapSet{map: Map.from_keys(Enum.to_list(enumerable), [])}

  def new(enumerable, transform) when is_function(transform, 1) do
    %MapSet{map: Map.from_keys(Enum.map(enumerable, transform), [])}
  end

  def delete(%MapSet{map: map} = map_set, value), do: %{map_set | map: Map.delete(map, value)}

  def difference(%MapSet{map: map1} = map_set, %MapSet{map: map2}) do
    %{map_set | map: Map.drop(map1, Map.keys(map2))}
  end

  def disjoint?(%MapSet{map: map1}, %MapSet{map: map2}) do
    not Enum.any?(Map.keys(map1), fn x -> is_map_key(map2, x) end)
  end

  def equal?(%MapSet{map: map1}, %MapSet{map: map2}), do: map1 === map2

  def filter(%MapSet{map: map} = map_set, fun) when is_function(fun, 1) do
    %{map_set | map: Map.from_keys(Enum.filter(Map.keys(map), fun), [])}
  end

  def reject(%MapSet{map: map} = map_set, fun) when is_function(fun, 1) do
    %{map_set | map: Map.from_keys(Enum.reject(Map.keys(map), fun), [])}
  end

  def intersection(%MapSet{map: map1} = map_set, %MapSet{map: map2}) do
    %{map_set | map: Map.take(map1, Map.keys(map2))}
  end

  def member?(%MapSet{map: map}, value), do: is_map_key(map, value)

  def put(%MapSet{map: map} = map_set, value), do: %{map_set | map: Map.put(map, value, [])}

  def size(%MapSet{map: map}), do: map_size(map)

  def subset?(%MapSet{map: map1}, %MapSet{map: map2}) do
    map_size(map1) <= map_size(map2) and Enum.all?(Map.keys(map1), fn x -> is_map_key(map2, x) end)
  end

  def symmetric_difference(%MapSet{map: map1} = map_set, %MapSet{map: map2}) do
    both = Map.take(map1, Map.keys(map2))
    %{map_set | map: Map.drop(Map.merge(map1, map2), Map.keys(both))}
  end

  def to_list(%MapSet{map: map}), do: Map.keys(map)

  def union(%MapSet{map: map1, version: version} = map_set, %MapSet{map: map2, version: version}) do
    %{map_set | map: Map.merge(map1, map2)}
  end

  def union(%MapSet{map: map1}, %MapSet{map: map2}) do
    %MapSet{map: Map.merge(map1, map2)}
  end
end

defimpl Enumerable, for: MapSet do
  def count(map_set), do: {:ok, MapSet.size(map_set)}
  def member?(map_set, value), do: {:ok, MapSet.member?(map_set, value)}
  def slice(_map_set), do: {:error, __MODULE__}
  def reduce(map_set, acc, fun), do: Enumerable.List.reduce(MapSet.to_list(map_set), acc, fun)
end

defimpl Collectable, for: MapSet do
  def into(%MapSet{map: map} = map_set) do
    fun = fn
      list, {:cont, x} -> [x | list]
      list, :done -> %{map_set | map: Map.merge(map, Map.from_keys(list, []))}
      _, :halt -> :ok
    end

    {[], fun}
  end
end
`;
