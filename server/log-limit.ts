/**
 * A log that a flood cannot fill: at most `lines` lines per `windowMs`; past that, lines are
 * counted, and the first line of a later window says how many were left out. Nor can a client
 * write into it: lines quote ids, origins and reasons it chose, so control characters (a newline
 * that starts a forged line, a terminal escape that clears the teacher's screen) are escaped.
 */
export interface LogLimit {
  readonly lines: number;
  readonly windowMs: number;
  readonly now: () => number;
}

export const SIGNALLING_LOG_LIMIT = { lines: 20, windowMs: 10_000 };

export function rateLimitedLog(log: (line: string) => void, limit: LogLimit): (line: string) => void {
  let windowStart = -Infinity;
  let written = 0;
  let suppressed = 0;
  return (line) => {
    const now = limit.now();
    if (now - windowStart >= limit.windowMs) {
      if (suppressed > 0) log(`(${suppressed} more lines like these left out)`);
      windowStart = now;
      written = 0;
      suppressed = 0;
    }
    if (written < limit.lines) {
      written++;
      log(printable(line));
    } else {
      suppressed++;
    }
  };
}

/** Control characters (C0, DEL, C1), line separators and bidi overrides, each as a `\uXXXX` escape. */
export function printable(line: string): string {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  return line.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
