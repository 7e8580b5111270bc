/**
 * How wide a process tile is drawn, and whether its lines fit: a tile's 22 px monospace lines
 * (0.6 em a character) fit 13 characters in the 200 px of a slot. A tile whose name does not
 * fit takes the empty slot to its right too, when there is one (its slot's centre, where edges
 * and tokens attach, stays inside it); otherwise its name is cut and the tile's title holds it.
 */
import type { TileData } from './flow-graph.ts';
import type { LayoutOptions } from './layout.ts';

const GLOBAL = /^\{:global, (.*)\}$/;

/** Characters of a tile's lines that fit `width` (20 px of border and padding). */
export function fitChars(width: number): number {
  return Math.floor((width - 20) / 13.2);
}

/**
 * The name line: `{:global, :ticker}` does not fit a tile at a projector's size, so the tile
 * shows `:ticker` and a "global" mark (its accessible name keeps the full label).
 */
export function nameOf(tile: TileData): { name: string; global: boolean } {
  const label = tile.label.slice(tile.pidText.length).trim();
  const g = GLOBAL.exec(label);
  return { name: g?.[1] ?? label, global: g !== null };
}

/** The longer of a tile's two lines, in characters (the 17 px "global" mark takes about five). */
export function longestLine(tile: TileData): number {
  const { name, global } = nameOf(tile);
  return Math.max(tile.pidText.length, name.length + (global ? 5 : 0));
}

/** One slot's width, or two slots' when the name does not fit and the next slot of its row is empty. */
export function tileWidth(t: TileData, tiles: readonly TileData[], o: LayoutOptions): number {
  const w = o.processWidth;
  if (fitChars(w) >= longestLine(t) || t.slot % o.columns === o.columns - 1 || tiles.some((x) => x.slot === t.slot + 1)) return w;
  return 2 * w + o.gap;
}
