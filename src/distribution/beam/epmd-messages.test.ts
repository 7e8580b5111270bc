import { describe, expect, it } from 'vitest';
import {
  aliveNode, decodeAlive2Resp, decodeNamesResp, decodePort2Resp, decodeRequest, encodeAlive2Req, encodeAlive2XResp,
  encodeNamesReq, encodeNamesResp, encodePort2Resp, encodePortPlease2Req, MAX_NAMES_BYTES,
} from './epmd-messages.ts';
import { hex, unhex } from '../handshake/test-util.ts';

describe('EPMD messages', () => {
  it('lays ALIVE2_REQ out as erl_dist_protocol.md says', () => {
    // Length 16 | 'x' | port 9001 | 'M' | tcp 0 | 6 | 5 | 3 "one" | no extra.
    expect(hex(encodeAlive2Req(aliveNode('one', 9001)))).toBe('0010' + '78' + '2329' + '4d' + '00' + '0006' + '0005' + '0003' + '6f6e65' + '0000');
    expect(decodeRequest(encodeAlive2Req(aliveNode('one', 9001, true)))).toEqual({
      request: { type: 'alive2', node: { ...aliveNode('one', 9001, true), extra: new Uint8Array(0) } },
      size: 18,
    });
  });

  it('round-trips PORT_PLEASE2 and its answers', () => {
    expect(hex(encodePortPlease2Req('real'))).toBe('00057a7265616c');
    expect(decodeRequest(encodePortPlease2Req('réal'))).toEqual({ request: { type: 'port_please2', name: 'réal' }, size: 8 });
    const node = { ...aliveNode('real', 40123), extra: Uint8Array.of(1, 2) };
    expect(decodePort2Resp(encodePort2Resp(node))).toEqual(node);
    expect(decodePort2Resp(encodePort2Resp(null))).toBeNull();
    expect(decodePort2Resp(encodePort2Resp(node).subarray(0, 9))).toBe('incomplete');
  });

  it('reads ALIVE2_X_RESP and the old ALIVE2_RESP; a refusal says why', () => {
    expect(decodeAlive2Resp(encodeAlive2XResp(0, 0xdeadbeef))).toEqual({ creation: 0xdeadbeef });
    expect(decodeAlive2Resp(unhex('79000003'))).toEqual({ creation: 3 });
    expect(decodeAlive2Resp(encodeAlive2XResp(1, 0))).toMatch(/refused the registration \(result 1\)/);
    expect(decodeAlive2Resp(Uint8Array.of(118, 0, 0))).toBe('incomplete');
  });

  it('reads the NAMES answer as net_adm:names does, skipping what it cannot parse', () => {
    expect(hex(encodeNamesReq())).toBe('00016e');
    const b = encodeNamesResp(4369, [{ name: 'a', port: 1 }, { name: 'b', port: 65535 }]);
    expect(decodeNamesResp(b)).toEqual({ epmdPort: 4369, names: [{ name: 'a', port: 1 }, { name: 'b', port: 65535 }] });
    const odd = new Uint8Array([0, 0, 17, 17, ...new TextEncoder().encode('junk\nname c at port 99999\nname d at port 7\n')]);
    expect(decodeNamesResp(odd)).toEqual({ epmdPort: 4369, names: [{ name: 'd', port: 7 }] });
  });
});

describe('EPMD messages: hostile bytes', () => {
  it('refuses malformed requests with a reason, never throws', () => {
    expect(decodeRequest(Uint8Array.of(0))).toBe('incomplete');
    expect(decodeRequest(Uint8Array.of(0, 0))).toBe('empty request');
    expect(decodeRequest(Uint8Array.of(0xff, 0xff, 120))).toMatch(/too long/);
    expect(decodeRequest(Uint8Array.of(0, 1, 99))).toBe('unknown request 99');
    expect(decodeRequest(Uint8Array.of(0, 2, 110, 0))).toBe('NAMES_REQ with trailing bytes');
    expect(decodeRequest(Uint8Array.of(0, 3, 122, 0xff, 0xfe))).toBe('node name is not UTF-8');
    // ALIVE2_REQ whose name length claims more than the request holds, or 0, or an '@'.
    const req = encodeAlive2Req(aliveNode('one', 1));
    const lying = req.slice();
    lying[12] = 200;
    expect(decodeRequest(lying)).toBe('truncated ALIVE2_REQ');
    const zero = req.slice();
    zero[12] = 0;
    expect(decodeRequest(zero)).toBe('bad node name length 0');
    expect(decodeRequest(encodeAlive2Req(aliveNode('a@b', 1)))).toBe('bad node name "a@b"');
    // An extra length past the bound.
    const big = { ...aliveNode('one', 1), extra: new Uint8Array(2000) };
    expect(decodeRequest(encodeAlive2Req(big))).toMatch(/too long/);
  });

  it('refuses malformed answers', () => {
    expect(decodePort2Resp(Uint8Array.of(1, 0))).toBe('unexpected answer 1 to PORT_PLEASE2_REQ');
    expect(decodePort2Resp(Uint8Array.of(119, 1, 5))).toBe('trailing bytes after PORT2_RESP error');
    expect(decodePort2Resp(Uint8Array.from([...encodePort2Resp(aliveNode('a', 1)), 0]))).toBe('trailing bytes after PORT2_RESP');
    const hugeName = Uint8Array.of(119, 0, 0, 1, 77, 0, 0, 6, 0, 6, 0xff, 0xff);
    expect(decodePort2Resp(hugeName)).toBe('bad node name length 65535');
    expect(decodeAlive2Resp(Uint8Array.of(120, 0))).toBe('unexpected answer 120 to ALIVE2_REQ');
    expect(decodeAlive2Resp(Uint8Array.of(118, 0, 0, 0, 0, 1, 9))).toBe('trailing bytes after ALIVE2 answer');
    expect(decodeNamesResp(Uint8Array.of(0, 0))).toBe('truncated NAMES answer');
    expect(decodeNamesResp(new Uint8Array(MAX_NAMES_BYTES + 1))).toMatch(/exceeds/);
    expect(decodeNamesResp(Uint8Array.of(0, 0, 0, 0, 0xff))).toBe('NAMES answer is not UTF-8');
  });
});
