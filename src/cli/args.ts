/** `npm run iex -- --sname one --cookie c`: iex's flags, parsed. */
export interface IexArgs {
  /** `one@host`, or null for an unnamed node (nonode@nohost). */
  readonly node: string | null;
  readonly cookie: string | null;
}

export function parseIexArgs(argv: readonly string[], shortHost: string): IexArgs {
  let node: string | null = null;
  let cookie: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag !== '--sname' && flag !== '--name' && flag !== '--cookie') throw new Error(`unknown option ${flag}`);
    if (value === undefined) throw new Error(`${flag} : missing argument`);
    i++;
    if (flag === '--sname') node = value.includes('@') ? value : `${value}@${shortHost}`;
    else if (flag === '--name') node = value.includes('@') ? value : `${value}@${shortHost}`;
    else cookie = value;
  }
  return { node, cookie };
}
