import { describe, expect, it } from 'vitest';
import { FlightList, PLACED_ITEMS, type ListElement, type ListItem } from './token-list.ts';
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

  it('lists every token drawn, however many fly, without places in a crowd', () => {
    const f = fakeList();
    const list = new FlightList(f.ul, 100, 150);
    // The 8-node load at the slowest speed: ~2,000 tokens in flight (the store's MAX_IN_FLIGHT).
    const many = Array.from({ length: 2000 }, (_, i) => msg(i, String(i)));
    const points = many.map(() => ({ x: 1, y: 1 }));
    expect(list.update(many, points, many.length, 0)).toBe(true);
    expect(f.shown).toHaveLength(2000);
    expect(f.shown.map((li) => li.textContent?.split(': ')[1])).toEqual(many.map((m) => m.text));
    // More than PLACED_ITEMS fly: no item says where its token is.
    expect(f.shown.filter((li) => li.dataset.x !== undefined)).toHaveLength(0);
    expect(many.length).toBeGreaterThan(PLACED_ITEMS);
    // The first 1,500 landed, 500 new fly: the landed items go, the new ones come, none is made twice.
    const next = [...many.slice(1500), ...Array.from({ length: 500 }, (_, i) => msg(2000 + i, String(2000 + i)))];
    expect(list.update(next, points, next.length, 150)).toBe(true);
    expect(f.shown.map((li) => li.textContent?.split(': ')[1])).toEqual(next.map((m) => m.text));
    expect(f.made()).toBe(2500);
  });

  it('lists a token of the fastest speed in a crowd: the crowd is followed more often than a flight lasts', () => {
    const f = fakeList();
    const list = new FlightList(f.ul, 3, 150);
    const many = Array.from({ length: 8 }, (_, i) => msg(i, String(i)));
    const points = many.map(() => ({ x: 1, y: 1 }));
    const listed = new Set<string>();
    // One token sent every 25 ms, each flying 200 ms (`fast`), frames every 16 ms.
    for (let now = 0; now < 2000; now += 16) {
      const flying = many.map((_, i) => msg(Math.floor(now / 25) - i, String(Math.floor(now / 25) - i))).filter((m) => m.id >= 0);
      list.update(flying, points, flying.length, now);
      for (const li of f.shown) listed.add(li.textContent ?? '');
    }
    for (let id = 0; id < 2000 / 25 - 8; id++) expect(listed).toContain(`#PID<0.110.0> → #PID<0.111.0>: ${id}`);
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
