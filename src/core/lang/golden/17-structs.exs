# Structs: defstruct (keyword and list forms, @enforce_keys), literals, updates, patterns,
# __struct__, printing, the errors of struct literals, Map functions and struct/2 on structs.
# Captured from piped input (iex < lines), each typed line put back after its prompt.
iex(1)> defmodule User do
...(1)>   defstruct name: nil, age: 0
...(1)> end
{:module, User,
 <<70, 79, 82, 49, 0, 0, 7, 196, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 0, 247,
   0, 0, 0, 22, 11, 69, 108, 105, 120, 105, 114, 46, 85, 115, 101, 114, 8, 95,
   95, 105, 110, 102, 111, 95, 95, 10, 97, ...>>, %User{name: nil, age: 0}}
iex(2)> %User{}
%User{name: nil, age: 0}
iex(3)> u = %User{name: "Ana", age: 30}
%User{name: "Ana", age: 30}
iex(4)> %User{u | age: 31}
%User{name: "Ana", age: 31}
iex(5)> u.name
"Ana"
iex(6)> u.__struct__
User
iex(7)> %User{name: n} = u
%User{name: "Ana", age: 30}
iex(8)> n
"Ana"
iex(9)> %User{name: "Bo"} = u
** (MatchError) no match of right hand side value: %User{name: "Ana", age: 30}

iex(9)> %_{} = u
%User{name: "Ana", age: 30}
iex(10)> %m{age: a} = u
%User{name: "Ana", age: 30}
iex(11)> {m, a}
{User, 30}
iex(12)> %User{} = %{name: "Ana", age: 30}
** (MatchError) no match of right hand side value: %{age: 30, name: "Ana"}

iex(12)> %User{foo: 1}
** (KeyError) key :foo not found
    expanding struct: User.__struct__/1
    iex:12: (file)
iex(12)> %User{u | foo: 1}
** (CompileError) iex:12: unknown key :foo for struct User
    expanding struct: User.__struct__/0
    iex:12: (file)
iex(12)> %User{%{} | age: 1}
** (BadStructError) expected a struct named User, got: %{}

iex(12)> %Nope{}
** (CompileError) iex:12: Nope.__struct__/1 is undefined, cannot expand struct Nope. Make sure the struct name is correct. If the struct name exists and is correct but it still cannot be found, you likely have cyclic module usage in your code
    expanding struct: Nope.__struct__/1
    iex:12: (file)
iex(12)> User.__struct__()
%User{name: nil, age: 0}
iex(13)> User.__struct__(name: "B")
%User{name: "B", age: 0}
iex(14)> is_struct(u)
true
iex(15)> is_struct(u, User)
true
iex(16)> is_struct(%{}, User)
false
iex(17)> Map.keys(u)
[:__struct__, :age, :name]
iex(18)> Map.values(u)
[User, 30, "Ana"]
iex(19)> Map.put(u, :age, 5)
%User{name: "Ana", age: 5}
iex(20)> Map.get(u, :name)
"Ana"
iex(21)> Map.from_struct(u)
%{age: 30, name: "Ana"}
iex(22)> Map.to_list(u)
[__struct__: User, age: 30, name: "Ana"]
iex(23)> u.nope
** (KeyError) key :nope not found in: %User{name: "Ana", age: 30}

iex(23)> %{u | age: 2}
%User{name: "Ana", age: 2}
iex(24)> u == %User{name: "Ana", age: 30}
true
iex(25)> inspect(u)
"%User{name: \"Ana\", age: 30}"
iex(26)> [u, %User{}]
[%User{name: "Ana", age: 30}, %User{name: nil, age: 0}]
iex(27)> {:ok, %User{name: "Carla"}}
{:ok, %User{name: "Carla", age: 0}}
iex(28)> %{__struct__: User, name: "x"}
%{__struct__: User, name: "x"}
iex(29)> %{__struct__: Foo, a: 1}
%{__struct__: Foo, a: 1}
iex(30)> defmodule Point do
...(30)>   @enforce_keys [:x, :y]
...(30)>   defstruct [:x, :y, z: 0]
...(30)>   def new(x, y), do: %__MODULE__{x: x, y: y}
...(30)>   def dist(%Point{x: x, y: y}), do: x * x + y * y
...(30)>   def move(%__MODULE__{} = p, dx), do: %{p | x: p.x + dx}
...(30)> end
{:module, Point,
 <<70, 79, 82, 49, 0, 0, 13, 108, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 1, 111,
   0, 0, 0, 39, 12, 69, 108, 105, 120, 105, 114, 46, 80, 111, 105, 110, 116, 8,
   95, 95, 105, 110, 102, 111, 95, 95, 10, ...>>, {:move, 2}}
iex(31)> %Point{}
** (ArgumentError) the following keys must also be given when building struct Point: [:x, :y]
    expanding struct: Point.__struct__/1
    iex:31: (file)
iex(31)> %Point{x: 1}
** (ArgumentError) the following keys must also be given when building struct Point: [:y]
    expanding struct: Point.__struct__/1
    iex:31: (file)
iex(31)> p = Point.new(3, 4)
%Point{x: 3, y: 4, z: 0}
iex(32)> Point.dist(p)
25
iex(33)> Point.move(p, 10)
%Point{x: 13, y: 4, z: 0}
iex(34)> Point.dist(%{x: 1, y: 2})
** (FunctionClauseError) no function clause matching in Point.dist/1

    The following arguments were given to Point.dist/1:

        # 1
        %{x: 1, y: 2}

    iex:34: Point.dist/1
iex(34)> struct(User, name: "Z", bad: 1)
%User{name: "Z", age: 0}
iex(35)> struct(u, age: 99, bad: 1)
%User{name: "Ana", age: 99}
iex(36)> struct!(User, name: "Y")
%User{name: "Y", age: 0}
iex(37)> struct!(u, age: 7)
%User{name: "Ana", age: 7}
iex(38)> case u do
...(38)>   %Point{} -> :point
...(38)>   %User{age: age} when age > 18 -> {:adult, age}
...(38)> end
{:adult, 30}
iex(39)> f = fn %User{name: name} -> name end
#Function<42.3316493/1 in :erl_eval.expr/6>
iex(40)> f.(u)
"Ana"
iex(41)> defmodule Team do
...(41)>   defstruct name: "t", members: [], lead: %User{name: "Lead"}
...(41)> end
{:module, Team,
 <<70, 79, 82, 49, 0, 0, 8, 28, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 0, 247,
   0, 0, 0, 22, 11, 69, 108, 105, 120, 105, 114, 46, 84, 101, 97, 109, 8, 95,
   95, 105, 110, 102, 111, 95, 95, 10, 97, ...>>,
 %Team{name: "t", members: [], lead: %User{name: "Lead", age: 0}}}
iex(42)> %Team{}
%Team{name: "t", members: [], lead: %User{name: "Lead", age: 0}}
iex(43)> %Team{members: [%User{name: "A", age: 1}, %User{name: "B", age: 2}, %User{name: "C", age: 3}]}
%Team{
  name: "t",
  members: [
    %User{name: "A", age: 1},
    %User{name: "B", age: 2},
    %User{name: "C", age: 3}
  ],
  lead: %User{name: "Lead", age: 0}
}
