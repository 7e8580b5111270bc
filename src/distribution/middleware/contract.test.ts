// Every link middleware keeps the transport contract (transports/contract.ts), in the states the
// classroom uses: passing, delaying (a slow network), and paused with the teacher stepping.
import { describe, expect, it } from 'vitest';
import { SeededRandom, SimulatedClock } from '../../core/ports.ts';
import { registerTransportContract, type ContractWorld } from '../transports/contract.ts';
import { MemoryNetwork } from '../transports/memory.ts';
import type { Transport } from '../transports/transport.ts';
import { createConditioner } from './conditioner.ts';
import { createHoldGate, type HoldScope } from './hold.ts';
import { createNetworkConditioner } from './network-controls.ts';
import { createMessageSpeed } from './message-speed.ts';

const DELAY_MS = 40;

/**
 * A memory network seen through `wrap`; `step` is what the world does to let held traffic on
 * (release what a pause holds, let delayed messages fall due), besides flushing the network.
 */
function world(wrap: (t: Transport, name: string) => Transport, step: () => void = () => {}): ContractWorld {
  const net = new MemoryNetwork({ maxMessageBytes: 16 * 1024, highWaterBytes: 64 * 1024 });
  const run = () => {
    net.flush();
    step();
    net.flush();
  };
  return {
    transport: (name) => wrap(net.transport(), name),
    async waitFor(cond, what) {
      for (let i = 0; i < 1000 && !cond(); i++) run();
      if (!cond()) throw new Error(`${what} never happened`);
    },
    async settle() {
      for (let i = 0; i < 10; i++) run();
    },
  };
}

function conditionerWorld(delayMs: number): ContractWorld {
  const clock = new SimulatedClock();
  const c = createConditioner({ clock, random: new SeededRandom(1) });
  return world(
    (t, name) => {
      // Conditions are per peer: every node of the world is delayed as a peer of the others.
      c.set(name, { delayMs });
      return c.wrap(t);
    },
    () => {
      clock.advance(delayMs);
      c.runDue();
    },
  );
}

function holdWorld(holding: boolean, scope: HoldScope = 'both'): ContractWorld {
  const gate = createHoldGate();
  gate.hold(holding, scope);
  return world(
    (t) => gate.wrap(t),
    () => {
      while (gate.releaseOne());
    },
  );
}

/** The whole stack a tab runs (activity, conditioner, hold gate, tracking), slowed and paused. */
function networkControlsWorld(): ContractWorld {
  const clock = new SimulatedClock();
  const controls = createNetworkConditioner(clock, new SeededRandom(2));
  controls.slowNetwork(DELAY_MS);
  controls.hold(true);
  return world(
    (t) => controls.wrap(t),
    () => {
      while (controls.releaseOne());
      clock.advance(DELAY_MS);
      controls.runDue();
    },
  );
}

/** Message speed, slowing: the contract's bytes are not the class's packets, so they keep the link's pace and order. */
function messageSpeedWorld(): ContractWorld {
  const clock = new SimulatedClock();
  const speed = createMessageSpeed(clock);
  speed.set(DELAY_MS);
  return world(
    (t) => speed.wrap(t),
    () => {
      clock.advance(DELAY_MS);
      speed.runDue();
    },
  );
}

const api = { describe, it, expect };
registerTransportContract('message speed, slowing', messageSpeedWorld, api);
registerTransportContract('conditioner, clear', () => conditionerWorld(0), api);
registerTransportContract('conditioner, delaying', () => conditionerWorld(DELAY_MS), api);
registerTransportContract('hold gate, passing', () => holdWorld(false), api);
registerTransportContract('hold gate, holding both ways, stepped', () => holdWorld(true), api);
registerTransportContract('hold gate, holding sends, stepped', () => holdWorld(true, 'outgoing'), api);
registerTransportContract('network controls, slowed and paused', networkControlsWorld, api);
