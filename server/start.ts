/**
 * `npm start`: one Node process serving the built app and the signalling server on one port.
 * Flags (args.ts): --host, --port, --cors, --max-per-address, --beam.
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { parseServerArgs, type ServerArgs } from './args.ts';
import { startServer } from './serve.ts';
import { machineEpmd } from './beam-epmd.ts';

const EPMD_KIND = { running: "the machine's epmd", started: 'epmd (started with epmd -daemon)', own: 'our own EPMD (no Erlang installed)' } as const;

let args: ServerArgs;
try {
  args = parseServerArgs(process.argv.slice(2));
} catch (err) {
  console.error(`npm start: ${(err as Error).message}`);
  process.exit(2);
}
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'build');
try {
  const log = (line: string) => console.log(`[signalling] ${line}`);
  const epmd = args.beam ? await machineEpmd({ log }) : null;
  if (epmd) console.log(`BEAM gateway: tabs on this host register with ${EPMD_KIND[epmd.kind]} on port 4369`);
  const { beam: _beam, ...serve } = args;
  const server = await startServer({ ...serve, ...(epmd ? { beam: epmd.access } : {}), root, log });
  for (const url of server.urls) console.log(`Node playground on ${url}`);
  console.log(`Signalling server (plays EPMD) on the same port under /peerjs`);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
