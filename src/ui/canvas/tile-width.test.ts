import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT } from './layout.ts';
import { fitChars, longestLine, tileWidth } from './tile-width.ts';
import type { TileData } from './flow-graph.ts';

const tile = (slot: number, name: string): TileData => ({
  key: `k${slot}`, pidText: '#PID<0.110.0>', label: `#PID<0.110.0> ${name}`.trim(), system: false, slot, position: { x: 0, y: 0 },
});
const W = DEFAULT_LAYOUT.processWidth;

describe('a tile too narrow for its name', () => {
  it('13 characters fit a slot: a pid and a short name do', () => {
    expect(fitChars(W)).toBe(13);
    expect(longestLine(tile(0, ':ticker'))).toBe(13);
    expect(longestLine(tile(0, '{:global, :ticker}'))).toBe(13);
    expect(longestLine(tile(0, ':global_name_server'))).toBe(19);
  });
  it('takes the empty slot to its right; not past its row, not over another tile', () => {
    const long = tile(1, ':global_name_server');
    expect(tileWidth(long, [tile(0, ''), long], DEFAULT_LAYOUT)).toBe(2 * W + DEFAULT_LAYOUT.gap);
    expect(fitChars(tileWidth(long, [long], DEFAULT_LAYOUT))).toBeGreaterThanOrEqual(19);
    expect(tileWidth(long, [long, tile(2, ':x')], DEFAULT_LAYOUT)).toBe(W);
    const lastColumn = tile(2, ':global_name_server');
    expect(tileWidth(lastColumn, [lastColumn], DEFAULT_LAYOUT)).toBe(W);
    const short = tile(0, ':ticker');
    expect(tileWidth(short, [short], DEFAULT_LAYOUT)).toBe(W);
  });
});
