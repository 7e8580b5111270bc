import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../core/ports.ts';
import { createAcceptor, type AcceptorOptions } from './acceptor.ts';
import { genDigest, hmacDigest } from './digest.ts';
import { DEFAULT_FLAGS, DFLAG, PLAYGROUND_FLAGS } from './flags.ts';
import { createInitiator, type InitiatorOptions } from './initiator.ts';
import { ascii, challenges, hex, outcome, pump, unhex } from './test-util.ts';

// The exchange captured between a hand-written client (fake@vm) and OTP 25.2.3 (real@vm).
const SEND_NAME = `4e 0000000d07df7fbc 12345678 0007 ${ascii('fake@vm')}`;
const STATUS_OK = '736f6b';
const CHALLENGE = `4e 0000000d07df7fbd ea8e8e54 6b059246 0007 ${ascii('real@vm')}`;
// md5("sekrit" ++ "3935211092"), 0xEA8E8E54 = 3935211092 (erlang:md5 on OTP 25).
const REPLY = '72 0badcafe 7c1958bfb629f9395b424d49932fce10';
const ACK = '61 e52f8650108a2580a46ebd61dd5f8b47';

const sekrit = (): string => 'sekrit';

describe('digests', () => {
  it('matches the MD5 test vector md5("sekrit195939070")', () => {
    expect(hex(genDigest(0x0badcafe, 'sekrit'))).toBe('e52f8650108a2580a46ebd61dd5f8b47');
    expect(hex(genDigest(195939070, 'sekrit'))).toBe('e52f8650108a2580a46ebd61dd5f8b47');
  });
  it('uses the unsigned decimal challenge and Latin-1 cookie bytes', () => {
    expect(hex(genDigest(-1, 'x'))).toBe(hex(genDigest(0xffffffff, 'x')));
    expect(genDigest(1, 'é')).toEqual(genDigest(1, String.fromCharCode(0xe9)));
  });
  it('HMAC mode is HMAC-SHA-256 over the same decimal string, 32 bytes', () => {
    const d = hmacDigest(0x0badcafe, 'sekrit');
    expect(d.length).toBe(32);
    expect(hex(d)).toBe(createHmac('sha256', 'sekrit').update('195939070').digest('hex'));
  });
});

describe('byte-exact against the captured OTP 25 exchange', () => {
  it('initiator (fake@vm) sends exactly what the captured client sent', () => {
    const i = createInitiator({
      myName: 'fake@vm', peerName: 'real@vm', myFlags: DEFAULT_FLAGS, creation: 0x12345678,
      cookieFor: sekrit, random: challenges(0x0badcafe),
    });
    expect(i.start().send.map(hex)).toEqual([hex(unhex(SEND_NAME))]);
    expect(i.receive(unhex(STATUS_OK)).send).toEqual([]);
    expect(i.receive(unhex(CHALLENGE)).send.map(hex)).toEqual([hex(unhex(REPLY))]);
    const done = i.receive(unhex(ACK));
    expect(done.send).toEqual([]);
    expect(outcome(done.events)).toEqual({
      type: 'up', peerName: 'real@vm', peerFlags: 0xd07df7fbdn, peerCreation: 0x6b059246,
      flags: 0xd07df7fbcn, digest: 'md5',
    });
  });

  it('acceptor (real@vm) answers exactly what OTP 25 answered', () => {
    const a = createAcceptor({
      myName: 'real@vm', myFlags: DEFAULT_FLAGS | DFLAG.PUBLISHED, creation: 0x6b059246,
      cookieFor: sekrit, random: challenges(0xea8e8e54),
    });
    expect(a.receive(unhex(SEND_NAME)).send.map(hex)).toEqual([STATUS_OK, hex(unhex(CHALLENGE))]);
    const done = a.receive(unhex(REPLY));
    expect(done.send.map(hex)).toEqual([hex(unhex(ACK))]);
    expect(outcome(done.events)).toMatchObject({ type: 'up', peerName: 'fake@vm', peerCreation: 0x12345678, digest: 'md5' });
  });

  it('records every step for the UI', () => {
    const i = createInitiator({
      myName: 'fake@vm', peerName: 'real@vm', myFlags: DEFAULT_FLAGS, creation: 1, cookieFor: sekrit, random: challenges(0x0badcafe),
    });
    const evs = [i.start(), i.receive(unhex(STATUS_OK)), i.receive(unhex(CHALLENGE)), i.receive(unhex(ACK))].flatMap((o) => o.events);
    expect(evs.filter((e) => e.type === 'step')).toEqual([
      { type: 'step', name: 'send_name', direction: 'out', outcome: 'sent' },
      { type: 'step', name: 'status', direction: 'in', outcome: 'ok' },
      { type: 'step', name: 'challenge', direction: 'in', outcome: 'ok' },
      { type: 'step', name: 'challenge_reply', direction: 'out', outcome: 'sent' },
      { type: 'step', name: 'challenge_ack', direction: 'in', outcome: 'ok' },
    ]);
  });
});

