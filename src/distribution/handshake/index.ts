/** Public API of the version-6 handshake. */
export { createAcceptor, type Acceptor, type AcceptorOptions } from './acceptor.ts';
export { createInitiator, type Initiator, type InitiatorOptions } from './initiator.ts';
export { DIGEST_LENGTH, digest, genDigest, hmacDigest, type DigestMode } from './digest.ts';
export type { FailReason, HandshakeEvent, HandshakeOptions, HandshakeOutput, HandshakeState, StepName } from './events.ts';
export { DEFAULT_FLAGS, DFLAG, MANDATORY_FLAGS, PLAYGROUND_FLAGS, expandFlags, missingMandatory, usesHmac, type FlagName } from './flags.ts';
export { Deframer, frame } from './framing.ts';
export * from './messages.ts';
