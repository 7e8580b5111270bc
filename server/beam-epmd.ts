/**
 * The EPMD the gateway registers tabs with (issue 15 §1): the machine's `epmd` when one answers on
 * 4369; else `epmd -daemon` when Erlang is installed; else our own listener (epmd-listener.ts).
 * Whichever it is, the gateway speaks to it through the EPMD client (src/host/beam/epmd-client.ts).
 */
import { spawnSync } from 'node:child_process';
import { epmdLookup, epmdNames, epmdRegister, type EpmdTarget } from '../src/host/beam/epmd-client.ts';
import { EPMD_PORT } from '../src/distribution/beam/epmd-messages.ts';
import type { EpmdAccess } from './beam-epmd-access.ts';
import { startEpmdListener, type EpmdListener } from './epmd-listener.ts';

export interface MachineEpmd {
  readonly access: EpmdAccess;
  /** Which one: the machine's running epmd, one we started, or ours. */
  readonly kind: 'running' | 'started' | 'own';
  close(): Promise<void>;
}

export interface MachineEpmdOptions {
  readonly port?: number;
  /** Whether to run `epmd -daemon` (default: when one is on the PATH). */
  readonly startDaemon?: boolean;
  readonly log?: (line: string) => void;
}

export async function machineEpmd(o: MachineEpmdOptions = {}): Promise<MachineEpmd> {
  const port = o.port ?? EPMD_PORT;
  const target: EpmdTarget = { host: '127.0.0.1', port, timeoutMs: 2_000 };
  const access = epmdAccess(port);
  if ((await epmdNames(target)).ok) return { access, kind: 'running', close: () => Promise.resolve() };
  if (o.startDaemon ?? true) {
    const started = spawnSync('epmd', ['-daemon', '-port', String(port)], { stdio: 'ignore' });
    if (started.error === undefined && started.status === 0) {
      for (let i = 0; i < 50; i++) {
        if ((await epmdNames(target)).ok) return { access, kind: 'started', close: () => Promise.resolve() };
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    o.log?.('no epmd could be started: playing EPMD ourselves');
  }
  const own: EpmdListener = await startEpmdListener(port);
  return { access, kind: 'own', close: () => own.close() };
}

/** The gateway's view of the EPMD on `port` here, and of other hosts' EPMD on 4369 for lookups. */
export function epmdAccess(port: number): EpmdAccess {
  return {
    async register(alive, nodePort) {
      const r = await epmdRegister(alive, nodePort, { host: '127.0.0.1', port });
      if (!r.ok) throw new Error(/refused the registration/.test(r.reason) ? `the name ${alive} seems to be in use by another Erlang node` : r.reason);
      return r.value;
    },
    async lookup(host, alive) {
      const r = await epmdLookup(alive, { host, port: isThisMachine(host) ? port : EPMD_PORT });
      if (!r.ok) throw new Error(r.reason);
      return r.value?.port ?? null;
    },
  };
}

function isThisMachine(host: string): boolean {
  return host === 'localhost' || host.startsWith('127.') || host === '::1';
}
