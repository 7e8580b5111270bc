/**
 * `:global` for the playground: cluster-wide process names, as built-in TypeScript processes.
 * How the lead wires it and what each BIF does: README.md beside this file.
 */
export { startGlobal } from './server.ts';
export type { GlobalServer } from './server.ts';
export type { ClusterView, GlobalOptions, GlobalLogLevel } from './options.ts';
export { globalRequest, globalReplyOf, globalCall, globalSend, globalSendBadarg } from './client.ts';
export { NAME_SERVER, GLOBAL_CALL, GLOBAL_REPLY } from './protocol.ts';
export type { CallOp } from './protocol.ts';
export { pickWinner } from './replica.ts';
export { clusterViewOf, ClusterRelay } from './cluster-view.ts';
