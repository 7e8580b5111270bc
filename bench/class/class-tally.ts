/**
 * Lost and reordered messages, counted truly: at the receiver, per sender→receiver pair, from the
 * sequence numbers each sender puts in its messages (0, 1, 2... per receiver).
 *
 * - reordered: a number that arrives after a larger one from the same sender;
 * - duplicated: a number that arrives twice;
 * - lost: sent (the sender's own count, asked once the run is over and quiet) minus the distinct
 *   numbers received. A message still in flight when the run is read would count as lost, so the
 *   driver waits until every receiver has what its senders sent, or a timeout.
 */
export interface PairCheck {
  /** Distinct numbers received. */
  received: number;
  /** The largest number seen, -1 before the first. */
  highest: number;
  reordered: number;
  duplicated: number;
  /** Numbers below `highest` not yet seen (gaps that a late message may still fill). */
  readonly missing: Set<number>;
}

export const newPairCheck = (): PairCheck => ({ received: 0, highest: -1, reordered: 0, duplicated: 0, missing: new Set() });

/** Records number `i` arriving on `pair`. */
export function see(pair: PairCheck, i: number): void {
  if (i > pair.highest) {
    // A gap: what lies between is missing until it comes (then it came reordered).
    for (let k = pair.highest + 1; k < i; k++) pair.missing.add(k);
    pair.highest = i;
    pair.received++;
  } else if (pair.missing.delete(i)) {
    pair.reordered++;
    pair.received++;
  } else {
    pair.duplicated++;
  }
}

/** One receiver's view of one sender, as a page reports it (JSON). */
export interface PairReport {
  readonly from: string;
  readonly to: string;
  readonly received: number;
  readonly reordered: number;
  readonly duplicated: number;
}

export interface Tally {
  readonly sent: number;
  /** Sender→receiver pairs that sent anything. */
  readonly pairs: number;
  readonly received: number;
  readonly lost: number;
  readonly reordered: number;
  readonly duplicated: number;
  /** Pairs where something was lost, reordered or duplicated: `from→to lost 3`. */
  readonly faults: readonly string[];
}

/** Sums the run: `sent[from][to]` from the senders, `pairs` from the receivers. */
export function tally(sent: Readonly<Record<string, Readonly<Record<string, number>>>>, pairs: readonly PairReport[]): Tally {
  const got = new Map(pairs.map((p) => [`${p.from}→${p.to}`, p]));
  let total = 0;
  let sentPairs = 0;
  let received = 0;
  let lost = 0;
  let reordered = 0;
  let duplicated = 0;
  const faults: string[] = [];
  for (const [from, to] of Object.entries(sent).flatMap(([f, ts]) => Object.keys(ts).map((t) => [f, t] as const))) {
    const n = sent[from]?.[to] ?? 0;
    const p = got.get(`${from}→${to}`);
    const r = p?.received ?? 0;
    total += n;
    if (n > 0) sentPairs++;
    received += r;
    const pairLost = Math.max(0, n - r);
    lost += pairLost;
    reordered += p?.reordered ?? 0;
    duplicated += p?.duplicated ?? 0;
    if (pairLost > 0 || (p?.reordered ?? 0) > 0 || (p?.duplicated ?? 0) > 0 || r > n) {
      faults.push(`${from}→${to}: sent ${n}, received ${r}, reordered ${p?.reordered ?? 0}, duplicated ${p?.duplicated ?? 0}`);
    }
  }
  return { sent: total, pairs: sentPairs, received, lost, reordered, duplicated, faults };
}
