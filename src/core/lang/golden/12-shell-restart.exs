# The shell process dying (a linked process exits) and respawn(): iex prints the banner again, bindings are lost (binding() is []), the counter restarts at 1
iex(1)> a = 1
1
iex(2)> spawn_link(fn -> exit(:oops) end); Process.sleep(100)
** (EXIT from #PID<0.108.0>) shell process exited with reason: :oops

Interactive Elixir (1.14.0) - press Ctrl+C to exit (type h() ENTER for help)
iex(1)> binding()
[]
iex(2)> b = 2
2
iex(3)> respawn()

Interactive Elixir (1.14.0) - press Ctrl+C to exit (type h() ENTER for help)
iex(1)> binding()
[]
iex(2)> exit(:not_a_restart)
** (exit) :not_a_restart

iex(2)> 3
3
