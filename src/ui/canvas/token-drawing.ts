/**
 * The drawing of the tokens (MessageOverlay.tsx's canvas and list): loaded on demand, with the
 * first message in flight, not with the page (first-load budget). A page with no message yet
 * draws nothing, so nothing here is needed before one.
 *
 * Nothing here goes through React state per frame: a requestAnimationFrame loop reads the
 * playground store's message list and React Flow's node positions and viewport transform
 * straight from their stores, and runs only while tokens are in flight.
 */
import type { Dispatch, SetStateAction } from 'react';
import type { InternalNode, useStoreApi } from '@xyflow/react';
import type { PlaygroundStore } from '../store/playground-store.ts';
import type { MessageInFlight, PlaygroundData } from '../store/model.ts';
import { cardId, type ClusterData, type TileData } from './flow-graph.ts';
import { DEFAULT_LAYOUT, slotCentre, type Point } from './layout.ts';
import { hitToken, overlayBounds, selfLoopPoint, tokenPoint, type Rect } from './token-path.ts';
import { stamp, stampOf, type Stamp } from './token-pixels.ts';
import { TOKEN_KINDS, flightLine, type TokenKind } from './token-kind.ts';
import { TokenLabels } from './token-labels.ts';
import { FlightList } from './token-list.ts';
import { RouteCache } from './token-routes.ts';

const TOKEN_RADIUS = 8; // flow units: scales with zoom like the tiles do
/** Screen px: zoomed far out (a whole class on a projector) a token stays a visible dot. */
const MIN_SCREEN_RADIUS = 3;
const HOVER_RADIUS = 12; // screen px
/** A moving token is hard to click: a click finds it a little further off than hovering does. */
const CLICK_RADIUS = 18; // screen px
/** Radius of a message-to-self's loop, flow units. */
const SELF_LOOP = 60;
/** Above this many tokens the overlay is drawn at half resolution, every other frame. */
const CROWD = 150;

/** A card's centre: where a token starts or ends when its process is not drawn. */
function centre(lookup: Map<string, InternalNode>, id: string): Point | null {
  const n = lookup.get(id);
  if (n === undefined) return null;
  const { x, y } = n.internals.positionAbsolute;
  return { x: x + (n.measured.width ?? n.width ?? 0) / 2, y: y + (n.measured.height ?? n.height ?? 0) / 2 };
}

/** Each card's tiles by process key, made once per tiles list (a card's list changes only when its tiles do). */
const tileIndexes = new WeakMap<readonly TileData[], Map<string, TileData>>();

/**
 * A process tile's centre: its card's corner plus the slot it is drawn at (tiles are not React
 * Flow nodes; folded cards draw them at other slots than their own), or null when not drawn.
 */
function tileCentre(lookup: Map<string, InternalNode>, s: Pick<PlaygroundData, 'processes'>, key: string | null): Point | null {
  if (key === null) return null;
  const v = s.processes[key];
  const card = v === undefined ? undefined : lookup.get(cardId(v.node));
  if (card === undefined) return null;
  const tiles = (card.data as ClusterData).tiles;
  let index = tileIndexes.get(tiles);
  if (index === undefined) tileIndexes.set(tiles, (index = new Map(tiles.map((t) => [t.key, t]))));
  const tile = index.get(key);
  return tile === undefined ? null : slotCentre(card.internals.positionAbsolute, tile.slot, DEFAULT_LAYOUT);
}

/** Tokens travelling this long or longer (the slow speeds) carry a label of their term. */
const LABEL_MIN_DURATION = 1000;
/** Tokens carrying a label at most; in a crowd fewer new ones: a flood of labels is unreadable. */
const LABELS = 24;
const CROWD_LABELS = 8;
/**
 * How often the `messages in flight` list (and `data-tokens`) follows a crowd (above CROWD tokens),
 * ms: shorter than the fastest token's flight (`fast`, 200 ms) by more than a frame, so every token
 * is listed while it flies.
 */
const LIST_CROWD_MS = 150;
/** Label text, CSS px (legible on a projector). */
const LABEL_PX = 14;

type Sprite = HTMLCanvasElement | ImageBitmap;

/**
 * A filled, outlined disc of `radius` device px, drawn once per colour and size. An ImageBitmap
 * when the browser can make one synchronously (OffscreenCanvas): drawing from a <canvas> made
 * the browser snapshot the source canvas on every drawImage (~700 snapshots a frame under load,
 * the largest cost of the whole frame in a trace); a bitmap is copied as it is.
 */
