/**
 * How funs cross the wire. `&Mod.f/1` travels as EXPORT_EXT and needs nothing from us. A
 * closure must carry its code and captured bindings to the other playground node, which BEAM's
 * NEW_FUN_EXT cannot name directly; the language layer therefore serialises a closure into
 * ordinary terms and we ship those as the fun's free variables (exactly where erl_eval funs keep
 * their code too). The codec knows nothing of the payload: it only calls these hooks.
 */
import type { Atom, Fun, Pid, Term } from '../../core/term/types.ts';
import { DFLAG } from '../handshake/flags.ts';

/** What a closure becomes on the wire (NEW_FUN_EXT fields we fill). */
export interface FunWireForm {
  readonly module: Atom;
  readonly index: number;
  readonly uniq: number;
  readonly freeVars: readonly Term[];
  /** The module's 16-byte MD5 (a BEAM peer runs the fun only if it matches); default: uniq then zeros. */
  readonly md5?: Uint8Array;
  /** The creator pid NEW_FUN_EXT requires; defaults to EncodeOptions.funPid. */
  readonly pid?: Pid;
}

/** Everything a decoded NEW_FUN_EXT holds, handed to `funFromTerms`. */
export interface DecodedFun {
  readonly arity: number;
  readonly module: Atom;
  readonly index: number;
  /** OldUniq: the 32-bit uniq BEAM prints in `#Function<index.uniq/arity ...>`. */
  readonly uniq: number;
  /** The 16-byte module MD5 field (we write `uniq` big-endian followed by zeros). */
  readonly md5: Uint8Array;
  readonly pid: Pid;
  readonly freeVars: readonly Term[];
}

export interface FunHooks {
  funToTerms?(fun: Fun): FunWireForm;
  /** May throw or return an error string for a malformed payload; decodeTerm turns that into an error value. */
  funFromTerms?(fun: DecodedFun): Fun | string;
  /**
   * The hooks of one connection to a real BEAM node (made per connection: they learn that peer's
   * erl_eval); without it BEAM peers get these hooks.
   */
  forBeamPeer?(): FunHooks;
}

/** A connection's hooks: a BEAM peer (no playground bit in the ANDed flags) gets forBeamPeer's. */
export function funHooksFor(hooks: FunHooks, flags: bigint): FunHooks {
  return (flags & DFLAG.PLAYGROUND_HMAC) === 0n && hooks.forBeamPeer !== undefined ? hooks.forBeamPeer() : hooks;
}
