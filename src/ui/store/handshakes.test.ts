import { describe, expect, it } from 'vitest';
import { Classroom } from '../../playground/classroom.ts';
import { connectDistribution } from './cluster-bridge.ts';
import { MAX_ATTEMPTS, explainRefusal, recordResult, recordStep, resultText, startAttempt, stepText, type HandshakeLog } from './handshakes.ts';
import { createPlaygroundStore, type PlaygroundStore } from './playground-store.ts';

const steps = (store: PlaygroundStore, peer: string) =>
  (store.getState().handshakes[peer] ?? []).map((a) => ({ role: a.role, result: resultText(a.result), steps: a.steps.map(stepText) }));

describe('handshake log', () => {
  it('opens an attempt at send_name (or when this node starts calling) and keeps the last few per peer', () => {
    let log: HandshakeLog = {};
    log = startAttempt(log, 'two@lab', 'initiator');
    log = recordStep(log, 'two@lab', { name: 'send_name', direction: 'out', outcome: 'sent' });
    log = recordStep(log, 'two@lab', { name: 'status', direction: 'in', outcome: 'ok' });
    expect(log['two@lab']?.map((a) => a.steps.length)).toEqual([2]);
    log = recordResult(log, 'two@lab', { kind: 'refused', reason: 'closed' });
    // A second failure report for an attempt already over changes nothing.
    expect(recordResult(log, 'two@lab', { kind: 'refused', reason: 'again' })).toBe(log);
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) log = recordStep(log, 'two@lab', { name: 'send_name', direction: 'in', outcome: 'ok' });
    expect(log['two@lab']).toHaveLength(MAX_ATTEMPTS);
    expect(log['two@lab']?.at(-1)).toMatchObject({ seq: MAX_ATTEMPTS + 3, role: 'acceptor' });
  });

  it('shows a cookie refusal on both sides: invalid reply on the called side, the caller refused after its reply', () => {
    const room = new Classroom();
    const one = room.open('one');
    const three = room.open('three', { cookie: 'oatmeal' });
    const storeOne = createPlaygroundStore({ localNode: one.name });
    const storeThree = createPlaygroundStore({ localNode: three.name });
    connectDistribution(one.node.dist!, storeOne);
    connectDistribution(three.node.dist!, storeThree);

    room.type(three, 'Node.connect :"one@vm"');
    expect(three.output()).toContain('false');
    expect(one.output()).toContain('Invalid challenge reply');

    const called = steps(storeOne, 'three@vm');
    expect(called).toEqual([{
      role: 'acceptor',
      result: 'refused: bad_challenge_reply',
      steps: ['send_name ← in: ok', 'status → out: ok', 'challenge → out: sent', 'challenge_reply ← in: invalid'],
    }]);
    const caller = steps(storeThree, 'one@vm');
    expect(caller).toHaveLength(1);
    expect(caller[0]?.role).toBe('initiator');
    expect(caller[0]?.steps).toEqual(['send_name → out: sent', 'status ← in: ok', 'challenge ← in: ok', 'challenge_reply → out: sent']);
    expect(caller[0]?.result).toMatch(/^refused: /);
    expect(explainRefusal(storeOne.getState().handshakes['three@vm']![0]!)).toMatch(/different cookies/);
    expect(explainRefusal(storeThree.getState().handshakes['one@vm']![0]!)).toMatch(/refused the cookie/);

    // With the right cookie for one@vm, the next attempt goes through all five steps.
    room.type(three, 'Node.set_cookie(:"one@vm", :"chocolate-chip-1")');
    room.type(three, 'Node.connect :"one@vm"');
    const ok = steps(storeThree, 'one@vm').at(-1);
    expect(ok).toEqual({
      role: 'initiator',
      result: 'up',
      steps: ['send_name → out: sent', 'status ← in: ok', 'challenge ← in: ok', 'challenge_reply → out: sent', 'challenge_ack ← in: ok'],
    });
    expect(steps(storeOne, 'three@vm').at(-1)?.result).toBe('up');
  });

  it('selecting a connection and selecting a process exclude each other', () => {
    const store = createPlaygroundStore({ localNode: 'one@lab' });
    store.getState().select('one@lab/110.0.1');
    store.getState().selectConnection('two@lab');
    expect(store.getState()).toMatchObject({ selected: null, selectedConnection: 'two@lab' });
    store.getState().select('one@lab/110.0.1');
    expect(store.getState()).toMatchObject({ selected: 'one@lab/110.0.1', selectedConnection: null });
  });
});
