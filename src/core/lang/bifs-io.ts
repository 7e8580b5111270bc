/**
 * IO: `IO.puts/write/inspect` are Elixir (the prelude below) because they must wait for the
 * group leader's reply: each sends a proper I/O request `{:io_request, self, ref,
 * {:put_chars, :unicode, chars}}` to the device (the group leader for `:stdio`), monitors it,
 * and waits for `{:io_reply, ref, :ok}` — so `IO.puts(remote_gl, "hi")` works across nodes.
 * The TS helpers here only format (chardata, inspect with options) and resolve the device.
 */
import { atom, Binary, type Atom, type Term } from '../term/types.ts';
import { inspectPretty } from '../term/inspect.ts';
import { registerBifs, registerPrelude } from './builtins.ts';
import { inspectOpts, badargAt } from './bifs-kernel.ts';
import { toStr } from './compiler.ts';
import { concat } from './ops.ts';

const NL = Binary.fromString('\n');

registerBifs([
  { module: 'Elixir.IO', name: '__chars__', arity: 2, fn: ([item, nl]) => {
    const b = toStr(item as Term);
    return nl === atom('true') ? concat(b, NL) : b;
  } },
  { module: 'Elixir.IO', name: '__inspect__', arity: 2, fn: ([item, opts], ctx) => {
    const { opts: o, label } = inspectOpts(opts as Term, ctx.node);
    const text = inspectPretty(item as Term, o.width ?? 80, o);
    return Binary.fromString(`${label === null ? '' : `${label}: `}${text}\n`);
  } },
  { module: 'Elixir.IO', name: '__device__', arity: 1, fn: ([d], ctx) => {
    const dev = d as Term;
    if (dev === atom('stdio') || dev === atom('stderr') || dev === atom('standard_io') || dev === atom('standard_error')) {
      return ctx.proc.groupLeader();
    }
    if (typeof dev === 'object' && (dev.kind === 'pid' || dev.kind === 'tuple')) return dev;
    if (typeof dev === 'object' && dev.kind === 'atom') return ctx.proc.whereis(dev as Atom) ?? badargAt(0, 'not a device');
    return badargAt(0, 'not a device');
  } },
]);

registerPrelude('io', `
defmodule IO do
  def puts(item), do: put_chars_to(:stdio, IO.__chars__(item, true))
  def puts(device, item), do: put_chars_to(device, IO.__chars__(item, true))
  def write(item), do: put_chars_to(:stdio, IO.__chars__(item, false))
  def write(device, item), do: put_chars_to(device, IO.__chars__(item, false))
  def inspect(item), do: inspect(item, [])
  def inspect(item, opts) do
    put_chars_to(:stdio, IO.__inspect__(item, opts))
    item
  end
  def inspect(device, item, opts) do
    put_chars_to(device, IO.__inspect__(item, opts))
    item
  end
  defp put_chars_to(device, chars) do
    io_request(IO.__device__(device), {:put_chars, :unicode, chars})
  end
  defp io_request(pid, request) do
    ref = Process.monitor(pid)
    send(pid, {:io_request, self(), ref, request})
    receive do
      {:io_reply, ^ref, reply} ->
        Process.demonitor(ref, [:flush])
        reply
      {:DOWN, ^ref, _, _, _} ->
        {:error, :terminated}
    end
  end
end
`);
