/**
 * The classroom actions a tab takes (pause, step, resume, message speed, cut, heal) as a feed the
 * recorder notes. The controls act through the tab's conditioner, so the conditioner is wrapped:
 * the wrapper forwards every call unchanged and, for those actions, tells its listeners first.
 */
import type { NetworkConditioner } from '../../distribution/middleware/network-controls.ts';

export interface ClassroomAction {
  readonly action: 'pause' | 'resume' | 'step' | 'speed' | 'cut' | 'heal';
  /** The peer a cut or heal is about. */
  readonly peer?: string;
  /** The message speed's delay, ms. */
  readonly ms?: number;
}

export interface ClassroomActionFeed {
  /** Calls `listener` with each action taken through `conditioner` until the returned function is called. */
  subscribe(listener: (a: ClassroomAction) => void): () => void;
}

/** `conditioner`, telling the feed of each classroom action taken through it. */
export function classroomActions(inner: NetworkConditioner): { conditioner: NetworkConditioner; feed: ClassroomActionFeed } {
  const listeners = new Set<(a: ClassroomAction) => void>();
  const tell = (a: ClassroomAction) => {
    for (const l of listeners) l(a);
  };
  const told: Partial<Record<keyof NetworkConditioner, (...args: never[]) => ClassroomAction>> = {
    hold: (on: boolean) => ({ action: on ? 'pause' : 'resume' }),
    releaseOne: () => ({ action: 'step' }),
    slowNetwork: (ms: number) => ({ action: 'speed', ms }),
    cut: (peer: string) => ({ action: 'cut', peer }),
    heal: (peer: string) => ({ action: 'heal', peer }),
  };
  // A proxy, so the conditioner's getters (holding, pausedBy...) read the live state.
  const conditioner = new Proxy(inner, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      const what = told[prop as keyof NetworkConditioner];
      if (what === undefined || typeof value !== 'function') return value;
      return (...args: never[]) => {
        const a = what(...args);
        // The speed control sets its value again on each render: only a change is an action.
        if (a.action !== 'speed' || a.ms !== target.slowNetworkMs) tell(a);
        return (value as (...a: never[]) => unknown).apply(target, args);
      };
    },
  });
  return {
    conditioner,
    feed: {
      subscribe(listener) {
        listeners.add(listener);
        return () => void listeners.delete(listener);
      },
    },
  };
}
