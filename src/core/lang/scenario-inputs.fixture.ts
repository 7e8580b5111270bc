/**
 * What the parser tests take from the five classroom scenarios of the nodes chapter (their
 * sessions are in src/playground/scenarios.test.ts): every line typed at a prompt in 01-05
 * (continuation lines joined) and ticker.ex as it is given (src/playground/ticker-source.ts).
 */
export const SCENARIO_FILES = ["01-naming-and-connecting.md","02-remote-spawn.md","03-cookies.md","04-global-names-and-io.md","05-ticker.md"];

export const SCENARIO_INPUTS: readonly string[] = [
  "Node.self",
  "Node.list",
  "Node.connect :\"two@vm\"",
  "Node.list",
  "Node.list",
  "Node.ping :\"nobody@vm\"",
  "Node.connect :\"nobody@vm\"",
  "func = fn -> IO.inspect Node.self end",
  "Node.spawn :\"two@vm\", func",
  "self()",
  "pid = Node.spawn(:\"two@vm\", fn -> receive do {:ping, from} -> send(from, {:pong, self()}) end end)",
  "send pid, {:ping, self()}",
  "receive do {:pong, p} -> {:got, p, node(p)} after 1000 -> :timeout end",
  "Node.connect :\"one@vm\"",
  "Node.list",
  "Node.get_cookie",
  "Node.set_cookie(:\"one@vm\", :\"chocolate-chip-1\")",
  "Node.connect :\"one@vm\"",
  ":global.register_name(:two, :erlang.group_leader)",
  "two = :global.whereis_name :two",
  "IO.puts two, \"hello\"",
  "Ticker.start",
  "Client.start"
];

export const TICKER_EX = "defmodule Ticker do\n  @interval 2000   # 2 seconds\n  @name     :ticker\n\n  def start do\n    pid = spawn(__MODULE__, :generator, [[]])\n    :global.register_name(@name, pid)\n  end\n\n  def register(client_pid) do\n    send :global.whereis_name(@name), { :register, client_pid }\n  end\n\n  def generator(clients) do\n    receive do\n      { :register, pid } ->\n        IO.puts \"registering #{inspect pid}\"\n        generator([pid|clients])\n    after\n      @interval ->\n        IO.puts \"tick\"\n        Enum.each clients, fn client ->\n          send client, { :tick }\n        end\n        generator(clients)\n    end\n  end\nend\n\ndefmodule Client do\n  def start do\n    pid = spawn(__MODULE__, :receiver, [])\n    Ticker.register(pid)\n  end\n\n  def receiver do\n    receive do\n      { :tick } ->\n        IO.puts \"tock in client\"\n        receiver()\n    end\n  end\nend\n";
