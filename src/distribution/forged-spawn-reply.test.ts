/**
 * A hostile peer answering a spawn request that went to another node: SPAWN_REPLY carries only
 * the request id (refs are sequential, so a third node can guess it), and the answer must come
 * from the node that was asked, or a caller's erpc/spawn_request would take a forged pid (and
 * adopt a monitor of it) for its real child.
 */
import { describe, expect, it } from 'vitest';
import { atom, Pid } from '../core/term/types.ts';
import { SeededRandom, SimulatedClock } from '../core/ports.ts';
import { createNode } from '../core/runtime/node.ts';
import { RemoteSpawner, type SpawnResult } from './remote-spawn.ts';
import type { ControlMessage } from './control.ts';
import { collect } from './testing.ts';

describe('a SPAWN_REPLY from the wrong node', () => {
  it('is ignored; the reply of the node asked is taken', () => {
    const node = createNode({ name: 'one@lab', clock: new SimulatedClock(), random: new SeededRandom(1), stdout: () => {} });
    const sent: ControlMessage[] = [];
    const spawner = new RemoteSpawner(node, (_n, m) => void sent.push(m), undefined);
    const caller = collect(node).pid;
    const got: SpawnResult[] = [];
    const two = atom('two@lab');
    const reqId = spawner.request(caller, two, atom('m'), atom('f'), [], { monitor: true }, caller, (r) => void got.push(r));
    const forged = new Pid(atom('three@lab'), 200, 0, 1);
    spawner.reply(atom('three@lab'), { type: 'spawn_reply', reqId, to: caller, flags: 2, result: forged });
    expect(got).toEqual([]);
    const child = new Pid(two, 120, 0, 1);
    spawner.reply(two, { type: 'spawn_reply', reqId, to: caller, flags: 0, result: child });
    expect(got).toEqual([{ ok: true, pid: child }]);
  });
});
