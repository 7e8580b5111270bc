/**
 * A page served by `npm start -- --beam` (or `PLAYGROUND_BEAM=1 npm run dev`): the server puts a
 * `<meta name="playground-beam">` in index.html (server/beam-host.ts) with the host part real
 * nodes know this machine by, so `/?sname=one` is `one@vm` on a machine called vm, and the tab
 * reaches real BEAM nodes through the gateway's /beam websockets (beam-links.ts, loaded on demand).
 */
import type { MachineDefaults } from './identity.ts';

export interface BeamHosts {
  readonly short: string;
  readonly long: string;
}

/** The served host names, or null on a page without the gateway. */
export function beamHostsOf(doc: Pick<Document, 'querySelector'>): BeamHosts | null {
  const meta = doc.querySelector('meta[name="playground-beam"]');
  const short = meta?.getAttribute('content');
  if (!meta || !short) return null;
  return { short, long: meta.getAttribute('data-long') || short };
}

/** The profile's defaults, with the gateway's host names in place of the made-up one. */
export function withBeamHosts(machine: MachineDefaults, beam: BeamHosts | null): MachineDefaults {
  return beam === null ? machine : { ...machine, host: beam.short, longHost: beam.long };
}
