/**
 * Messages in flight, drawn as tokens on ONE <canvas> laid over the React Flow viewport (not as
 * animated edges, which slow React Flow down badly when there are many).
 *
 * The drawing itself (token-drawing.ts) loads with the first message in flight: until then the
 * canvas and the list are here, empty (`data-tokens` 0). Hovering a token shows
 * its term, clicking it its details (TokenDetails.tsx): the only React state, changed when the
 * hovered or clicked token changes.
 *
 * Tokens are coloured by kind (token-kind.ts, with the legend beside the node table) and, at slow
 * speeds, carry a short label of their term (LABELS at most, each kept on its token until it
 * lands, token-labels.ts: a flood of labels would be unreadable and cost the frame). Each token
 * drawn is also a line of the hidden list `messages in flight` (token-list.ts).
 */
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useStoreApi } from '@xyflow/react';
import type { PlaygroundStore } from '../store/playground-store.ts';
import type { MessageInFlight } from '../store/model.ts';
import type { Drawn, Hover } from './token-drawing.ts';

// A token's details load on the first click on one (first-load budget).
const TokenDetails = lazy(() => import('./TokenDetails.tsx').then((m) => ({ default: m.TokenDetails })));

/** Where the list sits, px above the overlay: off screen, so `content-visibility: auto` skips its layout. */
const LIST_OFF_SCREEN_PX = -20_000;

type TokenDrawing = typeof import('./token-drawing.ts');

/** token-drawing.ts, once `store` has had a message in flight (null until it has come). */
function useTokenDrawing(store: PlaygroundStore): TokenDrawing | null {
  const [drawing, setDrawing] = useState<TokenDrawing | null>(null);
  useEffect(() => {
    if (drawing !== null) return;
    let current = true;
    const load = () => {
      unsubscribe();
      import('./token-drawing.ts')
        .then((m) => current && setDrawing(m))
        // A failed fetch (offline): the next message in flight tries again.
        .catch(() => current && (unsubscribe = store.subscribe(onChange)));
    };
    const onChange = (s: { messages: readonly MessageInFlight[] }) => {
      if (s.messages.length > 0) load();
    };
    let unsubscribe = store.subscribe(onChange);
    onChange(store.getState());
    return () => {
      current = false;
      unsubscribe();
    };
  }, [store, drawing]);
  return drawing;
}

export function MessageOverlay({ store }: { store: PlaygroundStore }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const flow = useStoreApi();
  const [hover, setHover] = useState<Hover | null>(null);
  const [details, setDetails] = useState<MessageInFlight | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const closeDetails = useCallback(() => setDetails(null), []);
  // Screen positions of the tokens drawn last frame, for hit testing (reused, never reallocated per frame).
  const drawn = useRef<Drawn>({ points: [], messages: [], count: 0 });

  // The drawing loads with the first message in flight (token-drawing.ts).
  const drawing = useTokenDrawing(store);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || drawing === null) return;
    return drawing.drawTokens(canvas, listRef.current, store, flow, drawn.current);
  }, [store, flow, drawing]);

  // The canvas lets pointer events through to React Flow; hover is tested on the wrapper.
  useEffect(() => {
    const host = canvasRef.current?.parentElement;
    if (!host || drawing === null) return;
    return drawing.pointOnTokens(host, drawn.current, setHover, setDetails);
  }, [drawing]);

  return (
    <>
      <canvas
        ref={canvasRef}
        aria-hidden="true"
        data-testid="message-overlay"
        data-tokens={0}
        className="pointer-events-none absolute z-[5]"
        // Its own compositing layer: redrawn every frame, it must not make the browser re-raster
        // the 500 tiles beneath it (an unaccelerated canvas is otherwise painted with them).
        style={{ willChange: 'transform', imageRendering: 'pixelated' }}
      />
      {hover !== null && (
        <div
          role="tooltip"
          className="pointer-events-none absolute z-[6] max-w-md rounded-lg bg-slate-900 px-3 py-2 font-mono text-base text-white shadow-lg dark:bg-slate-100 dark:text-slate-900"
          style={{ left: hover.x + 14, top: hover.y + 14 }}
        >
          {hover.text}
        </div>
      )}
      {/* Placed (left/top), not left at its static position: only then is the list, with its
          strict containment, a layout root of its own, and adding lines lays out the list alone,
          not the whole page (a layout of ~4,300 objects, 25-50 ms under load, each time). Off
          screen with `content-visibility: auto`, its lines are not laid out at all (they stay in
          the accessibility tree): every token can be listed (token-list.ts). */}
      <ul ref={listRef} aria-label="messages in flight" aria-live="off" className="sr-only left-0" style={{ contain: 'strict', top: LIST_OFF_SCREEN_PX, contentVisibility: 'auto' }} />
      {details !== null && (
        <Suspense fallback={null}>
          <TokenDetails message={details} onClose={closeDetails} />
        </Suspense>
      )}
    </>
  );
}
