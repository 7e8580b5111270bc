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

  it('follows a crowd at most every crowdMs, without places', () => {
    const f = fakeList();
    const list = new FlightList(f.ul, 3, 250);
    const many = Array.from({ length: PLACED_ITEMS + 5 }, (_, i) => msg(i, String(i)));
    const points = many.map(() => ({ x: 1, y: 1 }));
    list.update(many, points, many.length, 1000);
    expect(f.shown).toHaveLength(many.length);
    expect(f.shown[0]?.dataset.x).toBeUndefined();
    list.update(many, points, 4, 1100); // a crowd, too soon: left as it was
    expect(f.shown).toHaveLength(many.length);
    list.update(many, points, 4, 1250);
    expect(f.shown).toHaveLength(4);
  });
});
