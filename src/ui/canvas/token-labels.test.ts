import { describe, expect, it } from 'vitest';
import { TokenLabels, type LabelImage } from './token-labels.ts';
import type { MessageInFlight } from '../store/model.ts';

const msg = (id: number, text: string): MessageInFlight => ({
  id, from: null, fromNode: 'one@lab', to: null, toNode: 'one@lab', text, kind: 'message', fromText: '#PID<0.110.0>', toText: '#PID<0.111.0>', sentAt: 0, duration: 2000,
});

/** A painter that records what it painted, and a context that records what was copied where. */
function fakes() {
  const painted: string[] = [];
  const copied: string[] = [];
  const paint = (text: string, px: number, dark: boolean) => {
    painted.push(`${text}@${px}${dark ? ' dark' : ''}`);
    return { width: text.length, height: px, text } as unknown as LabelImage;
  };
  const g = { drawImage: (img: { text: string }, x: number, y: number) => void copied.push(`${img.text}@${x},${y}`) } as unknown as CanvasRenderingContext2D;
  return { painted, copied, paint, g };
}

describe('token labels', () => {
  it('a token keeps its label until it lands; a later token gets the freed one', () => {
    const f = fakes();
    const labels = new TokenLabels(14, f.paint);
    const [a, b, c] = [msg(1, ':a'), msg(2, ':b'), msg(3, ':c')] as [MessageInFlight, MessageInFlight, MessageInFlight];
    labels.startFrame(1, false);
    expect([labels.take(a, 2), labels.take(b, 2), labels.take(c, 2)]).toEqual([true, true, false]);
    labels.endFrame();
    // c is older than nothing: it stays unlabelled while a and b fly, however the list is ordered.
    labels.startFrame(1, false);
    expect([labels.take(c, 2), labels.take(b, 2), labels.take(a, 2)]).toEqual([false, true, true]);
    labels.endFrame();
    // a landed (not drawn this frame): its label goes back, and c can have it the frame after.
    labels.startFrame(1, false);
    expect([labels.take(b, 2), labels.take(c, 2)]).toEqual([true, false]);
    labels.endFrame();
    expect(labels.size).toBe(1);
    labels.startFrame(1, false);
    expect([labels.take(b, 2), labels.take(c, 2)]).toEqual([true, true]);
  });

  it('paints a label once for its whole flight, and again only when the resolution or colours change', () => {
    const f = fakes();
    const labels = new TokenLabels(14, f.paint);
    const a = msg(1, '{:ping, #PID<0.110.0>}');
    for (let frame = 0; frame < 5; frame++) {
      labels.startFrame(2, false);
      labels.take(a, 8);
      labels.draw(f.g, a, 10 + frame, 20);
      labels.endFrame();
    }
    expect(f.painted).toEqual(['{:ping, #PID<0.110.0>}@28']);
    expect(f.copied).toEqual([10, 11, 12, 13, 14].map((x) => `{:ping, #PID<0.110.0>}@${x},20`));
    labels.startFrame(1, true); // a crowd halves the resolution; dark mode changes the colours
    labels.take(a, 8);
    labels.draw(f.g, a, 0, 0);
    expect(f.painted).toEqual(['{:ping, #PID<0.110.0>}@28', '{:ping, #PID<0.110.0>}@14 dark']);
  });

  it('cuts a long term with … as the label rule says', () => {
    const f = fakes();
    const labels = new TokenLabels(14, f.paint);
    const long = msg(1, `{:data, "${'x'.repeat(200)}"}`);
    labels.startFrame(1, false);
    labels.take(long, 1);
    labels.draw(f.g, long, 0, 0);
    expect(f.painted[0]).toMatch(/…@14$/);
    expect((f.painted[0] ?? '').length).toBeLessThan(80);
  });
});
