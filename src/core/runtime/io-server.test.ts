import { describe, expect, it } from 'vitest';
import { Binary, atom, list, str, tuple } from '../term/types.ts';
import type { Term } from '../term/types.ts';
import { generatorBody, receive } from './bodies.ts';
import { chardataToString, putCharsRequest } from './io-protocol.ts';
import { testNode } from './test-helpers.ts';

describe('chardata', () => {
  it('flattens binaries, code points and nested lists', () => {
    expect(chardataToString(list([str('a'), list([98, list([str('ç')])]), 0x1f600]))).toBe('abç😀');
    expect(chardataToString(str('x'))).toBe('x');
    expect(chardataToString(atom('x'))).toBeNull();
    expect(chardataToString(Binary.fromBytes(new Uint8Array([0xff])))).toBeNull();
  });
});

describe('the standard group leader', () => {
  it('prints put_chars on stdout and replies {:io_reply, reply_as, :ok}', () => {
    const { node, out } = testNode();
    const replies: Term[] = [];
    const ref = node.makeRef();
    node.spawn(
      generatorBody(function* (proc) {
        proc.send(proc.groupLeader(), putCharsRequest(proc.self, ref, list([str('hello'), 10])));
        replies.push((yield receive()) as Term);
      }),
    );
    node.runUntilIdle();
    expect(out).toEqual(['hello\n']);
    expect(replies).toEqual([tuple(atom('io_reply'), ref, atom('ok'))]);
  });

  it('answers batched requests, latin1, and unknown requests with {:error, :request}', () => {
    const { node, out } = testNode();
    const replies: Term[] = [];
    node.spawn(
      generatorBody(function* (proc) {
        const gl = proc.groupLeader();
        const req = (r: Term) => tuple(atom('io_request'), proc.self, 1, r);
        proc.send(gl, req(tuple(atom('requests'), list([tuple(atom('put_chars'), str('a')), tuple(atom('put_chars'), atom('latin1'), list([0xe9]))]))));
        replies.push((yield receive()) as Term);
        proc.send(gl, req(tuple(atom('get_chars'), str(''), 1)));
        replies.push((yield receive()) as Term);
      }),
    );
    node.runUntilIdle();
    expect(out.join('')).toBe('aé');
    expect(replies).toEqual([
      tuple(atom('io_reply'), 1, atom('ok')),
      tuple(atom('io_reply'), 1, tuple(atom('error'), atom('request'))),
    ]);
  });

  it('is inherited by spawned processes, and can be changed', () => {
    const { node } = testNode();
    const seen: Term[] = [];
    const parent = node.spawn(
      generatorBody(function* (proc) {
        const child = proc.spawn(generatorBody(function* (c) { seen.push(c.groupLeader()); yield receive(); }));
        yield receive();
        proc.setGroupLeader(child.pid, proc.self);
        seen.push(proc.info(child.pid)?.groupLeader as Term);
      }),
    );
    node.runUntilIdle();
    node.send(parent, 0);
    node.runUntilIdle();
    expect(seen).toEqual([node.groupLeader, parent]);
    expect(node.info(node.groupLeader)?.groupLeader).toBe(node.groupLeader);
  });
});
