/**
 * Talking to the machine's EPMD over node:net (the codec is distribution/beam/epmd-messages.ts):
 * register a name (the socket stays open: EPMD forgets the name when it closes), look a name up
 * (PORT_PLEASE2), list the names (NAMES). Each answer is read within a bound and a deadline, so
 * a silent or hostile EPMD gives an error, never a hang.
 */
import { connect, type Socket } from 'node:net';
import { concatBytes } from '../../distribution/etf/concat.ts';
import {
  EPMD_PORT, aliveNode, decodeAlive2Resp, decodeNamesResp, decodePort2Resp, encodeAlive2Req, encodeNamesReq,
  encodePortPlease2Req, MAX_NAMES_BYTES, REFUSED, type EpmdNode,
} from '../../distribution/beam/epmd-messages.ts';

export interface EpmdTarget {
  /** Where EPMD listens: default 127.0.0.1 (a lookup of `real@host` asks `host`). */
  readonly host?: string;
  /** Default 4369 (ERL_EPMD_PORT). */
  readonly port?: number;
  /** Deadline for EPMD's answer. Default 5 s. */
  readonly timeoutMs?: number;
}

export interface Registration {
  readonly creation: number;
  /** Unregisters (closes the registration socket). */
  close(): void;
  /** Fires if EPMD closes the registration (it stopped): the name is no longer published. */
  onLost(cb: () => void): void;
}

type Answer<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * Sends `request` and reads the answer with `decode` until it is complete. With `keepOpen` the
 * socket is handed over on success (a registration); otherwise it is closed.
 */
function ask<T>(t: EpmdTarget, request: Uint8Array, decode: (b: Uint8Array, ended: boolean) => T | 'incomplete' | string, keepOpen = false): Promise<Answer<{ v: T; socket: Socket }>> {
  return new Promise((resolve) => {
    const socket = connect(t.port ?? EPMD_PORT, t.host ?? '127.0.0.1');
    let buf: Uint8Array = new Uint8Array(0);
    let done = false;
    const finish = (a: Answer<{ v: T; socket: Socket }>): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.off('data', onData);
      if (!a.ok || !keepOpen) socket.destroy();
      resolve(a);
    };
    const timer = setTimeout(() => finish({ ok: false, reason: 'EPMD did not answer in time' }), t.timeoutMs ?? 5_000);
    const tryDecode = (ended: boolean): void => {
      const r = decode(buf, ended);
      if (r === 'incomplete') {
        if (ended) finish({ ok: false, reason: 'EPMD closed the connection mid-answer' });
        return;
      }
      if (typeof r === 'string') return finish({ ok: false, reason: r });
      finish({ ok: true, value: { v: r, socket } });
    };
    const onData = (b: Buffer): void => {
      if (buf.length + b.length > MAX_NAMES_BYTES) return finish({ ok: false, reason: 'EPMD answer too long' });
      buf = concatBytes([buf, b], buf.length + b.length);
      tryDecode(false);
    };
    socket.on('connect', () => socket.write(request));
    socket.on('data', onData);
    socket.on('end', () => tryDecode(true));
    socket.on('error', (e: NodeJS.ErrnoException) => finish({ ok: false, reason: e.code === 'ECONNREFUSED' ? 'no EPMD is running (connection refused)' : (e.code ?? e.message) }));
    socket.on('close', () => finish({ ok: false, reason: 'EPMD closed the connection' }));
  });
}

/** Publishes `name` (the alive part) on `port`; the registration lasts while its socket is open. */
export async function epmdRegister(name: string, port: number, t: EpmdTarget = {}, hidden = false): Promise<Answer<Registration> | { ok: false; reason: string; nameTaken: true }> {
  const a = await ask(t, encodeAlive2Req(aliveNode(name, port, hidden)), (b) => decodeAlive2Resp(b), true);
  if (!a.ok) return a.reason.startsWith(REFUSED) ? { ...a, nameTaken: true } : a;
  const { socket, v } = a.value;
  socket.setKeepAlive(true);
  socket.on('error', () => {});
  let closing = false;
  return {
    ok: true,
    value: {
      creation: v.creation,
      close: () => {
        closing = true;
        socket.destroy();
      },
      onLost: (cb) => void socket.once('close', () => !closing && cb()),
    },
  };
}

/** PORT_PLEASE2: the node registered as `name` (null: none), from EPMD on `t.host`. */
export async function epmdLookup(name: string, t: EpmdTarget = {}): Promise<Answer<EpmdNode | null>> {
  const a = await ask(t, encodePortPlease2Req(name), (b) => decodePort2Resp(b));
  return a.ok ? { ok: true, value: a.value.v } : a;
}

/** NAMES: every node registered with EPMD on `t.host`. */
export async function epmdNames(t: EpmdTarget = {}): Promise<Answer<{ name: string; port: number }[]>> {
  const a = await ask(t, encodeNamesReq(), (b, ended) => {
    if (!ended) return 'incomplete';
    const r = decodeNamesResp(b);
    return typeof r === 'string' ? r : r.names;
  });
  return a.ok ? { ok: true, value: a.value.v } : a;
}
