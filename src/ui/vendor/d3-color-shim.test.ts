import { describe, expect, it } from 'vitest';
import * as real from 'd3-color';
import * as shim from './d3-color-shim.ts';

describe('the d3-color stand-in', () => {
  it('exports every name d3-color does, so the alias cannot leave an import unresolved', () => {
    expect(Object.keys(shim).sort()).toEqual(Object.keys(real).sort());
  });

  it('parses no colour, so d3 interpolates strings as strings, and nothing is an instance of it', () => {
    for (const s of ['red', '#fff', 'rgb(1, 2, 3)', 'translate(10, 20)']) expect(shim.color(s)).toBe(null);
    expect(({}) instanceof shim.color).toBe(false);
  });

  it('says so when a colour space is asked for', () => {
    expect(() => shim.rgb()).toThrow("d3-color's rgb is not in the playground's bundle");
    expect(() => shim.cubehelix()).toThrow('not in the playground');
  });
});
