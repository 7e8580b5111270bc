/**
 * Page options from the URL beyond the node's identity (identity.ts has those):
 * `?ticktime=4` mirrors `iex --erl "-kernel net_ticktime 4"`: a cut or silent link is declared
 * down after about that many seconds (BEAM ticks every ticktime/4). The default (no option)
 * is the distribution layer's own, long enough for background tabs.
 */
export function tickTuning(params: URLSearchParams): { tickIntervalMs: number; tickTimeoutMs: number } | null {
  const seconds = Number(params.get('ticktime'));
  if (!Number.isFinite(seconds) || seconds <= 0) return null;
  return { tickIntervalMs: (seconds * 1000) / 4, tickTimeoutMs: seconds * 1000 };
}

/** The page's own URL options (beyond the node's identity), read once by the composition root. */
export interface PageOptions {
  readonly tuning: { tickIntervalMs: number; tickTimeoutMs: number } | null;
  /** `?connect=two@lab` (the start panel's Connect on an unnamed tab): connect as typed, once alive. */
  readonly connect: string | null;
  /** `?refused=one@lab`: the name this tab asked for was taken (the tab reloaded without it). */
  readonly refused: string | null;
}

export function pageOptions(search: string): PageOptions {
  const params = new URLSearchParams(search);
  return { tuning: tickTuning(params), connect: params.get('connect') || null, refused: params.get('refused') || null };
}

/** Query parameters of the current page worth keeping when the tab renames itself. */
const KEPT = ['host', 'ice', 'ticktime', 'hidden', 'connect_all'];

/**
 * The URL a tab navigates to in order to become node `sname` (the start panel), keeping the
 * host, ICE servers and tick time of `current`; `connect` asks the new node to connect there.
 */
export function namedNodeUrl(current: URL, sname: string, cookie: string, connect?: string): string {
  const next = new URL(current.pathname, current.origin);
  next.searchParams.set('sname', sname);
  for (const key of KEPT) for (const v of current.searchParams.getAll(key)) next.searchParams.append(key, v);
  const c = cookie || current.searchParams.get('cookie');
  if (c) next.searchParams.set('cookie', c);
  if (connect) next.searchParams.set('connect', connect);
  return next.toString();
}
