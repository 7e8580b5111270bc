/**
 * Map, List and Keyword functions that take funs, in Elixir (see prelude/enum.ts for why).
 * Missing keys and non-maps raise through the TS BIFs they call (Map.fetch/2 raises
 * BadMapError; `:stdlib_native.key_error/2` raises KeyError as Elixir words it).
 */
import { KEYWORD_MORE, LIST_MORE, MAP_MORE } from './collections-more.ts';

export const COLLECTIONS_PRELUDE = `
defmodule Map do
  def update(map, key, default, f) do
    case Map.fetch(map, key) do
      {:ok, value} -> Map.put(map, key, f.(value))
      :error -> Map.put(map, key, default)
    end
  end

  def update!(map, key, f) do
    case Map.fetch(map, key) do
      {:ok, value} -> Map.put(map, key, f.(value))
      :error -> :stdlib_native.key_error(key, map)
    end
  end

  def get_lazy(map, key, f) do
    case Map.fetch(map, key) do
      {:ok, value} -> value
      :error -> f.()
    end
  end

  def put_new_lazy(map, key, f) do
    if Map.has_key?(map, key) do
      map
    else
      Map.put(map, key, f.())
    end
  end

  def new(e, f), do: Map.new(Enum.map(e, f))

  def filter(map, f), do: Map.new(Enum.filter(Map.to_list(map), f))

  def reject(map, f), do: Map.new(Enum.reject(Map.to_list(map), f))

  def map(map, f), do: Map.new(Enum.map(Map.to_list(map), fn {k, _} = kv -> {k, f.(kv)} end))
${MAP_MORE}
end

defmodule List do
  def foldl(list, acc, f) when is_list(list), do: Enum.reduce(list, acc, f)

  def foldr(list, acc, f) when is_list(list), do: Enum.reduce(:lists.reverse(list), acc, f)

  def update_at(list, index, f) when is_list(list) and is_integer(index) do
    case Enum.fetch(list, index) do
      {:ok, value} -> List.replace_at(list, index, f.(value))
      :error -> list
    end
  end
${LIST_MORE}
end

defmodule Keyword do
  def update(kw, key, default, f) do
    case Keyword.fetch(kw, key) do
      {:ok, value} -> Keyword.put(kw, key, f.(value))
      :error -> kw ++ [{key, default}]
    end
  end

  def update!(kw, key, f) do
    case Keyword.fetch(kw, key) do
      {:ok, value} -> Keyword.put(kw, key, f.(value))
      :error -> :stdlib_native.key_error(key, kw)
    end
  end

  def get_lazy(kw, key, f) do
    case Keyword.fetch(kw, key) do
      {:ok, value} -> value
      :error -> f.()
    end
  end
${KEYWORD_MORE}
end

`;
