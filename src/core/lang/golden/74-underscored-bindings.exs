# Underscored variables (_x) bind, as in Elixir: binding() lists them, and Code.eval_string takes and returns them (a given one, one the code binds); _ alone binds nothing.
# Inputs read no _x after binding it (iex warns then, on stderr). Captured from piped input.
iex(1)> _x = 1
1
iex(2)> binding()
[_x: 1]
iex(3)> {_a, b} = {1, 2}
{1, 2}
iex(4)> binding()
[_a: 1, _x: 1, b: 2]
iex(5)> Code.eval_string("1", _x: 2)
{1, [_x: 2]}
iex(6)> Code.eval_string("_y = 3")
{3, [_y: 3]}
iex(7)> Code.eval_string("{_y, z} = {1, 2}; z", _q: 0)
{2, [z: 2, _y: 1, _q: 0]}
iex(8)> Code.eval_string("_ = 5")
{5, []}
iex(9)> Code.eval_string("[_h | _] = [1, 2]; :ok", [_x: 1, y: 2])
{:ok, [y: 2, _x: 1, _h: 1]}
iex(10)> f = fn _n -> :ok end
#Function<42.3316493/1 in :erl_eval.expr/6>
iex(11)> f.(1)
:ok
iex(12)> case {1, 2} do {_p, q} -> q end
2
iex(13)> try do raise "x" rescue _e -> :rescued end
:rescued
iex(14)> binding()
[_a: 1, _x: 1, b: 2, f: #Function<42.3316493/1 in :erl_eval.expr/6>]
