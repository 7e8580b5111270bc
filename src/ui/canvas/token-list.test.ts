import { describe, expect, it } from 'vitest';
import { FlightList, LIST_MAX, PLACED_ITEMS, type ListElement, type ListItem } from './token-list.ts';
import type { MessageInFlight } from '../store/model.ts';

function fakeList() {
  const shown: ListItem[] = [];
  let made = 0;
  const ul: ListElement<ListItem> = {
    appendChild: (li) => shown.push(li),
    ownerDocument: {
      createElement: () => {
        made++;
        const li: ListItem = { textContent: null, dataset: {}, remove: () => void shown.splice(shown.indexOf(li), 1) };
        return li;
      },
    },
  };
  return { ul, shown, made: () => made };
}

const msg = (id: number, text: string): MessageInFlight => ({
  id, from: null, fromNode: 'one@lab', to: null, toNode: 'one@lab', text, kind: 'message', fromText: '#PID<0.110.0>', toText: '#PID<0.111.0>', sentAt: 0, duration: 2000,
});

describe('the messages in flight list', () => {
  it('has one item per token drawn, from → to: term, placed while few fly', () => {
    const f = fakeList();
    const list = new FlightList(f.ul, 150);
    const a = msg(1, ':hello');
    const b = msg(2, '{:ping, #PID<0.110.0>}');
    list.update([a, b], [{ x: 10.4, y: 20 }, { x: 30, y: 40 }], 2, 0);
    expect(f.shown.map((li) => li.textContent)).toEqual(['#PID<0.110.0> → #PID<0.111.0>: :hello', '#PID<0.110.0> → #PID<0.111.0>: {:ping, #PID<0.110.0>}']);
    expect(f.shown[0]?.dataset).toEqual({ kind: 'message', x: '10', y: '20' });
    // Only `count` are drawn: the other's item goes; a kept item is not made again.
    list.update([b, a], [{ x: 31, y: 41 }], 1, 16);
    expect(f.shown.map((li) => li.textContent)).toEqual(['#PID<0.110.0> → #PID<0.111.0>: {:ping, #PID<0.110.0>}']);
    expect(f.made()).toBe(2);
    list.clear();
    expect(f.shown).toEqual([]);
  });

  it('adds at most addsPerFrame items a frame, the rest on later frames, without places in a crowd', () => {
    const f = fakeList();
    const list = new FlightList(f.ul, 100, 250, 10);
    const many = Array.from({ length: PLACED_ITEMS + 5 }, (_, i) => msg(i, String(i)));
    const points = many.map(() => ({ x: 1, y: 1 }));
    list.update(many, points, many.length, 0);
    expect(f.shown.map((li) => li.textContent?.split(': ')[1])).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(f.shown[0]?.dataset.x).toBeUndefined();
    list.update(many, points, many.length, 16);
    list.update(many, points, many.length, 32);
    expect(f.shown).toHaveLength(many.length);
    expect(f.made()).toBe(many.length);
    // The first 20 landed: their items go at once (removing costs no new text to lay out).
    list.update(many.slice(20), points, 5, 48);
    expect(f.shown.map((li) => li.textContent?.split(': ')[1])).toEqual(['20', '21', '22', '23', '24']);
  });

  it('never lists a token that landed before its turn', () => {
    const f = fakeList();
    const list = new FlightList(f.ul, 100, 250, 2);
    const many = Array.from({ length: 4 }, (_, i) => msg(i, String(i)));
    const points = many.map(() => ({ x: 1, y: 1 }));
    list.update(many, points, 4, 0);
    list.update(many.slice(3), points, 1, 16);
    expect(f.shown.map((li) => li.textContent?.split(': ')[1])).toEqual(['3']);
  });

  it('holds at most max items: the first tokens drawn, the later ones once those land', () => {
    const f = fakeList();
    const list = new FlightList(f.ul, 100, 250, 64, 3);
    const many = Array.from({ length: 6 }, (_, i) => msg(i, String(i)));
    const points = many.map(() => ({ x: 1, y: 1 }));
    list.update(many, points, 6, 0);
    expect(f.shown.map((li) => li.textContent?.split(': ')[1])).toEqual(['0', '1', '2']);
    list.update(many.slice(2), points, 4, 16);
    expect(f.shown.map((li) => li.textContent?.split(': ')[1])).toEqual(['2', '3', '4']);
    expect(LIST_MAX).toBeGreaterThanOrEqual(PLACED_ITEMS);
  });

  it('follows a crowd at most every crowdMs (a frame that touches no DOM costs no layout, paint or layering)', () => {
    const f = fakeList();
    const list = new FlightList(f.ul, 3, 250);
    const many = Array.from({ length: 8 }, (_, i) => msg(i, String(i)));
    const points = many.map(() => ({ x: 1, y: 1 }));
    expect(list.update(many, points, 8, 1000)).toBe(true);
    expect(f.shown).toHaveLength(8);
    expect(list.update(many, points, 4, 1100)).toBe(false); // a crowd, too soon: left as it was
    expect(f.shown).toHaveLength(8);
    expect(list.update(many, points, 4, 1250)).toBe(true);
    expect(f.shown).toHaveLength(4);
    // Few tokens: every frame.
    expect(list.update(many, points, 2, 1251)).toBe(true);
    expect(f.shown).toHaveLength(2);
  });
});
