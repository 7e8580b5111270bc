/**
 * The runtime's public surface, for the language VM, distribution, the UI store and tests.
 * Internals (Proc, NodeRuntime, signals) stay behind it.
 */
export { createNode } from './node.ts';
export type { Node, NodeOptions } from './node.ts';
export { CONTEXT_REDS, NONODE } from './node-runtime.ts';
export type { NodeSpawnOptions } from './node-runtime.ts';
export type { ProcessApi, ProcessInfo, ProcessStatus, SpawnOptions, Dest } from './process-api.ts';
export type { ProcessBody, RunResult, CrashInfo } from './process-body.ts';
export type { RuntimeEvent, RuntimeEventType, Listener } from './events.ts';
export type { NodeSnapshot, ProcessSummary } from './introspection.ts';
export type { RemoteRouter, RemoteInbox } from './remote.ts';
export { loopBody, generatorBody, receive, sleep, stop, Stop, TIMEOUT } from './bodies.ts';
export type { Handler, Receive, BodyGenerator } from './bodies.ts';
export { putCharsRequest, ioReply, chardataToString, IO_REQUEST, IO_REPLY, PUT_CHARS, UNICODE } from './io-protocol.ts';
export { handleIoRequest, ioServerBody } from './io-server.ts';
export { ErlangError, BadArgError } from './errors.ts';
export { crashReport, defaultCrashFormatter, formatClockTime } from './crash-report.ts';
export type { CrashFormatter } from './crash-report.ts';
export { advanceAndRun, runAll } from './testing.ts';
