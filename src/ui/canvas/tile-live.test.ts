import { describe, expect, it } from 'vitest';
import { atom, Pid } from '../../core/term/types.ts';
import type { ProcessSummary } from '../../core/runtime/introspection.ts';
import { createPlaygroundStore } from '../store/playground-store.ts';
import { pidKey, type ProcessView } from '../store/model.ts';
import { createTileUpdater, tileLive, type TileElements } from './tile-live.ts';

const one = atom('one@lab');
const ticker = new Pid(one, 110, 0, 1);
const summary = (pid: Pid, extra: Partial<ProcessSummary> = {}): ProcessSummary => ({
  pid, status: 'waiting', registeredName: undefined, messageQueueLen: 0, links: [], reductions: 0, groupLeader: pid, ...extra,
});

/** Just the parts of an element the updater touches. */
function fakeElement() {
  const attrs = new Map<string, string>();
  return {
    textContent: '' as string | null,
    hidden: false,
    title: '',
    dataset: {} as Record<string, string>,
    setAttribute: (k: string, v: string) => void attrs.set(k, v),
    removeAttribute: (k: string) => void attrs.delete(k),
    attrs,
  };
}

describe('tileLive', () => {
  const view = (extra: Partial<ProcessView>): ProcessView => ({
    key: 'k', pid: ticker, node: 'one@lab', pidText: '#PID<0.110.0>', name: null, globalName: null, status: 'waiting',
    mailbox: 0, links: [], system: false, slot: 0, exit: null, parent: null, supervisor: null, ...extra,
  });

  it('shows the status, and a badge only when messages wait', () => {
    expect(tileLive(view({}))).toEqual({ status: 'waiting', exited: false, badge: null });
    expect(tileLive(view({ mailbox: 1 })).badge).toEqual({ text: '1', title: '1 message in the mailbox' });
    expect(tileLive(view({ mailbox: 3 })).badge).toEqual({ text: '3', title: '3 messages in the mailbox' });
  });

  it('shows the exit reason once the process exited', () => {
    expect(tileLive(view({ status: 'exited', exit: { reason: ':boom', at: 0 } }))).toEqual({ status: 'exit :boom', exited: true, badge: null });
  });
});

describe('createTileUpdater', () => {
  it('keeps an attached tile current with the store, and lets go when detached', () => {
    const store = createPlaygroundStore({ localNode: 'one@lab' });
    store.getState().applyBatch({ node: 'one@lab', events: [], processes: [summary(ticker)] }, 0);
    const el = { button: fakeElement(), status: fakeElement(), badge: fakeElement() };
    // A clock that never throttles: every change shows at once.
    let t = 0;
    const detach = createTileUpdater(store, { now: () => (t += 1000), later: () => {} }).attach(pidKey(ticker), el as unknown as TileElements);
    expect([el.status.textContent, el.badge.hidden, el.button.attrs.get('aria-pressed')]).toEqual(['waiting', true, 'false']);

    store.getState().applyBatch({ node: 'one@lab', events: [], processes: [summary(ticker, { messageQueueLen: 2, status: 'runnable' })] }, 1);
    expect([el.status.textContent, el.badge.hidden, el.badge.textContent, el.badge.title]).toEqual(['runnable', false, '2', '2 messages in the mailbox']);

    store.getState().select(pidKey(ticker));
    expect(el.button.attrs.get('aria-pressed')).toBe('true');

    store.getState().applyBatch({ node: 'one@lab', events: [{ type: 'process:exited', time: 2, pid: ticker, reason: atom('boom') }] }, 2);
    expect([el.status.textContent, 'exited' in el.button.dataset, el.badge.hidden]).toEqual(['exit :boom', true, true]);

    detach();
    store.getState().select(null);
    expect(el.button.attrs.get('aria-pressed')).toBe('true');
  });

  it('shows new mailbox counts at most every TILE_REFRESH_MS, the latest at the end; selection at once', () => {
    const store = createPlaygroundStore({ localNode: 'one@lab' });
    store.getState().applyBatch({ node: 'one@lab', events: [], processes: [summary(ticker)] }, 0);
    let now = 0;
    const timers: { at: number; run: () => void }[] = [];
    const clock = { now: () => now, later: (run: () => void, ms: number) => void timers.push({ at: now + ms, run }) };
    const el = { button: fakeElement(), status: fakeElement(), badge: fakeElement() };
    createTileUpdater(store, clock, 100).attach(pidKey(ticker), el as unknown as TileElements);
    const mailbox = (n: number) => store.getState().applyBatch({ node: 'one@lab', events: [], processes: [summary(ticker, { messageQueueLen: n })] }, now);

    mailbox(1); // the first change since the tile was drawn shows at once
    expect(el.badge.textContent).toBe('1');
    now = 16;
    mailbox(2);
    now = 32;
    mailbox(3);
    expect([el.badge.textContent, timers.length]).toEqual(['1', 1]);
    store.getState().select(pidKey(ticker));
    expect(el.button.attrs.get('aria-pressed')).toBe('true');
    now = 100;
    timers.shift()?.run();
    expect(el.badge.textContent).toBe('3');
  });
});
