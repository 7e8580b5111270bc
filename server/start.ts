/**
 * `npm start`: one Node process serving the built app and the signalling server on one port.
 * Flags (args.ts): --host, --port, --cors, --max-per-address.
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { parseServerArgs, type ServerArgs } from './args.ts';
import { startServer } from './serve.ts';

let args: ServerArgs;
try {
  args = parseServerArgs(process.argv.slice(2));
} catch (err) {
  console.error(`npm start: ${(err as Error).message}`);
  process.exit(2);
}
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'build');
try {
  const { beam: _beam, ...serveArgs } = args;
  const server = await startServer({ ...serveArgs, root, log: (line) => console.log(`[signalling] ${line}`) });
  for (const url of server.urls) console.log(`Node playground on ${url}`);
  console.log(`Signalling server (plays EPMD) on the same port under /peerjs`);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