function nodes(
  init: Partial<InitiatorOptions> & { myName: string; peerName: string },
  acc: Partial<AcceptorOptions> & { myName: string },
  seed = 1,
): ReturnType<typeof pump> {
  const random = new SeededRandom(seed);
  const i = createInitiator({ myFlags: PLAYGROUND_FLAGS, creation: 11, cookieFor: sekrit, random, ...init });
  const a = createAcceptor({ myFlags: PLAYGROUND_FLAGS, creation: 22, cookieFor: sekrit, random, ...acc });
  return pump(i, a);
}

describe('two playground nodes in memory', () => {
  it('same cookie: both sides up, with HMAC-SHA-256 digests (32-byte reply and ack)', () => {
    const r = nodes({ myName: 'one@lab', peerName: 'two@lab' }, { myName: 'two@lab' });
    expect(outcome(r.initiatorEvents)).toMatchObject({ type: 'up', peerName: 'two@lab', peerCreation: 22, digest: 'hmac-sha256' });
    expect(outcome(r.acceptorEvents)).toMatchObject({ type: 'up', peerName: 'one@lab', peerCreation: 11, digest: 'hmac-sha256' });
    const up = outcome(r.initiatorEvents);
    expect(up?.type === 'up' && up.flags & DFLAG.PLAYGROUND_HMAC).toBe(DFLAG.PLAYGROUND_HMAC);
    // The atom cache is on (etf/atom-cache.ts), and fragments are read (etf/fragments.ts).
    expect(up?.type === 'up' && up.flags & (DFLAG.DIST_HDR_ATOM_CACHE | DFLAG.FRAGMENTS)).toBe(DFLAG.DIST_HDR_ATOM_CACHE | DFLAG.FRAGMENTS);
    expect(r.sentByInitiator.at(-1)?.length).toBe(5 + 32);
    expect(r.sentByAcceptor.at(-1)?.length).toBe(1 + 32);
  });

  it('only one side with the playground bit: plain MD5, as with a real BEAM', () => {
    const r = nodes({ myName: 'one@lab', peerName: 'two@lab' }, { myName: 'two@lab', myFlags: DEFAULT_FLAGS | DFLAG.PUBLISHED });
    expect(outcome(r.initiatorEvents)).toMatchObject({ type: 'up', digest: 'md5' });
    expect(outcome(r.acceptorEvents)).toMatchObject({ type: 'up', digest: 'md5' });
    expect(r.sentByInitiator.at(-1)?.length).toBe(5 + 16);
  });

  for (const flags of [PLAYGROUND_FLAGS, DEFAULT_FLAGS]) {
    it(`different cookies (${flags === DEFAULT_FLAGS ? 'md5' : 'hmac'}): the acceptor logs the exact text, the initiator just fails`, () => {
      const r = nodes(
        { myName: 'three@vm', peerName: 'one@vm', cookieFor: () => 'wrong', myFlags: flags },
        { myName: 'one@vm', myFlags: flags },
      );
      expect(outcome(r.acceptorEvents)).toEqual({
        type: 'failed', reason: 'bad_challenge_reply',
        log: '** Connection attempt from node :three@vm rejected. Invalid challenge reply. **',
      });
      expect(r.sentByAcceptor.map((b) => String.fromCharCode(b[0] as number))).toEqual(['s', 'N']); // no ack
      const fail = outcome(r.initiatorEvents);
      expect(fail).toMatchObject({ type: 'failed', reason: 'connection_closed' });
      expect(fail && 'log' in fail).toBe(false);
    });
  }

  it('quotes node names in the log as Elixir inspects atoms', () => {
    const r = nodes({ myName: 'my-node@192.168.0.1', peerName: 'one@vm', cookieFor: () => 'x' }, { myName: 'one@vm' });
    const f = outcome(r.acceptorEvents);
    expect(f?.type === 'failed' && f.log).toBe('** Connection attempt from node :"my-node@192.168.0.1" rejected. Invalid challenge reply. **');
  });

  it('per-peer cookies (Node.set_cookie/2) are used in both directions', () => {
    const r = nodes(
      { myName: 'a@x', peerName: 'b@x', cookieFor: (p) => (p === 'b@x' ? 'shared' : 'mine') },
      { myName: 'b@x', cookieFor: (p) => (p === 'a@x' ? 'shared' : 'other') },
    );
    expect(outcome(r.initiatorEvents)?.type).toBe('up');
    expect(outcome(r.acceptorEvents)?.type).toBe('up');
  });

  it('the cookie never appears in any byte either side sends', () => {
    const cookie = 'classroom-cookie-42';
    const sent: Uint8Array[] = [];
    for (const flags of [PLAYGROUND_FLAGS, DEFAULT_FLAGS]) {
      for (const other of [cookie, 'another-cookie']) {
        for (let seed = 1; seed <= 20; seed++) {
          const r = nodes(
            { myName: 'a@lab', peerName: 'b@lab', cookieFor: () => cookie, myFlags: flags },
            { myName: 'b@lab', cookieFor: () => other, myFlags: flags },
            seed,
          );
          sent.push(...r.sentByInitiator, ...r.sentByAcceptor);
        }
      }
    }
    const all = sent.map(hex).join('|');
    expect(sent.length).toBeGreaterThan(300);
    expect(all).not.toContain(ascii(cookie));
    // Nor any 6-byte piece of it.
    for (let k = 0; k + 6 <= cookie.length; k++) expect(all).not.toContain(ascii(cookie.slice(k, k + 6)));
  });
});

