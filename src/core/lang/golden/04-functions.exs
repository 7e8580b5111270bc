# Anonymous functions, clauses, guards, captures, closures
iex(1)> add = fn a, b -> a + b end
#Function<41.3316493/2 in :erl_eval.expr/6>
iex(2)> add.(1, 2)
3
iex(3)> add.(1)
** (BadArityError) #Function<41.3316493/2 in :erl_eval.expr/6> with arity 2 called with 1 argument (1)

iex(3)> double = &(&1 * 2)
#Function<42.3316493/1 in :erl_eval.expr/6>
iex(4)> double.(21)
42
iex(5)> sum = &Kernel.+/2
&:erlang.+/2
iex(6)> sum.(3, 4)
7
iex(7)> up = &String.upcase/1
&String.upcase/1
iex(8)> up.("abc")
"ABC"
iex(9)> f = fn
...(9)>   {:ok, x} -> x
...(9)>   {:error, _} -> :failed
...(9)> end
#Function<42.3316493/1 in :erl_eval.expr/6>
iex(10)> f.({:ok, 3})
3
iex(11)> f.({:error, :x})
:failed
iex(12)> f.(:other)
** (FunctionClauseError) no function clause matching in :erl_eval."-inside-an-interpreted-fun-"/1

    The following arguments were given to :erl_eval."-inside-an-interpreted-fun-"/1:

        # 1
        :other


iex(12)> g = fn x when is_integer(x) -> :int; x when is_atom(x) -> :atom end
#Function<42.3316493/1 in :erl_eval.expr/6>
iex(13)> g.(1)
:int
iex(14)> g.(:a)
:atom
iex(15)> Enum.map([1, 2, 3], &(&1 + 1))
[2, 3, 4]
iex(16)> (fn -> :called end).()
:called
iex(17)> make_adder = fn n -> fn x -> x + n end end
#Function<42.3316493/1 in :erl_eval.expr/6>
iex(18)> add5 = make_adder.(5)
#Function<42.3316493/1 in :erl_eval.expr/6>
iex(19)> add5.(10)
15
iex(20)> is_function(add5)
true
iex(21)> is_function(add5, 2)
false
iex(22)> fact = fn _f, 0 -> 1; f, n -> n * f.(f, n - 1) end
#Function<41.3316493/2 in :erl_eval.expr/6>
iex(23)> fact.(fact, 20)
2432902008176640000
iex(24)> fact.(fact, 30)
265252859812191058636308480000000
iex(25)> pair = &{&1, &2}
#Function<41.3316493/2 in :erl_eval.expr/6>
iex(26)> pair.(:a, :b)
{:a, :b}
iex(27)> Enum.reduce([1, 2, 3], 0, &+/2)
6
