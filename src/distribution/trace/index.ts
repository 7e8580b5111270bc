/** The tracing service: a tracer on every node, a viewer on the tabs that show the cluster. */
export { startTracing, type TracingOptions, type TracingService } from './service.ts';
export { startTracer, TraceSelf, FLUSH_MS, MAX_EVENTS, CLOSE_NODE, type TracerOptions } from './tracer.ts';
export { startViewer, VIEWER_NAME, type ClusterView, type TraceSink } from './viewer.ts';
export { TRACER_NAME, bounded, decodeBatch, encodeBatch, type TraceBatch } from './wire.ts';
export { PROCESS_INFO, PROCESS_INFO_REPLY, MAX_MESSAGES, decodeInfo, encodeInfo } from './info-wire.ts';
export { startClassroomController, type ClassroomController } from './classroom-controller.ts';
export { CLASSROOM, CLASSROOM_NAME, CLASSROOM_STATE, classroomRequest, decodeState, type ClassroomCommand, type ClassroomState, type ClassroomTarget } from './classroom-wire.ts';
