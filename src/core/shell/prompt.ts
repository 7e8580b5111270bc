/** iex's prompts: `iex(1)> ` for an unnamed node, `iex(one@lab)1> ` for a named one. */
export function prompt(counter: number, nodeName: string | null): string {
  return nodeName === null ? `iex(${counter})> ` : `iex(${nodeName})${counter}> `;
}

/** The continuation prompt while an expression is incomplete: `...(1)> ` / `...(one@lab)1> `. */
export function continuationPrompt(counter: number, nodeName: string | null): string {
  return nodeName === null ? `...(${counter})> ` : `...(${nodeName})${counter}> `;
}

export const BANNER = 'Interactive Elixir (1.14.0) - press Ctrl+C to exit (type h() ENTER for help)';
