/**
 * The signalling server of `npm run bench:class`, in a process of its own (forked by
 * class-run.ts) so its CPU time and memory are its own: serve.ts's server (the embedded
 * signalling server, as `npm start` runs it, and the bench page under /classb). It answers
 * `stats` over IPC with what process.cpuUsage and process.memoryUsage say.
 *
 *   tsx bench/class/class-server.ts <port> <page build dir>
 */
import { serveBench } from '../browser/serve.ts';

export interface ServerStats {
  /** CPU time used since the process started (user + system), ms. */
  readonly cpuMs: number;
  /** Resident set size now, bytes. */
  readonly rss: number;
  readonly heapUsed: number;
}

export type ServerMessage = { type: 'ready' } | { type: 'stats'; stats: ServerStats };

const [port, dir] = process.argv.slice(2);
if (port === undefined || dir === undefined || process.send === undefined) {
  console.error('usage (forked with IPC): class-server.ts <port> <page build dir>');
  process.exit(2);
}
const reply = (m: ServerMessage) => process.send?.(m);
const server = await serveBench(Number(port), { '/classb': dir });
process.on('message', (m) => {
  if (m === 'stats') {
    const cpu = process.cpuUsage();
    const mem = process.memoryUsage();
    reply({ type: 'stats', stats: { cpuMs: (cpu.user + cpu.system) / 1000, rss: mem.rss, heapUsed: mem.heapUsed } });
  } else if (m === 'close') {
    server.close();
    process.exit(0);
  }
});
// The parent gone (killed, crashed): nothing is left listening on the port.
process.on('disconnect', () => process.exit(0));
reply({ type: 'ready' });
