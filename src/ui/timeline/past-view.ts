/**
 * The timeline's view of the past, as one module loaded on demand: the cluster at a step
 * (state-at.ts) and the canvas store drawing it (past-canvas.ts). Neither is needed until the
 * timeline first leaves live, so they stay out of the first load (use-past-view.ts loads them).
 */
export { stateAt } from './state-at.ts';
export { createPastStore, pastData } from './past-canvas.ts';
