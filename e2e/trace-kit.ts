/**
 * The recorded trace for tests: `node.trace()` (kit.ts) clicks the tab's `export JSON` and
 * reads the download, so a test sees exactly what a teacher exports; `expectMessages` asserts
 * that messages were sent and received in a given order (other events may come between).
 *
 *   const events = await one.trace();
 *   expectMessages(events, [{ text: ':ping', fromNode: 'one@lab', toNode: 'two@lab' }, { text: ':pong' }]);
 */
import { readFile } from 'node:fs/promises';
import { expect, type Page } from '@playwright/test';

/** One event of an exported JSON trace (distribution/trace/record-export.ts). */
export interface TracedEvent {
  readonly id: number;
  readonly node: string;
  readonly kind: string;
  readonly pidText: string | null;
  readonly peerText: string | null;
  readonly text: string | null;
  readonly match: number;
  readonly lamport: number;
  readonly vc: Record<string, number>;
}

export async function recordedTrace(page: Page): Promise<TracedEvent[]> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'export JSON' }).click()]);
  const path = await download.path();
  const doc = JSON.parse(await readFile(path, 'utf8')) as { events: TracedEvent[] };
  return doc.events;
}

export interface ExpectedMessage {
  /** The message as printed (`:ping`, `{:hello, 1}`). */
  readonly text: string;
  readonly fromNode?: string;
  readonly toNode?: string;
}

/** A message: its send and its receive (paired in the trace), in causal order. */
export function messagesOf(events: readonly TracedEvent[]): { text: string; fromNode: string; toNode: string; send: TracedEvent; receive: TracedEvent }[] {
  const byId = new Map(events.map((e) => [e.id, e]));
  return events.flatMap((e) => {
    const r = e.kind === 'send' ? byId.get(e.match) : undefined;
    return r === undefined ? [] : [{ text: e.text ?? '', fromNode: e.node, toNode: r.node, send: e, receive: r }];
  });
}

/** Each expected message was sent and received, in this order (by the trace's causal order of their sends). */
export function expectMessages(events: readonly TracedEvent[], expected: readonly ExpectedMessage[]): void {
  const got = messagesOf(events);
  let i = 0;
  for (const want of expected) {
    while (i < got.length && !fits(got[i] as (typeof got)[number], want)) i++;
    expect(i, `message ${JSON.stringify(want)} (in order) among ${JSON.stringify(got.map((m) => `${m.fromNode} → ${m.toNode}: ${m.text}`))}`).toBeLessThan(got.length);
    const m = got[i] as (typeof got)[number];
    // The receive's vector clock includes its send: causality, not just order.
    expect(m.receive.vc[m.fromNode] ?? 0).toBeGreaterThanOrEqual(m.send.vc[m.fromNode] ?? 0);
    i++;
  }
}

function fits(m: { text: string; fromNode: string; toNode: string }, want: ExpectedMessage): boolean {
  return m.text === want.text && (want.fromNode === undefined || m.fromNode === want.fromNode) && (want.toNode === undefined || m.toNode === want.toNode);
}
