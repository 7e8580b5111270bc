/** Public API of the External Term Format codec. */
export { decodeTerm, type DecodeOptions, type DecodeResult } from './decode.ts';
export { EtfEncodeError, encodeInto, encodeTerm, type EncodeOptions } from './encode.ts';
export type { DecodedFun, FunHooks, FunWireForm } from './fun-hooks.ts';
export { decodePacket, encodePacket, PASS_THROUGH, TICK, type DistPacket, type PacketForm, type PacketResult } from './packet.ts';
