/**
 * The sequence diagram bench page (bench/browser/ui-sequence.ts): a 10,000-event trace (two
 * nodes' processes pinging each other, recorded as the page records) rendered by the real
 * SequenceDiagram, then scrolled one step per frame. Reports through `window.sequenceBench`.
 */
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { Pid, atom } from '../../src/core/term/types.ts';
import { Recorder } from '../../src/distribution/trace/record.ts';
import { toRows, traceOf } from '../../src/distribution/trace/record-rows.ts';
import { SequenceDiagram } from '../../src/ui/sequence/SequenceDiagram.tsx';

const EVENTS = 10_000;

/** The recorded events, as the page's recorder holds them. */
function recorded() {
  const r = new Recorder();
  const a = atom('a@bench');
  const b = atom('b@bench');
  const procs = Array.from({ length: 8 }, (_, i) => new Pid(i % 2 === 0 ? a : b, 100 + i, 0, 1));
  for (let i = 0; r.size < EVENTS; i++) {
    const from = procs[i % 8] as Pid;
    const to = procs[(i + 3) % 8] as Pid;
    r.record(from.node.name, { type: 'message:sent', time: i, from, to, message: atom(`m${i % 50}`), remote: from.node !== to.node });
    r.record(to.node.name, { type: 'message:received', time: i, pid: to, message: atom(`m${i % 50}`) });
  }
  return { events: r.events(), nodeNumber: (n: typeof a) => (n === a ? 0 : 1) };
}

export interface SequenceMeasure {
  readonly events: number;
  /** Rows and clocks made from the recorded events (the app does it when the diagram opens). */
  readonly traceMs: number;
  /** React's render and commit of the diagram, its first window of rows drawn (the target's figure). */
  readonly renderMs: number;
  /** From the render to the first frame painted after it (layout and paint included). */
  readonly firstFrameMs: number;
  readonly fps: number;
  readonly longestFrameMs: number;
  readonly arrowsDrawn: number;
}

async function run(seconds: number): Promise<SequenceMeasure> {
  const { events, nodeNumber } = recorded();
  const tt = performance.now();
  const t = traceOf(toRows(events, { nodeNumber }));
  const traceMs = performance.now() - tt;
  const host = document.getElementById('root') as HTMLElement;
  const root = createRoot(host);
  const t0 = performance.now();
  flushSync(() => root.render(<SequenceDiagram trace={t} />));
  const renderMs = performance.now() - t0;
  // The frame that paints it: the next animation frame, and the task after its paint.
  await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const firstFrameMs = performance.now() - t0;
  const scroller = document.querySelector('[data-testid="sequence-scroll"]') as HTMLElement;
  let frames = 0;
  let longest = 0;
  let last = performance.now();
  const end = last + seconds * 1000;
  await new Promise<void>((resolve) => {
    const step = (now: number) => {
      frames++;
      longest = Math.max(longest, now - last);
      last = now;
      scroller.scrollTop += 37;
      if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) scroller.scrollTop = 0;
      if (now < end) requestAnimationFrame(step);
      else resolve();
    };
    requestAnimationFrame(step);
  });
  return { events: t.rows.length, traceMs, renderMs, firstFrameMs, fps: frames / seconds, longestFrameMs: longest, arrowsDrawn: scroller.querySelectorAll('g[role="img"]').length };
}

(window as unknown as { sequenceBench: (s: number) => Promise<SequenceMeasure> }).sequenceBench = run;
