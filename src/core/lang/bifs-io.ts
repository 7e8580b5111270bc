/**
 * IO: `IO.puts/write/inspect` are Elixir (the prelude below) because they must wait for the
 * group leader's reply: each sends a proper I/O request `{:io_request, self, ref,
 * {:put_chars, :unicode, chars}}` to the device (the group leader for `:stdio`), monitors it,
 * and waits for `{:io_reply, ref, :ok}` — so `IO.puts(remote_gl, "hi")` works across nodes.
 * The TS helpers here only format (chardata, inspect with options) and resolve the device.
 */
import { atom, Binary, list, NIL, type Atom, type Term } from '../term/types.ts';
import { inspectPretty } from '../term/inspect.ts';
import { FormatError, ioLibFormat, ioLibFormatParts } from '../term/io-lib-format.ts';
import type { Bif, BifContext, BuiltinModule } from './builtins.ts';
import { inspectOpts, badargAt } from './bifs-kernel.ts';
import { toStr } from './values.ts';
import { concat } from './ops.ts';

const NL = Binary.fromString('\n');
const IO = atom('Elixir.IO');
const PUT_FORMAT = atom('__put_format__');
const STDIO = atom('standard_io');

/**
 * Checks a format here, raising io's ArgumentError (`* 1st argument: format string invalid
 * (invalid control ~d)`, `* 2nd argument: not a list`) with the `:io.format` call on top of the
 * stacktrace; `first` is the position of the format among the call's arguments.
 */
function checkFormat(format: Term, args: Term, first: number, ctx: BifContext): void {
  try {
    ioLibFormat(format, args, { nodeNumber: ctx.node.nodeNumber });
  } catch (e) {
    if (e instanceof FormatError) badargAt(e.arg === 'format' ? first : first + 1, e.message);
    throw e;
  }
}

/**
 * `:io.format/1,2,3` and `:io.fwrite/1,2,3` check the format, then send
 * `{:put_chars, :unicode, :io_lib, :format, [format, args]}`: the device formats it, on its
 * own node, as a real group leader does (see io-server.ts).
 */
function formatBifs(name: string): Bif[] {
  const put = (dev: Term, f: Term, a: Term, first: number, ctx: BifContext) => {
    checkFormat(f, a, first, ctx);
    return ctx.tailCallMfa(IO, PUT_FORMAT, [dev, f, a]);
  };
  return [
    { module: 'io', name, arity: 1, control: true, fn: ([f], ctx) => put(STDIO, f as Term, NIL, 0, ctx) },
    { module: 'io', name, arity: 2, control: true, fn: ([f, a], ctx) => put(STDIO, f as Term, a as Term, 0, ctx) },
    { module: 'io', name, arity: 3, control: true, fn: ([d, f, a], ctx) => put(d as Term, f as Term, a as Term, 1, ctx) },
  ];
}

/** `:io_lib.format/2`: the text as a list, one element per plain character or control. */
function ioLibFormatBif([f, a]: readonly Term[], ctx: BifContext): Term {
  checkFormat(f as Term, a as Term, 0, ctx);
  const parts = ioLibFormatParts(f as Term, a as Term, { nodeNumber: ctx.node.nodeNumber });
  // A plain character stays a code point; a control's text is a charlist.
  return list(parts.map((p) => (typeof p === 'number' ? p : charlistOf(p))));
}

const charlistOf = (s: string): Term => list([...s].map((c) => c.codePointAt(0) as number));

const ioBifs: Bif[] = [
  ...formatBifs('format'),
  ...formatBifs('fwrite'),
  { module: 'io_lib', name: 'format', arity: 2, fn: (a, ctx) => ioLibFormatBif(a, ctx) },
  { module: 'io_lib', name: 'fwrite', arity: 2, fn: (a, ctx) => ioLibFormatBif(a, ctx) },
  { module: 'io', name: 'put_chars', arity: 1, control: true, fn: ([c], ctx) => ctx.tailCallMfa(IO, atom('__put_chars__'), [STDIO, c as Term]) },
  { module: 'io', name: 'put_chars', arity: 2, control: true, fn: ([d, c], ctx) => ctx.tailCallMfa(IO, atom('__put_chars__'), [d as Term, c as Term]) },
];

const ioHelperBifs: Bif[] = [
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
    if (typeof dev === 'object' && dev.kind === 'atom') return ctx.proc.whereis(dev as Atom) ?? badargAt(0, 'the device does not exist');
    return badargAt(0, 'not a device');
  } },
];

const IO_PRELUDE = `
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
  def __put_format__(device, format, args) do
    case io_request(IO.__device__(device), {:put_chars, :unicode, :io_lib, :format, [format, args]}) do
      {:error, _} -> :erlang.error(:badarg)
      reply -> reply
    end
  end
  def __put_chars__(device, chars), do: put_chars_to(device, chars)
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
`;

/** IO, :io and :io_lib. */
export const ioModule: BuiltinModule = { name: 'io', bifs: [...ioBifs, ...ioHelperBifs], prelude: IO_PRELUDE };
