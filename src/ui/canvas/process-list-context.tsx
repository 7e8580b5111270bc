/**
 * How a BEAM card asks its real node for the whole process list (`list processes`): the app gives
 * a function that runs `:rpc.call(node, :erlang, :processes, [])` in a tab process
 * (playground/beam-process-list.ts); without one (a test's canvas), the card shows no button.
 */
import { createContext, useContext } from 'react';
import type { ProcessListAnswer } from '../../playground/beam-process-list.ts';

export type AskProcessList = (node: string, answer: (a: ProcessListAnswer) => void) => void;

export const ProcessListContext = createContext<AskProcessList | null>(null);

export function useAskProcessList(): AskProcessList | null {
  return useContext(ProcessListContext);
}