function spriteFor(cache: Map<string, Sprite>, colour: string, radius: number, line: number, outline: string): Sprite {
  const key = `${colour}|${radius.toFixed(1)}|${line}|${outline}`;
  let c = cache.get(key);
  if (c !== undefined) return c;
  // Zooming makes new sizes: keep a handful (not closed here: this frame may still draw one).
  if (cache.size > 24) cache.clear();
  const size = Math.ceil(2 * (radius + line)) + 2;
  const paint = (g: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D) => {
    g.beginPath();
    g.arc(size / 2, size / 2, radius, 0, 2 * Math.PI);
    g.fillStyle = colour;
    g.fill();
    g.lineWidth = line;
    g.strokeStyle = outline;
    g.stroke();
  };
  const off = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(size, size) : null;
  const og = off?.getContext('2d') ?? null;
  if (off !== null && og !== null) {
    paint(og);
    c = off.transferToImageBitmap();
  } else {
    const el = document.createElement('canvas');
    el.width = size;
    el.height = size;
    const g = el.getContext('2d');
    if (g !== null) paint(g);
    c = el;
  }
  cache.set(key, c);
  return c;
}

/** A sprite's pixels, for the crowded path (token-pixels.ts); null if the browser cannot read them. */
function stampFor(cache: WeakMap<Sprite, Stamp | null>, sprite: Sprite): Stamp | null {
  let st = cache.get(sprite);
  if (st !== undefined) return st;
  const c = document.createElement('canvas');
  c.width = sprite.width;
  c.height = sprite.height;
  const g = c.getContext('2d');
  if (g !== null) g.drawImage(sprite, 0, 0);
  st = g === null ? null : stampOf(g.getImageData(0, 0, c.width, c.height));
  cache.set(sprite, st);
  return st;
}

/** Each overlay canvas's surface, once handed over (StrictMode runs the effect twice on one element). */
const surfaces = new WeakMap<HTMLCanvasElement, OffscreenCanvas>();

/**
 * Where the tokens are drawn: the canvas's control handed to an OffscreenCanvas where the browser
 * can (drawn from this thread all the same). Why: a frame that changes a plain canvas's pixels
 * makes the browser paint the document and re-layer all of it (8 ms a frame with 3,000 tiles on
 * a projector, in the bench's trace); an OffscreenCanvas's frames go to the compositor
 * directly, and a frame in which only tokens moved costs no paint at all.
 */
function drawingSurface(canvas: HTMLCanvasElement): HTMLCanvasElement | OffscreenCanvas {
  const had = surfaces.get(canvas);
  if (had !== undefined) return had;
  if (typeof canvas.transferControlToOffscreen !== 'function') return canvas;
  const off = canvas.transferControlToOffscreen();
  surfaces.set(canvas, off);
  return off;
}

/** The tooltip of the token under the mouse. */
export interface Hover {
  readonly text: string;
  readonly x: number;
  readonly y: number;
}

/** Screen positions of the tokens drawn last frame, for hit testing (reused, never reallocated per frame). */
export interface Drawn {
  points: { x: number; y: number }[];
  messages: MessageInFlight[];
  count: number;
}

type FlowStore = ReturnType<typeof useStoreApi>;

/**
 * Draws `store`'s messages in flight on `canvas` and lists them in `listEl` while any fly;
 * `drawn` gets where each was drawn. Returns the function that stops it all.
 */
