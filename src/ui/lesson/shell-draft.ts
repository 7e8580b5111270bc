/**
 * Code put into the shell's input from outside it (a lesson's code, clicked): the shell shows it
 * and runs it only when the learner presses Enter there.
 */
export interface ShellDraft {
  put(code: string): void;
  subscribe(listener: (code: string) => void): () => void;
}

export function createShellDraft(): ShellDraft {
  const listeners = new Set<(code: string) => void>();
  return {
    put: (code) => {
      for (const l of listeners) l(code);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
