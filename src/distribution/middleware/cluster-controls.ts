/**
 * The classroom controls of a tab, local or cluster-wide: a NetworkConditioner whose pause,
 * step, held counts and slow network act on the whole cluster while the tab's cluster view is
 * on (its tracing service follows every node), through the classroom controller
 * (../trace/classroom-controller.ts), and on this tab's own links otherwise. Cut, heal,
 * delay and drop rate stay per connection of this tab.
 *
 * - A pause remembers where it was made: resuming a cluster-wide pause resumes the cluster even
 *   if the cluster view was turned off meanwhile (and a slow network set on the cluster is
 *   turned off on the cluster), so no node is left behind.
 * - Cluster-wide, `releaseOne()` asks for a step and returns true (the release happens on some
 *   node, a moment later); `held()` returns the counts last reported and asks for fresh ones
 *   (the controls poll it while paused), `heldByNode()` them per node, `heldInCluster()` the
 *   messages each node holds and `steps()` what each step released.
 */
import type { TracingService } from '../trace/service.ts';
import type { NetworkConditioner } from './network-controls.ts';

export function clusterAware(local: NetworkConditioner, tracing: TracingService): NetworkConditioner {
  let pausedCluster = false;
  let slowCluster = false;
  const states = () => tracing.classroom().states();
  return {
    wrap: (t) => local.wrap(t),
    cut: (p) => local.cut(p),
    heal: (p) => local.heal(p),
    disconnect: (p) => local.disconnect(p),
    delay: (p, ms) => local.delay(p, ms),
    dropRate: (p, x) => local.dropRate(p, x),
    get: (p) => local.get(p),
    nextDueAt: () => local.nextDueAt(),
    runDue: () => local.runDue(),
    onActivity: (cb) => local.onActivity(cb),
    get stats() {
      return local.stats;
    },
    hold(on, scope, by) {
      if (on && !pausedCluster && !local.holding && tracing.following()) pausedCluster = true;
      if (pausedCluster) tracing.classroom().pause(on);
      else local.hold(on, scope, by);
      if (!on) pausedCluster = false;
    },
    get holding() {
      return pausedCluster || local.holding;
    },
    get pausedBy() {
      return local.pausedBy;
    },
    heldHere: () => local.held(),
    heldMessages: (limit) => local.heldMessages(limit),
    lastReleased: () => local.lastReleased(),
    heldInCluster: () => (pausedCluster ? tracing.classroom().held() : []),
    steps: () => (pausedCluster ? tracing.classroom().steps() : local.steps()),
    releaseOne() {
      if (!pausedCluster) return local.releaseOne();
      tracing.classroom().step();
      return true;
    },
    held() {
      if (!pausedCluster) return local.held();
      tracing.classroom().refresh();
      return states().reduce((n, s) => n + s.held, 0);
    },
    heldByNode: () => (pausedCluster ? states().map((s) => [s.node, s.held] as const) : []),
    slowNetwork(ms) {
      const cluster = slowCluster || tracing.following();
      if (cluster) tracing.classroom().slowNetwork(ms);
      else local.slowNetwork(ms);
      slowCluster = cluster && ms > 0;
    },
    get slowNetworkMs() {
      return slowCluster ? tracing.classroom().slowMs : local.slowNetworkMs;
    },
  };
}
