/**
 * Process.info of a process on another node, for the inspector: asked through the tracing
 * service (a round trip over distribution), again whenever the store's view of the process
 * changes (a message arrived, its status changed) and every REFRESH_MS while it is shown, with
 * at most one request in flight. Until the first answer it is undefined (the inspector shows
 * what the store knows); after the process is gone, null.
 */
import { useEffect, useRef, useState } from 'react';
import type { ProcessInfo } from '../../core/runtime/process-api.ts';
import type { Pid } from '../../core/term/types.ts';
import type { ProcessView } from '../store/model.ts';

export type RemoteInfo = (pid: Pid, done: (info: ProcessInfo | undefined) => void) => void;

const REFRESH_MS = 2000;
const STUCK_MS = 10_000;

export function useRemoteInfo(view: ProcessView | undefined, ask: RemoteInfo | undefined): ProcessInfo | null | undefined {
  const [info, setInfo] = useState<{ key: string; info: ProcessInfo | null } | null>(null);
  // Shared by successive effects (the view changes with every message): one request in flight,
  // and the newest effect's fetch runs when it comes back if something changed meanwhile.
  const inFlight = useRef(false);
  const since = useRef(0);
  const again = useRef(false);
  const latest = useRef<(() => void) | null>(null);

  useEffect(() => {
    if (view === undefined || ask === undefined || view.exit !== null) {
      latest.current = null;
      return undefined;
    }
    const fetch = () => {
      // A request held longer (delivery paused, a link cut before nodedown) stops blocking the next.
      if (inFlight.current && Date.now() - since.current < STUCK_MS) {
        again.current = true;
        return;
      }
      inFlight.current = true;
      since.current = Date.now();
      ask(view.pid, (i) => {
        inFlight.current = false;
        if (latest.current === fetch) setInfo({ key: view.key, info: i ?? null });
        if (again.current) {
          again.current = false;
          latest.current?.();
        }
      });
    };
    latest.current = fetch;
    fetch();
    const timer = setInterval(fetch, REFRESH_MS);
    return () => {
      if (latest.current === fetch) latest.current = null;
      clearInterval(timer);
    };
  }, [view, ask]);

  if (view === undefined || info === null || info.key !== view.key) return undefined;
  return info.info;
}
