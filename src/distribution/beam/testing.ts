/**
 * Tests only: a Transport whose links speak BEAM's TCP framing (stream-link.ts) over another
 * transport's links, each chunk optionally cut in pieces as TCP may cut it. Two playground nodes
 * on it handshake and talk exactly as with a real node: `beam` links, BEAM's flags, MD5.
 */
import type { Link, Transport } from '../transports/transport.ts';
import { linkPipe } from './link-pipe.ts';
import { streamLink, type StreamLinkOptions } from './stream-link.ts';
import type { BytePipe } from './byte-pipe.ts';

/** Cuts every chunk written into pieces of at most `size` bytes. */
export function rechunked(pipe: BytePipe, size: number): BytePipe {
  return {
    ...pipe,
    remote: pipe.remote,
    get writable() {
      return pipe.writable;
    },
    write(bytes) {
      for (let at = 0; at < bytes.length; at += size) pipe.write(bytes.subarray(at, Math.min(bytes.length, at + size)));
    },
  };
}

export function beamFramed(t: Transport, o: StreamLinkOptions & { chunk?: number } = {}): Transport {
  const wrap = (link: Link): Link => {
    const pipe = linkPipe(link);
    return streamLink(o.chunk !== undefined ? rechunked(pipe, o.chunk) : pipe, link.peer, o);
  };
  return {
    maxMessageBytes: t.maxMessageBytes,
    listen: (name, onIncoming) => t.listen(name, (link, peer) => onIncoming(wrap(link), peer)),
    connect: (peer, done) => t.connect(peer, (r) => done(r.ok ? { ok: true, link: wrap(r.link) } : r)),
  };
}
