/**
 * Where things go on the canvas: cards side by side (wrapping after a few), processes in a grid
 * inside their card by their stable slot. Pure arithmetic, so layout is tested in Node and a
 * process does not move while others come and go.
 */

export interface LayoutOptions {
  /** Process tiles per row inside a card. */
  readonly columns: number;
  readonly processWidth: number;
  readonly processHeight: number;
  /** Space between tiles and around them inside a card. */
  readonly gap: number;
  /** Height of a card's title bar. */
  readonly header: number;
  /** Space between cards. */
  readonly cardGap: number;
  /** Cards per row before wrapping. */
  readonly cardsPerRow: number;
}

/**
 * Sizes chosen for a projector: a tile holds a 22 px PID and name over a 17 px status, and
 * three nodes of a classroom (two cards side by side) fit a 1920×1080 screen beside the shell
 * at a zoom (2 × 648 + 64 units into ~1200 px: ≈ 0.86) where no text is under 14 px, and a
 * 1280×720 one where the labels are still 12 px or more (zoom ≈ 0.57).
 */
export const DEFAULT_LAYOUT: LayoutOptions = {
  columns: 3,
  processWidth: 200,
  processHeight: 76,
  gap: 12,
  header: 56,
  cardGap: 64,
  cardsPerRow: 2,
};

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** A tile's position relative to its card's top-left corner. */
export function slotPosition(slot: number, o: LayoutOptions): Point {
  const col = slot % o.columns;
  const row = Math.floor(slot / o.columns);
  return { x: o.gap + col * (o.processWidth + o.gap), y: o.header + row * (o.processHeight + o.gap) };
}

/** A tile's centre in flow coordinates, given its card's top-left corner: where edges and tokens attach. */
export function slotCentre(corner: Point, slot: number, o: LayoutOptions): Point {
  const p = slotPosition(slot, o);
  return { x: corner.x + p.x + o.processWidth / 2, y: corner.y + p.y + o.processHeight / 2 };
}

/** A card big enough for slots 0..slots-1 (at least one row, so an empty card still shows). */
export function cardSize(slots: number, o: LayoutOptions): Size {
  const rows = Math.max(1, Math.ceil(slots / o.columns));
  return {
    width: o.gap + o.columns * (o.processWidth + o.gap),
    height: o.header + rows * (o.processHeight + o.gap),
  };
}

/** Up to this many cards, `cardsPerRow` of them a row (the classroom of the chapters: a few tabs). */
export const FEW_CARDS = 4;
/** The shape a whole class is laid out to: a projector's (16:9). */
const SCREEN_ASPECT = 16 / 9;

/**
 * Cards per row: `cardsPerRow` for a few cards; for a whole class (30 nodes on the teacher's
 * projector), as many as make the picture closest to a screen's shape. Two a row made 30 cards a
 * column fifteen cards tall, which a fit shrank to a thin strip in the middle of the screen.
 */
export function rowLength(sizes: readonly Size[], o: LayoutOptions): number {
  if (sizes.length <= FEW_CARDS) return o.cardsPerRow;
  let best = o.cardsPerRow;
  let bestMiss = Infinity;
  for (let n = o.cardsPerRow; n <= sizes.length; n++) {
    let width = 0;
    let height = 0;
    for (let i = 0; i < sizes.length; i += n) {
      const row = sizes.slice(i, i + n);
      width = Math.max(width, row.reduce((w, s) => w + s.width, 0) + (row.length - 1) * o.cardGap);
      height += Math.max(...row.map((s) => s.height)) + (i > 0 ? o.cardGap : 0);
    }
    const miss = Math.abs(Math.log(width / height / SCREEN_ASPECT));
    if (miss < bestMiss) [best, bestMiss] = [n, miss];
  }
  return best;
}

/** Top-left corners of cards of the given sizes, in order, wrapping after `rowLength` of them. */
export function cardPositions(sizes: readonly Size[], o: LayoutOptions): Point[] {
  const out: Point[] = [];
  const perRow = rowLength(sizes, o);
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  sizes.forEach((s, i) => {
    if (i > 0 && i % perRow === 0) {
      x = 0;
      y += rowHeight + o.cardGap;
      rowHeight = 0;
    }
    out.push({ x, y });
    x += s.width + o.cardGap;
    rowHeight = Math.max(rowHeight, s.height);
  });
  return out;
}
