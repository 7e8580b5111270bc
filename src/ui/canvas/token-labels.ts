/**
 * The labels on tokens at slow speeds (`{:ping, #PID<0.100.0>}`, cut with `…`), given to a token
 * once and kept on it until it lands.
 *
 * Why: labels handed each frame to "the oldest tokens in flight" jumped from token to token as
 * the oldest landed, and every label's text was drawn again each frame (a software-rendered tab
 * pays for each fillText). Here a token keeps its label for its whole flight, and the label is
 * painted once into its own small image, then only copied, frame after frame. The rule of which
 * token gets one (`take`) is pure and tested in Node; the painter is the browser's.
 */
import { tokenLabel } from './token-kind.ts';
import type { MessageInFlight } from '../store/model.ts';

export type LabelImage = HTMLCanvasElement | ImageBitmap;
/** Paints `text` at `px` device pixels (a backdrop behind it), or null if it cannot. */
export type LabelPainter = (text: string, px: number, dark: boolean) => LabelImage | null;

interface Held {
  image: LabelImage | null;
  /** The last frame its token was drawn in. */
  frame: number;
}

export class TokenLabels {
  private readonly held = new Map<MessageInFlight, Held>();
  private frame = 0;
  private look = '';
  private px = 0;
  private dark = false;

  /** `cssPx`: the labels' text size in CSS px. */
  constructor(
    private readonly cssPx: number,
    private readonly paint: LabelPainter = paintLabel,
  ) {}

  /** A new frame at `dpr` device px per CSS px: a new resolution or colour scheme paints the labels again. */
  startFrame(dpr: number, dark: boolean): void {
    this.frame++;
    const look = `${dpr}|${dark}`;
    if (look === this.look) return;
    this.look = look;
    this.px = Math.round(this.cssPx * dpr);
    this.dark = dark;
    for (const h of this.held.values()) {
      close(h.image);
      h.image = null;
    }
  }

  /** Whether `m`'s token carries a label this frame: it has one already, or one of `max` is free. */
  take(m: MessageInFlight, max: number): boolean {
    const h = this.held.get(m);
    if (h !== undefined) {
      h.frame = this.frame;
      return true;
    }
    if (this.held.size >= max) return false;
    this.held.set(m, { image: null, frame: this.frame });
    return true;
  }

  /** Copies `m`'s label (painted on first use) with its top-left corner at (x, y). */
  draw(g: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D, m: MessageInFlight, x: number, y: number): void {
    const h = this.held.get(m);
    if (h === undefined) return;
    h.image ??= this.paint(tokenLabel(m.text), this.px, this.dark);
    if (h.image !== null) g.drawImage(h.image, x, y);
  }

  /** Labels whose token was not drawn this frame (it landed, or left the screen) are given back. */
  endFrame(): void {
    for (const [m, h] of this.held) {
      if (h.frame === this.frame) continue;
      close(h.image);
      this.held.delete(m);
    }
  }

  /** How many tokens carry a label now. */
  get size(): number {
    return this.held.size;
  }

  clear(): void {
    for (const h of this.held.values()) close(h.image);
    this.held.clear();
  }
}

function close(image: LabelImage | null): void {
  if (image !== null && 'close' in image) image.close();
}

const FONT = 'ui-monospace, SFMono-Regular, Menlo, monospace';

/** One scratch canvas for every label: making a canvas and its context per label showed in the profile. */
let scratch: { canvas: OffscreenCanvas | HTMLCanvasElement; g: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D } | null = null;

function scratchCanvas(): typeof scratch {
  if (scratch !== null) return scratch;
  const canvas = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(1, 1) : document.createElement('canvas');
  const g = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null;
  return (scratch = g === null ? null : { canvas, g });
}

/**
 * The browser's painter: text on a light (or, in dark mode, dark) backdrop. An ImageBitmap taken
 * from the scratch canvas where the browser has OffscreenCanvas, else a canvas of its own.
 */
export function paintLabel(text: string, px: number, dark: boolean): LabelImage | null {
  const s = scratchCanvas();
  if (s === null) return null;
  const own = s.canvas instanceof HTMLCanvasElement ? document.createElement('canvas') : null;
  const g = own?.getContext('2d') ?? s.g;
  const pad = Math.round(px / 5);
  const font = `${px}px ${FONT}`;
  g.font = font;
  const width = Math.ceil(g.measureText(text).width) + 2 * pad;
  const height = px + 2 * pad;
  const target = own ?? s.canvas;
  target.width = width; // resizing resets the context's state: set the font again
  target.height = height;
  g.font = font;
  g.textBaseline = 'top';
  g.fillStyle = dark ? 'rgba(15,23,42,0.85)' : 'rgba(255,255,255,0.9)';
  g.fillRect(0, 0, width, height);
  g.fillStyle = dark ? '#f1f5f9' : '#0f172a';
  g.fillText(text, pad, pad);
  return typeof OffscreenCanvas === 'function' && target instanceof OffscreenCanvas ? target.transferToImageBitmap() : (target as HTMLCanvasElement);
}
