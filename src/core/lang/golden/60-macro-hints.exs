# A macro called without its require: UndefinedFunctionError with Elixir's hint to require the module; a near miss lists the macros too ("Did you mean").
# stacks: compared
iex(1)> Logger.info("x")
** (UndefinedFunctionError) function Logger.info/1 is undefined or private. However there is a macro with the same name and arity. Be sure to require Logger if you intend to invoke this macro
    (logger 1.14.0) Logger.info("x")
iex(1)> Integer.is_odd(3)
** (UndefinedFunctionError) function Integer.is_odd/1 is undefined or private. However there is a macro with the same name and arity. Be sure to require Integer if you intend to invoke this macro
    (elixir 1.14.0) Integer.is_odd(3)
iex(1)> require Logger
Logger
iex(2)> Logger.info("y")

09:18:59.940 [info] y
:ok
iex(3)> Logger.inf("z")
** (UndefinedFunctionError) function Logger.inf/1 is undefined or private. Did you mean:

      * info/1
      * info/2

    (logger 1.14.0) Logger.inf("z")
