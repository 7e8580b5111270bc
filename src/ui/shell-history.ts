/**
 * The shell's line history (↑/↓), kept in the browser per node name so it survives a reload, as
 * iex keeps its shell history (kernel's shell_history) across sessions. Bounded: the last
 * MAX_LINES lines; a line equal to the one before is not repeated (as Erlang's line editor does).
 * The storage is given by the composition root (main.tsx passes localStorage).
 */
export type HistoryStorage = Pick<Storage, 'getItem' | 'setItem'>;

export const MAX_LINES = 500;

export interface ShellHistory {
  /** The lines, oldest first. */
  readonly lines: readonly string[];
  push(line: string): void;
}

const keyFor = (node: string) => `playground.history.${node}`;

function load(storage: HistoryStorage, key: string): string[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(key) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((l): l is string => typeof l === 'string').slice(-MAX_LINES) : [];
  } catch {
    return []; // A corrupt entry (edited by hand) starts a fresh history.
  }
}

export function shellHistory(storage: HistoryStorage | null, node: string): ShellHistory {
  const key = keyFor(node);
  const lines = storage === null ? [] : load(storage, key);
  return {
    lines,
    push(line) {
      if (line.trim() === '' || lines[lines.length - 1] === line) return;
      lines.push(line);
      if (lines.length > MAX_LINES) lines.splice(0, lines.length - MAX_LINES);
      try {
        storage?.setItem(key, JSON.stringify(lines));
      } catch {
        // Storage full or refused (private mode): the history lives on for this page only.
      }
    },
  };
}
