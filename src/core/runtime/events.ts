/**
 * The runtime's one typed event stream. The UI store and the cluster view read the runtime only
 * through it. Emission is guarded by `active` at every call site, so a node nobody watches (the
 * ring benchmark) builds no event objects at all.
 */
import type { Atom, Pid, Ref, Term } from '../term/types.ts';

export type RuntimeEvent =
  | { readonly type: 'process:spawned'; readonly time: number; readonly pid: Pid; readonly parent: Pid | null; readonly system: boolean }
  | { readonly type: 'process:exited'; readonly time: number; readonly pid: Pid; readonly reason: Term }
  /** `to` is a pid, or `{name, node}`/an atom for a registered send; `remote` when it leaves the node. */
  | { readonly type: 'message:sent'; readonly time: number; readonly from: Pid | null; readonly to: Pid | Term; readonly message: Term; readonly remote: boolean }
  | { readonly type: 'message:received'; readonly time: number; readonly pid: Pid; readonly message: Term }
  | { readonly type: 'link:added'; readonly time: number; readonly from: Pid; readonly to: Pid }
  | { readonly type: 'link:removed'; readonly time: number; readonly from: Pid; readonly to: Pid }
  | { readonly type: 'monitor:added'; readonly time: number; readonly ref: Ref; readonly watcher: Pid; readonly target: Pid }
  | { readonly type: 'monitor:removed'; readonly time: number; readonly ref: Ref; readonly watcher: Pid; readonly target: Pid }
  | { readonly type: 'name:registered'; readonly time: number; readonly name: Atom; readonly pid: Pid }
  | { readonly type: 'name:unregistered'; readonly time: number; readonly name: Atom; readonly pid: Pid }
  /** A process asked another node to spawn `call` (`{module, fun, args}`): a SPAWN_REQUEST left. */
  | { readonly type: 'spawn:requested'; readonly time: number; readonly from: Pid; readonly node: Atom; readonly call: Term };

export type RuntimeEventType = RuntimeEvent['type'];
export type Listener = (event: RuntimeEvent) => void;

export class EventHub {
  /** True when someone listens: check it before building an event. */
  active = false;
  private listeners: Listener[] = [];

  subscribe(listener: Listener): () => void {
    this.listeners = [...this.listeners, listener];
    this.active = true;
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
      this.active = this.listeners.length > 0;
    };
  }

  emit(event: RuntimeEvent): void {
    // Copy-on-write list: a listener that unsubscribes while we iterate does not disturb us.
    const ls = this.listeners;
    for (let i = 0; i < ls.length; i++) (ls[i] as Listener)(event);
  }
}
