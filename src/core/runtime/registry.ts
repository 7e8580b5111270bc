/**
 * The node's local registry of process names (Process.register and friends). A process has
 * at most one name and a name at most one process; a name goes away when its process dies.
 */
import { atom } from '../term/types.ts';
import type { Atom, Pid } from '../term/types.ts';
import type { NodeRuntime } from './node-runtime.ts';
import type { Proc } from './process.ts';
import { Status } from './status.ts';
import { BadArgError } from './errors.ts';

const UNDEFINED = atom('undefined');

export class Registry {
  private readonly names = new Map<Atom, Proc>();

  constructor(private readonly rt: NodeRuntime) {}

  lookup(name: Atom): Proc | undefined {
    return this.names.get(name);
  }

  whereis(name: Atom): Pid | undefined {
    return this.names.get(name)?.self;
  }

  registered(): Atom[] {
    return [...this.names.keys()];
  }

  /** Fails (badarg) when the name is taken, `:undefined`, or the process is dead or already named. */
  register(name: Atom, pid: Pid): void {
    const p = this.rt.lookup(pid);
    if (name === UNDEFINED || this.names.has(name) || p === undefined || p.status >= Status.Exiting || p.registeredName !== null) {
      throw new BadArgError(
        `could not register ${pidText(pid)} with name ${name.name} because it is not alive, the name is already taken, or it has already been given another name`,
      );
    }
    this.names.set(name, p);
    p.registeredName = name;
    this.rt.version++;
    if (this.rt.events.active) this.rt.events.emit({ type: 'name:registered', time: this.rt.clock.now(), name, pid: p.self });
  }

  unregister(name: Atom): void {
    const p = this.names.get(name);
    if (p === undefined) throw new BadArgError(`could not unregister ${name.name} because it's not registered`);
    this.drop(p);
  }

  /** Removes `p`'s name (unregister, or the process died). */
  drop(p: Proc): void {
    const name = p.registeredName;
    if (name === null) return;
    this.names.delete(name);
    p.registeredName = null;
    this.rt.version++;
    if (this.rt.events.active) this.rt.events.emit({ type: 'name:unregistered', time: this.rt.clock.now(), name, pid: p.self });
  }
}

function pidText(p: Pid): string {
  return `#PID<0.${p.id}.${p.serial}>`;
}
