import { describe, expect, it } from 'vitest';
import { signallingToken } from './signalling-config.ts';
import { reconnectDelay } from '../distribution/transports/peerjs.ts';

describe("the tab's signalling", () => {
  it('makes its token from 16 random bytes, as hex', () => {
    expect(signallingToken((b) => b.fill(0xab))).toBe('ab'.repeat(16));
    let n = 0;
    expect(signallingToken((b) => b.map(() => n++))).toBe('000102030405060708090a0b0c0d0e0f');
  });
  it('waits longer between attempts to register again, up to 5 s', () => {
    expect([0, 1, 2, 3, 4, 5, 20].map(reconnectDelay)).toEqual([500, 1000, 2000, 4000, 5000, 5000, 5000]);
  });
});
