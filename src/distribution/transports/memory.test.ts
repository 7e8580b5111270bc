import { describe, expect, it } from 'vitest';
import { registerTransportContract } from './contract.ts';
import type { ContractWorld } from './contract.ts';
import { MemoryNetwork } from './memory.ts';

function memoryWorld(): ContractWorld {
  const net = new MemoryNetwork({ maxMessageBytes: 16 * 1024, highWaterBytes: 64 * 1024 });
  return {
    transport: () => net.transport(),
    async waitFor(cond, what) {
      net.flush();
      if (!cond()) throw new Error(`memory network: ${what} never happened`);
    },
    async settle() {
      net.flush();
    },
  };
}

registerTransportContract('memory', memoryWorld, { describe, it, expect });

describe('memory network extras', () => {
  it('closes a link that sends more than maxMessageBytes, like a data channel error', () => {
    const net = new MemoryNetwork({ maxMessageBytes: 10 });
    const a = net.transport();
    const b = net.transport();
    a.listen('a@x', () => {});
    const closed: string[] = [];
    b.listen('b@x', (l) => l.onClose((r) => closed.push(`b:${r}`)));
    a.connect('b@x', (r) => {
      if (!r.ok) return;
      r.link.onClose((reason) => closed.push(`a:${reason}`));
      r.link.send(new Uint8Array(11));
    });
    net.flush();
    expect(closed).toEqual(['a:message of 11 bytes exceeds 10', 'b:message of 11 bytes exceeds 10']);
  });

  it('disconnect and kill close links on both sides; a killed name no longer accepts', () => {
    const net = new MemoryNetwork();
    const ts = ['a@x', 'b@x', 'c@x'].map((n) => {
      const t = net.transport();
      t.listen(n, (l) => l.onClose(() => log.push(`${n}<-${l.peer}`)));
      return t;
    });
    const log: string[] = [];
    ts[0]?.connect('b@x', (r) => r.ok && r.link.onClose(() => log.push('a@x->b@x')));
    ts[0]?.connect('c@x', (r) => r.ok && r.link.onClose(() => log.push('a@x->c@x')));
    net.flush();
    net.disconnect('b@x', 'a@x');
    net.flush();
    expect(log.sort()).toEqual(['a@x->b@x', 'b@x<-a@x']);
    net.kill('c@x');
    net.flush();
    expect(log.length).toBe(4);
    let failed = false;
    ts[0]?.connect('c@x', (r) => (failed = !r.ok));
    net.flush();
    expect(failed).toBe(true);
    expect(net.names().sort()).toEqual(['a@x', 'b@x']);
  });
});
