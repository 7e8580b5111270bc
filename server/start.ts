/**
 * `npm start`: one Node process serving the built app and the signalling server on one port.
 * Flags: --host (default localhost; 0.0.0.0 serves a classroom on the LAN), --port (default 5173).
 */
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import express from 'express';
import { createSignalling } from './signalling.ts';
import { parseServerArgs } from './args.ts';

let args;
try {
  args = parseServerArgs(process.argv.slice(2));
} catch (err) {
  console.error(`npm start: ${(err as Error).message}`);
  process.exit(2);
}
const { host, port } = args;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'build');
if (!existsSync(path.join(root, 'index.html'))) {
  console.error(`No built app in ${root}: run \`npm start\` (it builds first) or \`npx vite build\`.`);
  process.exit(1);
}

const app = express();
const server = createServer(app);
const signalling = createSignalling(server, (line) => console.log(`[signalling] ${line}`));
app.use(signalling.middleware);
app.use(express.static(root));
app.get('*', (_req, res) => res.sendFile(path.join(root, 'index.html')));
server.on('upgrade', (req, socket, head) => {
  if (!signalling.handleUpgrade(req, socket, head)) socket.destroy();
});
server.listen(port, host, () => {
  console.log(`Node playground on http://${host === '0.0.0.0' ? '<this-machine>' : host}:${port}/`);
  console.log(`Signalling server (PeerJS, plays EPMD) on the same port under /peerjs`);
});
