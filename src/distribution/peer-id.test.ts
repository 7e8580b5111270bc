import { describe, expect, it } from 'vitest';
import { nodeForPeerId, peerIdForNode } from './peer-id.ts';

// PeerJS's own id rule (peerjs lib/util.ts validateId).
const validPeerId = (id: string) => /^[A-Za-z0-9]+(?:[ _-][A-Za-z0-9]+)*$/.test(id);

describe('peer ids for node names', () => {
  const names = ['one@lab', 'node_one@light-boy', 'wibble@light-boy.local', 'nonode@nohost', 'é@vm', 'a__b@c'];
  it.each(names)('%s maps to a valid PeerJS id and back', (name) => {
    const id = peerIdForNode(name);
    expect(validPeerId(id)).toBe(true);
    expect(nodeForPeerId(id)).toBe(name);
  });
  it('is readable for plain names', () => {
    expect(peerIdForNode('one@lab')).toBe('erl-one_40lab');
  });
  it('gives different ids to different names', () => {
    expect(peerIdForNode('a_b@c')).not.toBe(peerIdForNode('a-b@c'));
  });
  it('rejects ids it did not make', () => {
    expect(nodeForPeerId('random-peer')).toBeNull();
    expect(nodeForPeerId('erl-one_4')).toBeNull();
  });
  it('maps only the canonical id back: aliases that decode to the same name are not that node', () => {
    expect(nodeForPeerId('erl-one_40lab')).toBe('one@lab');
    for (const alias of ['erlone_40lab', 'erl-_6fne_40lab', 'erl_6f_6e_65_40lab', 'erl-one_40lab_']) expect(nodeForPeerId(alias)).toBeNull();
    expect(nodeForPeerId('erl_c3_a9_40vm')).toBe('é@vm');
    expect(nodeForPeerId('erl-_c3_a9_40vm')).toBeNull();
  });
});
