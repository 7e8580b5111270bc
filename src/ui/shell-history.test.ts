import { describe, expect, it } from 'vitest';
import { MAX_LINES, shellHistory, type HistoryStorage } from './shell-history.ts';

function memoryStorage(): HistoryStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('shell history in the browser', () => {
  it('survives a reload, per node name', () => {
    const storage = memoryStorage();
    const one = shellHistory(storage, 'one@lab');
    one.push('x = 1');
    one.push('x + 1');
    shellHistory(storage, 'two@lab').push('Node.list');
    expect(shellHistory(storage, 'one@lab').lines).toEqual(['x = 1', 'x + 1']);
    expect(shellHistory(storage, 'two@lab').lines).toEqual(['Node.list']);
    expect(shellHistory(storage, 'three@lab').lines).toEqual([]);
  });

  it('keeps the last MAX_LINES lines, skips blank lines and a repeat of the line before', () => {
    const storage = memoryStorage();
    const h = shellHistory(storage, 'one@lab');
    for (let i = 0; i < MAX_LINES + 20; i++) h.push(`:line${i}`);
    h.push(`:line${MAX_LINES + 19}`);
    h.push('  ');
    const lines = shellHistory(storage, 'one@lab').lines;
    expect(lines).toHaveLength(MAX_LINES);
    expect(lines[0]).toBe(':line20');
    expect(lines[MAX_LINES - 1]).toBe(`:line${MAX_LINES + 19}`);
  });

  it('a corrupt entry or a refusing storage never breaks the shell', () => {
    const storage = memoryStorage();
    storage.data.set('playground.history.one@lab', '{not json');
    expect(shellHistory(storage, 'one@lab').lines).toEqual([]);
    const full: HistoryStorage = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); } };
    const h = shellHistory(full, 'one@lab');
    h.push('1 + 1');
    expect(h.lines).toEqual(['1 + 1']);
  });
});