export function drawTokens(canvas: HTMLCanvasElement, listEl: HTMLUListElement | null, store: PlaygroundStore, flow: FlowStore, drawn: Drawn): () => void {
    const surface = drawingSurface(canvas);
    const ctx = surface.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
    if (!ctx) return () => undefined;
    let raf = 0;
    const routes = new RouteCache<MessageInFlight, { from: Point; to: Point; self: boolean } | null>();
    const sprites = new Map<string, Sprite>();
    const stamps = new WeakMap<Sprite, Stamp | null>();
    let image: ImageData | null = null;
    let pixels: Uint32Array | null = null;
    const dark = window.matchMedia?.('(prefers-color-scheme: dark)');
    // Where the canvas sits (screen px in the flow pane): only over the cards, see overlayBounds.
    let at: Rect = { x: -1, y: -1, width: -1, height: -1 };
    const cards: Rect[] = [];
    const kindSprites = {} as Record<TokenKind, Sprite>;
    const kindStamps = {} as Record<TokenKind, Stamp | null>;
    // Labels stay on the token they were given to until it lands: each is drawn once into its
    // own image (token-labels.ts) and copied each frame. Handing labels to "the oldest tokens" each frame
    // moved them from token to token and re-drew the text every frame.
    const labels = new TokenLabels(LABEL_PX);
    // This frame's labels: where (canvas px, two numbers each) and whose (reused, never reallocated).
    const labelAt = new Float64Array(LABELS * 2);
    const labelOf: MessageInFlight[] = [];
    const list = listEl === null ? null : new FlightList<HTMLLIElement>(listEl, CROWD, LIST_CROWD_MS);

    // Frames since the crowd was last drawn (see `draw`).
    let skipped = 0;
    const draw = () => {
      raf = 0;
      const { transform, nodeLookup, width, height } = flow.getState();
      const [tx, ty, k] = transform;
      const state = store.getState();
      const { messages } = state;
      // A crowd of tokens (a whole class on a projector) moves at 30 frames a second: each
      // redraw is a full-canvas copy here and a full-layer raster in the compositor, which on a
      // software-rendered machine cost the page its own frames (bench:ui's projector run); a
      // dot moving 1/30 s at a time looks the same from the back of the room.
      if (messages.length > CROWD && skipped++ === 0) {
        raf = requestAnimationFrame(draw);
        return;
      }
      skipped = 0;
      // A flood of tokens is drawn at half resolution: the canvas is rasterised and handed to the
      // compositor every frame, at a cost that grows with its pixels (a software-rendered tab
      // spends more there than on anything else); small dots lose nothing visible.
      const dpr = (window.devicePixelRatio || 1) * (messages.length > CROWD ? 0.5 : 1);
      cards.length = 0;
      for (const n of nodeLookup.values()) {
        const { x, y } = n.internals.positionAbsolute;
        cards.push({ x, y, width: n.measured.width ?? n.width ?? 0, height: n.measured.height ?? n.height ?? 0 });
      }
      const b = overlayBounds(cards, transform, { width, height }, SELF_LOOP + TOKEN_RADIUS + MIN_SCREEN_RADIUS / k);
      if (b.x !== at.x || b.y !== at.y || b.width !== at.width || b.height !== at.height) {
        at = b;
        Object.assign(canvas.style, { left: `${b.x}px`, top: `${b.y}px`, width: `${b.width}px`, height: `${b.height}px` });
      }
      if (surface.width !== Math.round(b.width * dpr) || surface.height !== Math.round(b.height * dpr)) {
        surface.width = Math.round(b.width * dpr);
        surface.height = Math.round(b.height * dpr);
      }
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      // A crowd is stamped into one pixel buffer (token-pixels.ts), a few tokens drawn as images.
      const crowd = messages.length > CROWD;
      if (crowd && (image === null || image.width !== surface.width || image.height !== surface.height) && surface.width > 0 && surface.height > 0) {
        image = ctx.createImageData(surface.width, surface.height);
        pixels = new Uint32Array(image.data.buffer);
      }
      let buffer = crowd && image !== null && image.width === surface.width && image.height === surface.height ? pixels : null;
      const now = performance.now();
      const d = drawn;
      d.count = 0;
      // Each token is one pre-drawn sprite copied at a whole pixel: without a GPU, rasterising
      // hundreds of outlined circles every frame cost more than everything else on the canvas.
      const radius = Math.max(TOKEN_RADIUS * k, MIN_SCREEN_RADIUS) * dpr;
      const outline = dark?.matches ? '#0f172a' : '#ffffff';
      for (const k of TOKEN_KINDS) {
        const sp = spriteFor(sprites, k.colour, radius, 2 * dpr, outline);
        kindSprites[k.kind] = sp;
        kindStamps[k.kind] = buffer === null ? null : stampFor(stamps, sp);
      }
      if (buffer !== null && TOKEN_KINDS.some((k) => kindStamps[k.kind] === null)) buffer = null;
      if (buffer !== null) buffer.fill(0);
      else ctx.clearRect(0, 0, surface.width, surface.height);
      const half = kindSprites.message.width / 2;
      let labelled = 0;
      labels.startFrame(dpr, dark?.matches === true);
      const maxLabels = crowd ? CROWD_LABELS : LABELS;
      const maxX = surface.width + half;
      const maxY = surface.height + half;
      const route = (m: MessageInFlight) => {
        const from = tileCentre(nodeLookup, state, m.from) ?? centre(nodeLookup, cardId(m.fromNode));
        const to = tileCentre(nodeLookup, state, m.to) ?? centre(nodeLookup, cardId(m.toNode));
        return from === null || to === null ? null : { from, to, self: m.from !== null && m.from === m.to };
      };
      for (const m of messages) {
        // Ends are looked up once per token (tiles do not move while it flies).
        const ends = routes.get(m, route);
        if (ends === null) continue;
        const p = ends.self ? selfLoopPoint(ends.from, SELF_LOOP, m.sentAt, m.duration, now) : tokenPoint(ends.from, ends.to, m.sentAt, m.duration, now);
        if (p === null) continue;
        const sx = p.x * k + tx;
        const sy = p.y * k + ty;
        const cx = (sx - b.x) * dpr;
        const cy = (sy - b.y) * dpr;
        // Off screen (a zoomed-in view shows a few cards): nothing to draw or to hover.
        if (cx < -half || cy < -half || cx > maxX || cy > maxY) continue;
        const st = buffer === null ? null : kindStamps[m.kind];
        if (buffer !== null && st !== null) stamp(buffer, surface.width, surface.height, st, Math.round(cx - half), Math.round(cy - half));
        else ctx.drawImage(kindSprites[m.kind], Math.round(cx - half), Math.round(cy - half));
        if (m.duration >= LABEL_MIN_DURATION && labelled < LABELS && labels.take(m, maxLabels)) {
          labelAt[labelled * 2] = Math.round(cx + half);
          labelAt[labelled * 2 + 1] = Math.round(cy - half);
          labelOf[labelled++] = m;
        }
        const screen = d.points[d.count];
        if (screen === undefined) d.points.push({ x: sx, y: sy });
        else {
          screen.x = sx;
          screen.y = sy;
        }
        d.messages[d.count] = m;
        d.count++;
      }
      routes.endFrame();
      if (buffer !== null && image !== null) ctx.putImageData(image, 0, 0);
      for (let i = 0; i < labelled; i++) labels.draw(ctx, labelOf[i] as MessageInFlight, labelAt[i * 2] as number, labelAt[i * 2 + 1] as number);
      // Tokens that landed (or left the screen) give their label back.
      labels.endFrame();
      // The list and how many tokens are drawn (for tests and tools), written when the list is
      // brought up to date: in a crowd a few times a second, so most frames touch no DOM at all.
      if (list?.update(d.messages, d.points, d.count, now) ?? true) {
        const tokens = String(d.count);
        if (canvas.dataset.tokens !== tokens) canvas.dataset.tokens = tokens;
      }
      if (messages.length > 0) raf = requestAnimationFrame(draw);
      // The clicked token's details stay until closed; they need no frame.
    };
    const start = () => {
      if (raf === 0) raf = requestAnimationFrame(draw);
    };
    start();
    // Wake up when new tokens arrive; the loop stops by itself once none are left.
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.messages !== prev.messages) start();
    });
    // Panning or zooming with nothing in flight needs one redraw to clear stale tokens.
    const unsubscribeFlow = flow.subscribe((s, prev) => {
      if (s.transform !== prev.transform) start();
    });
    return () => {
      unsubscribe();
      unsubscribeFlow();
      list?.clear();
      labels.clear();
      if (raf !== 0) cancelAnimationFrame(raf);
      for (const s of sprites.values()) if ('close' in s) s.close();
    };
}

