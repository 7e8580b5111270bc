import { describe, expect, it } from 'vitest';
import { NIL, list, str } from './types.ts';
import { arrayToList, isProperList, listLength, listToArray } from './list.ts';
import { equals } from './equality.ts';

describe('list helpers', () => {
  it('converts both ways, keeping an improper tail', () => {
    expect(listToArray(list([1, 2, 3]))).toEqual({ items: [1, 2, 3], tail: NIL });
    expect(listToArray(list([1], 2))).toEqual({ items: [1], tail: 2 });
    expect(listToArray(NIL)).toEqual({ items: [], tail: NIL });
    expect(equals(arrayToList([1, str('a')], 3), list([1, str('a')], 3))).toBe(true);
  });
  it('measures and checks properness', () => {
    expect(listLength(list([1, 2, 3]))).toBe(3);
    expect(listLength(NIL)).toBe(0);
    expect(listLength(list([1], 2))).toBe(-1);
    expect(isProperList(list([1, 2]))).toBe(true);
    expect(isProperList(list([1], str('x')))).toBe(false);
    expect(isProperList(5)).toBe(false);
  });
  it('handles 1,000,000 elements', () => {
    const a = Array.from({ length: 1_000_000 }, (_, i) => i);
    const l = arrayToList(a);
    expect(listLength(l)).toBe(1_000_000);
    expect(listToArray(l).items[999_999]).toBe(999_999);
  });
});
