/**
 * Node names ↔ PeerJS ids. The signalling server plays EPMD: a node registers under an id derived
 * from its name, and a peer finds it by deriving the same id. PeerJS ids allow only letters,
 * digits and single `-`/`_`/space separators, so every other byte becomes `_HH` (hex).
 *   one@lab → erl-one_40lab    é@vm → erl_c3_a9_40vm    node_one@light-boy → erl-node_5fone_40light_2dboy
 */
const PREFIX = 'erl';

export function peerIdForNode(nodeName: string): string {
  let body = '';
  for (const byte of new TextEncoder().encode(nodeName)) {
    const c = String.fromCharCode(byte);
    body += /[A-Za-z0-9]/.test(c) ? c : `_${byte.toString(16).padStart(2, '0')}`;
  }
  // A `-` after the prefix reads well, but two separators in a row are not allowed.
  return body.startsWith('_') ? PREFIX + body : `${PREFIX}-${body}`;
}

/**
 * The node name for a PeerJS id made by peerIdForNode, or null for other ids. Only the canonical
 * id of a name maps back to it (`erlone_40lab` decodes to one@lab too, but is not its id): a
 * link's identity is its signalling id, so one name must have exactly one id.
 */
export function nodeForPeerId(peerId: string): string | null {
  const name = decodePeerId(peerId);
  return name !== null && peerIdForNode(name) === peerId ? name : null;
}

function decodePeerId(peerId: string): string | null {
  if (!peerId.startsWith(PREFIX)) return null;
  const bytes: number[] = [];
  const rest = peerId.slice(PREFIX.length);
  const body = rest.startsWith('-') ? rest.slice(1) : rest;
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (c === '_') {
      const hex = body.slice(i + 1, i + 3);
      if (!/^[0-9a-f]{2}$/.test(hex)) return null;
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else if (/[A-Za-z0-9]/.test(c)) {
      bytes.push(c.charCodeAt(0));
    } else {
      return null;
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
  } catch {
    return null;
  }
}
