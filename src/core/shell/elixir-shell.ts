/** An iex on an Elixir node: the Shell with the Elixir language and iex's helpers wired in. */
import type { ElixirNode } from '../elixir-node.ts';
import type { OutputSink } from '../ports.ts';
import { createElixirLanguage } from './elixir-language.ts';
import { Shell } from './shell.ts';
import { inspectPretty } from '../term/inspect.ts';
import { structFieldsOf } from '../lang/structs.ts';

export interface ElixirShellOptions {
  readonly write: OutputSink;
  readonly echo: boolean;
  readonly banner?: boolean;
  /** The banner's words, where the front end's differ from iex's. */
  readonly bannerText?: string;
  /** What `clear` does in this front end (the page empties its log). */
  readonly clear?: () => void;
}

export function createElixirShell({ node, lang }: ElixirNode, options: ElixirShellOptions): Shell {
  let shell: Shell | null = null;
  const language = createElixirLanguage(lang, {
    respawn: () => shell?.respawn(),
    // Results print PIDs with this node's numbering of other nodes (it grows as nodes connect).
    inspect: (t) => inspectPretty(t, 80, { nodeNumber: (n) => lang.nodeNumber(n), structFields: structFieldsOf(lang) }),
    ...(options.clear ? { clear: options.clear } : {}),
  });
  shell = new Shell({ node, language, write: options.write, echo: options.echo, ...(options.banner ? { banner: true } : {}), ...(options.bannerText !== undefined ? { bannerText: options.bannerText } : {}) });
  return shell;
}
