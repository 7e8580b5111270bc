/**
 * A BytePipe over a message Link: each write is one message, each message is data. A relay that
 * carries a TCP stream in messages (the gateway's WebSocket) gives a pipe this way, and tests run
 * BEAM's framing between two playground nodes over the memory network.
 */
import { keepable, type Link } from '../transports/transport.ts';
import type { BytePipe } from './byte-pipe.ts';

export function linkPipe(link: Link, remote: string = link.peer): BytePipe {
  return {
    remote,
    write: (bytes) => link.send(bytes),
    // A stream keeps what it has not parsed yet: a lent message (Link.lendsMessages) is copied.
    onData: (cb) => link.onMessage((b) => cb(keepable(link, b))),
    onClose: (cb) => link.onClose(cb),
    get writable() {
      return link.writable;
    },
    onDrain: (cb) => link.onDrain(cb),
    close: () => link.close(),
  };
}
