# Runs funs a tab encoded for a BEAM peer on real Elixir, beside the same source evaluated by
# real Elixir itself (Code.eval_string, as iex would). Input file (argument 1), one case a line:
#   name<TAB>base64(term_to_binary of the tab's fun)<TAB>base64(source)<TAB>base64(a list of argument lists)
# Output, one line per case and side: name<TAB>ours|real<TAB>base64(result)<TAB>base64(output)
run = fn f, args ->
  {:ok, dev} = StringIO.open("")
  old = Process.group_leader()
  Process.group_leader(self(), dev)
  text =
    try do
      inspect(apply(f, args), limit: :infinity, printable_limit: :infinity)
    rescue
      e -> Exception.format_banner(:error, e, __STACKTRACE__)
    catch
      k, r -> Exception.format_banner(k, r, __STACKTRACE__)
    end
  Process.group_leader(self(), old)
  {_, out} = StringIO.contents(dev)
  {text, out}
end

[path] = System.argv()
for line <- String.split(File.read!(path), "\n", trim: true) do
  [name, etf, src, args] = String.split(line, "\t")
  {calls, _} = Code.eval_string(Base.decode64!(args))
  ours = :erlang.binary_to_term(Base.decode64!(etf))
  {real, _} = Code.eval_string(Base.decode64!(src))
  for {side, f} <- [{"ours", ours}, {"real", real}], arg_list <- calls do
    {text, out} = run.(f, arg_list)
    IO.puts(Enum.join([name, side, Base.encode64(text), Base.encode64(out)], "\t"))
  end
end