describe('statuses', () => {
  it('simultaneous connect: the greater name keeps its attempt, the other gets nok', () => {
    // a@lab and b@lab dial each other at once. Each acceptor knows its own attempt is pending.
    const aToB = nodes({ myName: 'a@lab', peerName: 'b@lab' }, { myName: 'b@lab', hasPendingTo: () => true });
    const bToA = nodes({ myName: 'b@lab', peerName: 'a@lab' }, { myName: 'a@lab', hasPendingTo: () => true }, 2);
    expect(outcome(aToB.acceptorEvents)).toMatchObject({ type: 'failed', reason: 'nok' });
    expect(aToB.sentByAcceptor.map(hex)).toEqual([hex(new TextEncoder().encode('snok'))]);
    expect(outcome(aToB.initiatorEvents)).toMatchObject({ type: 'failed', reason: 'nok' });
    expect(bToA.sentByAcceptor.map(hex)[0]).toBe(ascii('sok_simultaneous'));
    expect(bToA.acceptorEvents).toContainEqual({ type: 'cancel_pending', peerName: 'b@lab' });
    expect(outcome(bToA.acceptorEvents)).toMatchObject({ type: 'up', peerName: 'b@lab' });
    expect(outcome(bToA.initiatorEvents)).toMatchObject({ type: 'up', peerName: 'a@lab' });
  });

  it('alive: the initiator confirms with true; the old connection is replaced once the cookie is proven', () => {
    const r = nodes({ myName: 'a@lab', peerName: 'b@lab' }, { myName: 'b@lab', isUp: () => true });
    expect(r.sentByAcceptor.map(hex)[0]).toBe(ascii('salive'));
    expect(r.sentByInitiator.map(hex)[1]).toBe(ascii('strue'));
    const kinds = r.acceptorEvents.map((e) => (e.type === 'step' ? `${e.name}:${e.outcome}` : e.type));
    expect(kinds.slice(kinds.indexOf('challenge_reply:ok'))).toEqual(['challenge_reply:ok', 'replace_connection', 'challenge_ack:sent', 'up']);
    expect(r.acceptorEvents).toContainEqual({ type: 'replace_connection', peerName: 'a@lab' });
    expect(outcome(r.initiatorEvents)?.type).toBe('up');
  });

  it('alive: a peer without the cookie that answers true replaces nothing', () => {
    const r = nodes({ myName: 'a@lab', peerName: 'b@lab', cookieFor: () => 'guess' }, { myName: 'b@lab', isUp: () => true });
    expect(r.sentByInitiator.map(hex)[1]).toBe(ascii('strue'));
    expect(outcome(r.acceptorEvents)).toMatchObject({ type: 'failed', reason: 'bad_challenge_reply' });
    expect(r.acceptorEvents.some((e) => e.type === 'replace_connection')).toBe(false);
  });

  it('a send_name claiming another name than the link\'s is refused with not_allowed, the claim kept nowhere', () => {
    const random = new SeededRandom(1);
    const i = createInitiator({ myName: 'one@lab', peerName: 'b@lab', myFlags: PLAYGROUND_FLAGS, creation: 1, cookieFor: sekrit, random });
    const a = createAcceptor({ myName: 'b@lab', myFlags: PLAYGROUND_FLAGS, creation: 2, cookieFor: sekrit, random, linkPeer: 'evil@lab', isUp: () => true });
    const r = pump(i, a);
    expect(r.sentByAcceptor.map(hex)).toEqual([ascii('snot_allowed')]);
    expect(outcome(r.acceptorEvents)).toEqual({
      type: 'failed', reason: 'name_mismatch', detail: 'one@lab claimed on the link of evil@lab',
      log: '** Connection attempt from disallowed node one@lab ** ',
    });
    expect(a.peerName).toBeNull();
    // The link's own name passes.
    const ok = nodes({ myName: 'one@lab', peerName: 'b@lab' }, { myName: 'b@lab', linkPeer: 'one@lab' });
    expect(outcome(ok.acceptorEvents)).toMatchObject({ type: 'up', peerName: 'one@lab' });
  });

  it('alive: an attempt no longer pending answers false and both give up', () => {
    const r = nodes({ myName: 'a@lab', peerName: 'b@lab', isPending: () => false }, { myName: 'b@lab', isUp: () => true });
    expect(r.sentByInitiator.map(hex)[1]).toBe(ascii('sfalse'));
    expect(outcome(r.initiatorEvents)).toMatchObject({ type: 'failed', reason: 'alive_refused' });
    expect(outcome(r.acceptorEvents)).toMatchObject({ type: 'failed', reason: 'alive_refused' });
  });

  // The log line as iex 1.14 prints dist_util's `~s` report: bare name, trailing space.
  it('not_allowed: disallowed node, logged as net_kernel:allow/1 rejections are', () => {
    const r = nodes({ myName: 'x@vm', peerName: 'b@vm' }, { myName: 'b@vm', isAllowed: (p) => p !== 'x@vm' });
    expect(r.sentByAcceptor.map(hex)).toEqual([ascii('snot_allowed')]);
    expect(outcome(r.acceptorEvents)).toEqual({ type: 'failed', reason: 'not_allowed', log: '** Connection attempt from disallowed node x@vm ** ' });
    expect(outcome(r.initiatorEvents)).toMatchObject({ type: 'failed', reason: 'not_allowed' });
  });

  it('missing mandatory flags: not_allowed with the check_dflags report', () => {
    const weak = PLAYGROUND_FLAGS & ~(DFLAG.BIG_CREATION | DFLAG.UTF8_ATOMS | DFLAG.MANDATORY_25_DIGEST);
    const r = nodes({ myName: 'a@vm', peerName: 'b@vm', myFlags: weak }, { myName: 'b@vm' });
    expect(outcome(r.acceptorEvents)).toEqual({
      type: 'failed', reason: 'missing_flags',
      log: "** :b@vm: Connection attempt from node :a@vm rejected since it cannot handle ['BIG_CREATION', 'UTF8_ATOMS'].**",
    });
    expect(outcome(r.initiatorEvents)).toMatchObject({ type: 'failed', reason: 'not_allowed' });
    // The other way round the initiator aborts.
    const s = nodes({ myName: 'a@vm', peerName: 'b@vm' }, { myName: 'b@vm', myFlags: weak });
    expect(outcome(s.initiatorEvents)).toMatchObject({
      type: 'failed', reason: 'missing_flags',
      log: "** :a@vm: Connection attempt to node :b@vm aborted since it cannot handle ['BIG_CREATION', 'UTF8_ATOMS'].**",
    });
  });

  it('a challenge from another node than the one dialled fails', () => {
    const r = nodes({ myName: 'a@vm', peerName: 'b@vm' }, { myName: 'c@vm' });
    expect(outcome(r.initiatorEvents)).toMatchObject({ type: 'failed', reason: 'wrong_node' });
  });

  it('a forged ack fails the initiator with the dist_util text', () => {
    const i = createInitiator({
      myName: 'fake@vm', peerName: 'real@vm', myFlags: DEFAULT_FLAGS, creation: 1, cookieFor: sekrit, random: challenges(1),
    });
    i.start();
    i.receive(unhex(STATUS_OK));
    i.receive(unhex(CHALLENGE));
    expect(outcome(i.receive(unhex(ACK)).events)).toEqual({
      type: 'failed', reason: 'bad_challenge_ack', log: '** Connection attempt to node :real@vm cancelled. Invalid challenge ack. **',
    });
  });

  it('garbage in any state is a protocol_error, never a throw', () => {
    const rnd = new SeededRandom(7);
    for (let k = 0; k < 2000; k++) {
      const junk = Uint8Array.from({ length: Math.floor(rnd.next() * 40) }, () => Math.floor(rnd.next() * 256));
      if (k % 3 === 0 && junk.length > 0) junk[0] = [78, 115, 114, 97][k % 4] as number;
      const i = createInitiator({ myName: 'a@b', peerName: 'c@d', myFlags: PLAYGROUND_FLAGS, creation: 1, cookieFor: sekrit, random: rnd });
      i.start();
      const steps = [unhex(STATUS_OK), junk];
      for (const s of k % 2 ? steps : [junk]) i.receive(s);
      const a = createAcceptor({ myName: 'c@d', myFlags: PLAYGROUND_FLAGS, creation: 1, cookieFor: sekrit, random: rnd });
      a.receive(junk);
      expect(['await_challenge', 'await_status', 'failed', 'await_ack']).toContain(i.state);
      expect(['failed', 'await_reply', 'await_alive_reply']).toContain(a.state);
    }
    const a = createAcceptor({ myName: 'c@d', myFlags: PLAYGROUND_FLAGS, creation: 1, cookieFor: sekrit, random: rnd });
    expect(outcome(a.receive(unhex('6e00050000')).events)).toMatchObject({ reason: 'protocol_error', detail: "bad send_name: old 'n' (version 5) form is not supported" });
  });
});
