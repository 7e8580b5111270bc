/**
 * Ticks between the terminal node and a real node (in its own file: it waits the better part of a
 * minute, beside the other suites). The real node runs with net_ticktime 40, so it drops a peer
 * it has heard nothing from for 30 to 50 s; it sleeps 55 s with the connection idle and still
 * lists us: our ticks (zero-length packets, every 15 s, or at once on hearing the peer after
 * 15 s quiet) reached it, and its own (every 10 s) did not trouble our reader.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { realIex, terminalIex } from './beam-testing.ts';

const CLI = `beamlink_tick_cli${process.pid}`;
const REAL = `beamlink_tick_real${process.pid}`;
const cli = terminalIex(CLI, 'c');
const real = realIex(REAL, 'c', '-kernel net_ticktime 40');

afterAll(() => {
  cli.stop();
  real.stop();
});

describe('ticks with a real node', () => {
  it('an idle connection outlives the real node\'s tick timeout, both sides still list each other', async () => {
    await cli.type('Node.self()');
    expect(await real.type(`Node.connect(:${CLI}@vm)`)).toBe('true\n');
    expect(await real.type(':net_kernel.get_net_ticktime()')).toBe('40\n');
    expect(await real.type('Process.sleep(55_000); Node.list()', 90_000)).toMatch(new RegExp(`\\[:${CLI}@vm\\]\\n$`));
    expect(await cli.type('Node.list()')).toBe(`[:${REAL}@vm]\n`);
    expect(cli.out()).not.toMatch(/not responding|protocol error/);
  }, 120_000);
});
