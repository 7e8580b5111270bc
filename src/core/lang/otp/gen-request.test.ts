// :otp_native.gen_request/3, GenServer.call's monitor-and-send in one BIF (gen-request.ts): the
// request a server receives is gen's, its ref the monitor's and an alias, and a bad process is
// badarg naming its own argument (erts' words for monitor/3's), never a JavaScript error.
import { describe, expect, test } from 'vitest';
import { run } from '../vm-test-helpers.ts';

describe(':otp_native.gen_request/3', () => {
  test('sends {label, {self(), [:alias | mref]}, request} and monitors with an alias that ends with the monitor (the DOWN ends both)', () => {
    const src = `
      me = self()
      server = spawn(fn ->
        receive do
          {:"$gen_call", {from, [:alias | ref] = tag}, req} -> send(me, {:got, from == me, is_reference(ref), req}); send(ref, {tag, :through_alias})
        end
        receive do: (:stop -> :ok)
      end)
      mref = :otp_native.gen_request(server, :"$gen_call", :hello)
      got = receive do: ({:got, _, _, _} = g -> g)
      reply = receive do: ({[:alias | ^mref], r} -> r)
      send(server, :stop)
      down = receive do: ({:DOWN, ^mref, :process, ^server, reason} -> reason), after: (100 -> :no_down)
      send(mref, {[:alias | mref], :after_the_monitor})
      late = receive do: ({[:alias | ^mref], r} -> r), after: (20 -> :none)
      {got, reply, down, late}`;
    expect(run(src)).toBe('{{:got, true, true, :hello}, :through_alias, :normal, :none}');
  });

  test('a process that is gone: the DOWN comes with :noproc, as monitor/3 gives it', () => {
    const src = `
      pid = spawn(fn -> :ok end)
      Process.sleep(5)
      mref = :otp_native.gen_request(pid, :"$gen_call", :x)
      receive do: ({:DOWN, ^mref, :process, ^pid, reason} -> reason), after: (100 -> :no_down)`;
    expect(run(src)).toBe(':noproc');
  });

  test('anything but a pid, a name or {name, node} is an ArgumentError about the 1st argument', () => {
    for (const bad of ['1', '"server"', '{:a, 1}', '{1, :b}', '[]']) {
      const src = `
        try do
          :otp_native.gen_request(${bad}, :"$gen_call", :x)
        rescue
          e in ArgumentError -> Exception.message(e)
        end`;
      expect(run(src)).toContain('1st argument');
    }
  });
});
