/**
 * Which PeerJS ids the signalling server takes: only the one id peer-id.ts derives from a node
 * name. `erlone_40lab`, `erl-one_40lab` and `erl-_6fne_40lab` all read as `one@lab`; taking only
 * the canonical one means a node name has exactly one id, so nobody registers a second entry for
 * a name somebody else holds.
 */
import { nodeForPeerId, peerIdForNode } from '../src/distribution/peer-id.ts';

/** Longer than any node name's id: an atom has at most 255 characters, 4 bytes each, 3 characters a byte. */
export const MAX_ID_LENGTH = 4 + 255 * 4 * 3;

/** Is `id` the id of a node name (`name@host`), spelled as peerIdForNode spells it? */
export function isCanonicalPeerId(id: string): boolean {
  const name = nodeForPeerId(id);
  return name !== null && /^[^@]+@[^@]+$/.test(name) && peerIdForNode(name) === id;
}