/**
 * Hovering a token over `host` shows its term (`onHover`), clicking it its details (`onDetails`,
 * and the click goes no further). Returns the function that stops listening.
 */
export function pointOnTokens(host: HTMLElement, drawn: Drawn, onHover: Dispatch<SetStateAction<Hover | null>>, onDetails: (m: MessageInFlight) => void): () => void {
    const onMove = (e: MouseEvent) => {
      const r = host.getBoundingClientRect();
      const p = { x: e.clientX - r.left, y: e.clientY - r.top };
      const d = drawn;
      const i = hitToken(d.points, d.count, p, HOVER_RADIUS);
      const m = i < 0 ? undefined : d.messages[i];
      const text = m === undefined ? '' : flightLine(m.fromText, m.toText, m.text);
      onHover((h) => (m === undefined ? null : h?.text === text && Math.abs(h.x - p.x) < 4 ? h : { text, x: p.x, y: p.y }));
    };
    const onLeave = () => onHover(null);
    // A click on a token shows its details, and goes no further (not to a tile beneath it).
    const onClick = (e: MouseEvent) => {
      const r = host.getBoundingClientRect();
      const d = drawn;
      const i = hitToken(d.points, d.count, { x: e.clientX - r.left, y: e.clientY - r.top }, CLICK_RADIUS);
      const m = i < 0 ? undefined : d.messages[i];
      if (m === undefined) return;
      e.stopPropagation();
      e.preventDefault();
      onDetails(m);
    };
    host.addEventListener('mousemove', onMove);
    host.addEventListener('mouseleave', onLeave);
    host.addEventListener('click', onClick, true);
    return () => {
      host.removeEventListener('mousemove', onMove);
      host.removeEventListener('mouseleave', onLeave);
      host.removeEventListener('click', onClick, true);
    };
}
