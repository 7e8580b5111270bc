/** `npm run iex -- --sname one --cookie c [--hidden]`: iex's flags, parsed. */
export interface IexArgs {
  /** `one@host`, or null for an unnamed node (nonode@nohost). */
  readonly node: string | null;
  readonly cookie: string | null;
  /** `--hidden`: a hidden node (its connections are in Node.list(:hidden) only). */
  readonly hidden?: true;
}

export function parseIexArgs(argv: readonly string[], shortHost: string): IexArgs {
  let node: string | null = null;
  let cookie: string | null = null;
  let hidden = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--hidden') {
      hidden = true;
      continue;
    }
    const value = argv[i + 1];
    if (flag !== '--sname' && flag !== '--name' && flag !== '--cookie') throw new Error(`unknown option ${flag}`);
    if (value === undefined) throw new Error(`${flag} : missing argument`);
    i++;
    if (flag === '--sname') node = value.includes('@') ? value : `${value}@${shortHost}`;
    else if (flag === '--name') node = value.includes('@') ? value : `${value}@${shortHost}`;
    else cookie = value;
  }
  return hidden ? { node, cookie, hidden } : { node, cookie };
}
