// The bulk lane in the app (src/distribution/bulk-lane.ts, through the classroom's network
// controls): between two tabs over real WebRTC, a 10 MB binary crosses on the link's second
// channel while small messages keep crossing on the first. Tab one sends the binary to a process
// on tab two while another of its processes pings an echo process there every 20 ms; the pings
// sent after the big send are answered while it crosses (measured inside the node with
// :erlang.monotonic_time), and the binary arrives intact (byte_size and :erlang.md5 compared).
// A behaviour test, not a benchmark: the bounds are generous; on one channel the first ping
// after the send would wait for the whole 10 MB.
import { expect, test } from './fixtures.ts';
import { openNode } from './kit.ts';

let n = 0;
const host = () => `bulk${process.pid}x${n++}`;

test('a 10 MB binary between tabs does not hold up the small messages behind it', async ({ browser }) => {
  test.setTimeout(180_000);
  const h = host();
  const one = await openNode(browser, { sname: 'one', host: h });
  const two = await openNode(browser, { sname: 'two', host: h });
  const twoName = `:two@${h}`;

  await two.iex(
    [
      'defmodule Lab do',
      '  def echo do',
      '    receive do',
      '      {from, t} -> send(from, {:pong, t})',
      '    end',
      '    echo()',
      '  end',
      '  def sink do',
      '    receive do',
      // Says it arrived before anything else: the md5 takes a while, and pings pass meanwhile.
      '      {from, bin} -> send(from, :arrived); send(from, {:got, byte_size(bin), :erlang.md5(bin)})',
      '    end',
      '    sink()',
      '  end',
      'end',
    ].join('\n'),
  );
  expect(await two.iex('Process.register(spawn(Lab, :echo, []), :echo) and Process.register(spawn(Lab, :sink, []), :sink)')).toBe('true');

  expect(await one.iex(`Node.connect(${twoName})`)).toBe('true');
  await one.iex(
    [
      'defmodule Ping do',
      '  def loop(echo, acc) do',
      '    t = :erlang.monotonic_time(:microsecond)',
      '    send(echo, {self(), t})',
      '    receive do',
      '      {:pong, ^t} ->',
      '        acc = [{t, :erlang.monotonic_time(:microsecond) - t} | acc]',
      '        receive do',
      '          {:stop, to} -> send(to, {:rtts, Enum.reverse(acc)})',
      '        after',
      '          20 -> loop(echo, acc)',
      '        end',
      '    end',
      '  end',
      'end',
    ].join('\n'),
  );
  // Random bytes (a 64 KiB block repeated: longer than DEFLATE's window, so the frames stay 10 MB).
  expect(await one.iex('block = for _ <- 1..65_536, into: <<>>, do: <<:rand.uniform(256) - 1>>; bin = :binary.copy(block, 153); md5 = :erlang.md5(bin); byte_size(bin)', { timeout: 60_000 })).toBe('10027008');

  const report = await one.iex(
    [
      `pinger = spawn(Ping, :loop, [{:echo, ${twoName}}, []]); :timer.sleep(300); t0 = :erlang.monotonic_time(:microsecond); send({:sink, ${twoName}}, {self(), bin}); :sent`,
      'receive do :arrived -> t1 = :erlang.monotonic_time(:microsecond); send(pinger, {:stop, self()}); l = receive do {:rtts, l} -> l end; during = for {at, rtt} <- l, at > t0, at + rtt < t1, do: rtt; receive do {:got, size, digest} -> {:report, size, digest == md5, length(during), div(Enum.max(during, fn -> 0 end), 1000), div(t1 - t0, 1000)} end after 120_000 -> :timeout end',
    ].join('\n'),
    { timeout: 150_000 },
  );
  // {:report, size, intact?, pings answered between the big send and its arrival, their longest round trip ms, transfer ms}
  console.log(`bulk lane e2e: ${JSON.stringify(report)}`);
  const m = /\{:report, (\d+), (true|false), (\d+), (\d+), (\d+)\}/.exec(report);
  expect(m, report).not.toBeNull();
  const [, size, same, pings, maxMs, transferMs] = m as RegExpExecArray;
  // Intact: the receiving tab's byte_size and md5 of what it got are the sender's.
  expect(size).toBe('10027008');
  expect(same).toBe('true');
  // Pings sent after the big send were answered before it arrived, several of them (on one
  // channel none could be: each waits behind the 10 MB), and none waited anything like the transfer.
  expect(Number(pings), report).toBeGreaterThanOrEqual(3);
  expect(Number(maxMs), report).toBeLessThan(Math.max(250, Number(transferMs) / 2));
  // And the link is still up, both channels: a second binary crosses too.
  expect(await one.iex(`send({:sink, ${twoName}}, {self(), bin}); receive do :arrived -> receive do {:got, s, d} -> {s, d == md5} end after 120_000 -> :timeout end`, { timeout: 150_000 })).toBe('{10027008, true}');
});
