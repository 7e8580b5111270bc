/**
 * A log that a flood cannot fill: at most `lines` lines per `windowMs`; past that, lines are
 * counted, and the first line of a later window says how many were left out.
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
      log(line);
    } else {
      suppressed++;
    }
  };
}
