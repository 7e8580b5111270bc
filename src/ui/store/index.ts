/** The playground store: state model, store factory, runtime bridge, React context. */
export * from './model.ts';
export { applyBatch, expire, refKey, type NodeBatch, type ReduceContext } from './reduce.ts';
export { createPlaygroundStore, type PlaygroundActions, type PlaygroundState, type PlaygroundStore, type PlaygroundStoreOptions } from './playground-store.ts';
export { browserFrameScheduler, connectRuntime, type FrameScheduler } from './bridge.ts';
