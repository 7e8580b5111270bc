/**
 * Logger, as a user calls it after `require Logger` (its level macros expand to `__do_log__/3`,
 * macros.ts): the message (chardata, or a zero-arity fun returning it, `{message, metadata}` or
 * `:skip`) printed as iex's default handler prints it, `\nHH:MM:SS.mmm [info] message`. Metadata
 * is accepted and not shown, as by iex's default format. Every level is on, as in iex 1.14.
 */
export const LOGGER_PRELUDE = `
defmodule Logger do
  def __do_log__(level, fun, metadata) when is_function(fun, 0) do
    case fun.() do
      :skip -> :ok
      {message, more} when is_list(more) -> __do_log__(level, message, metadata ++ more)
      message -> __do_log__(level, message, metadata)
    end
  end

  def __do_log__(level, message, _metadata) when is_binary(message), do: :otp_native.log(level, message)
  def __do_log__(level, message, _metadata) when is_list(message), do: :otp_native.log(level, List.to_string(message))

  def level, do: :debug
end
`;
