/**
 * A process mailbox with selective receive (see the protocol in process-body.ts).
 *
 * A singly linked list behind a sentinel node, so that appending, taking the message the
 * current receive has just looked at (even from the middle) and resetting the scan are all
 * O(1). The scan position (`scan`) is BEAM's save pointer: the last node this receive has
 * already looked at. A receive that waits, is woken by a new message and resumes, continues
 * from there, so a long mailbox of non-matching messages is scanned once per receive, not
 * once per wake-up.
 */
import type { Term } from '../term/types.ts';
import { termWords } from './heap-limit.ts';

class MsgNode {
  next: MsgNode | null = null;
  constructor(
    public msg: Term,
    /** The message's size in words (heap-limit.ts), counted once as it arrives. */
    readonly words: number,
  ) {}
}

export class Mailbox {
  /** Sentinel: `head.next` is the oldest message. */
  private readonly head = new MsgNode(0, 0);
  private tail: MsgNode = this.head;
  /** Last node the current receive has looked at (the sentinel when none). */
  private scan: MsgNode = this.head;
  /** Node before `scan`, so the message at `scan` can be unlinked in O(1). */
  private scanPrev: MsgNode = this.head;
  length = 0;
  /** The estimated size of the waiting messages in words, for max_heap_size. */
  words = 0;
  /** How many messages nextMessage has returned in total: tests use it to prove linearity. */
  scanned = 0;

  push(msg: Term): void {
    const n = new MsgNode(msg, termWords(msg));
    this.tail.next = n;
    this.tail = n;
    this.length++;
    this.words += n.words;
  }

  /** The next message the current receive has not looked at yet, or undefined. */
  next(): Term | undefined {
    const n = this.scan.next;
    if (n === null) return undefined;
    this.scanPrev = this.scan;
    this.scan = n;
    this.scanned++;
    return n.msg;
  }

  /** True when messages arrived that the current receive has not looked at. */
  hasUnscanned(): boolean {
    return this.scan.next !== null;
  }

  /** Removes the message last returned by `next()` and rewinds the scan for the next receive. */
  take(): Term {
    const n = this.scan;
    if (n === this.head) throw new Error('takeMessage: no message was returned by nextMessage');
    const prev = this.scanPrev;
    prev.next = n.next;
    if (this.tail === n) this.tail = prev;
    this.length--;
    this.words -= n.words;
    this.scan = this.scanPrev = this.head;
    return n.msg;
  }

  /** Ends a receive without taking anything: the next receive starts from the oldest message. */
  rewind(): void {
    this.scan = this.scanPrev = this.head;
  }

  /** Removes every message for which `pred` holds (demonitor's flush). Rewinds the scan. */
  removeWhere(pred: (msg: Term) => boolean): number {
    let removed = 0;
    let prev = this.head;
    let n = prev.next;
    while (n !== null) {
      if (pred(n.msg)) {
        prev.next = n.next;
        if (this.tail === n) this.tail = prev;
        this.length--;
        this.words -= n.words;
        removed++;
      } else prev = n;
      n = prev.next;
    }
    this.rewind();
    return removed;
  }

  toArray(): Term[] {
    const out: Term[] = [];
    for (let n = this.head.next; n !== null; n = n.next) out.push(n.msg);
    return out;
  }

  clear(): void {
    this.head.next = null;
    this.tail = this.head;
    this.length = 0;
    this.words = 0;
    this.rewind();
  }
}
