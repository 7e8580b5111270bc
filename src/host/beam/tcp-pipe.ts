/**
 * A BytePipe over a Node `net.Socket` (distribution/beam/byte-pipe.ts). Back-pressure follows the
 * socket's own buffer: not writable past its high-water mark, drained on its `drain` event.
 * Closing ends the socket (queued bytes still go out, as gen_tcp:close after a send) and destroys
 * it if the peer never answers the FIN.
 */
import type { Socket } from 'node:net';
import type { BytePipe } from '../../distribution/beam/byte-pipe.ts';

/** How long a closed socket waits for the peer's FIN before it is destroyed. */
const CLOSE_GRACE_MS = 2_000;

export function tcpPipe(socket: Socket): BytePipe {
  socket.setNoDelay(true);
  // An IPv4 caller on a dual-stack listener shows as ::ffff:a.b.c.d: name it as IPv4.
  const remote = `${(socket.remoteAddress ?? '?').replace(/^::ffff:/, '')}:${socket.remotePort ?? '?'}`;
  let closed = false;
  let error: string | null = null;
  let byUs = false;
  socket.on('error', (e: Error) => {
    error = (e as NodeJS.ErrnoException).code ?? e.message;
  });
  socket.on('close', () => {
    closed = true;
  });
  return {
    remote,
    write(bytes) {
      if (closed || socket.destroyed || byUs) return;
      socket.write(bytes);
    },
    onData(cb) {
      const h = (b: Buffer): void => {
        if (!byUs) cb(new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
      };
      socket.on('data', h);
      return () => void socket.off('data', h);
    },
    onClose(cb) {
      const h = (): void => cb(byUs ? 'closed' : (error ?? 'closed by peer'));
      socket.once('close', h);
      return () => void socket.off('close', h);
    },
    get writable() {
      return !closed && !socket.writableNeedDrain;
    },
    onDrain(cb) {
      socket.on('drain', cb);
      return () => void socket.off('drain', cb);
    },
    close() {
      if (byUs || closed) return;
      byUs = true;
      socket.end();
      setTimeout(() => socket.destroy(), CLOSE_GRACE_MS).unref();
    },
  };
}
