/**
 * Feeds a tab's recorder (distribution/trace/record.ts) from everything the tab sees: its own
 * node's runtime events, its distribution's handshake steps and connections (node up/down), and,
 * through the tracing service, every watched node's batches (the cluster view). Each source keeps
 * its own order, which is all the recorder needs for exact clocks.
 */
import { Tuple, atom, int, str, type Term } from '../../core/term/types.ts';
import type { Node } from '../../core/runtime/node.ts';
import type { Distribution, DistEvent } from '../../distribution/dist-types.ts';
import type { TracingService } from '../../distribution/trace/service.ts';
import type { Recorder } from '../../distribution/trace/record.ts';
import type { ClassroomActionFeed, ClassroomAction } from './classroom-actions.ts';
import { globalNote, type GlobalNameSource } from './global-changes.ts';

export interface RecordingSources {
  readonly node: Node;
  /** The node's clock, ms (what its runtime events are stamped with). */
  readonly now: () => number;
  readonly dist?: Distribution | null;
  readonly tracing?: TracingService;
  /** The node's `:global` replica: its register/unregister are noted. */
  readonly global?: GlobalNameSource;
  /** The classroom actions this tab takes (pause, step, speed, cut, heal...). */
  readonly classroom?: ClassroomActionFeed;
}

/** Records until the returned function is called. */
export function attachRecorder(rec: Recorder, s: RecordingSources): () => void {
  const self = () => s.node.name.name;
  const offs: (() => void)[] = [s.node.subscribe((e) => rec.record(self(), e))];
  if (s.global) offs.push(s.global.watchNames((c) => rec.note(self(), 'global', s.now(), globalNote(c), c.pid)));
  if (s.dist) offs.push(s.dist.subscribe((e) => noteDist(rec, self(), s.now(), e)));
  if (s.classroom) offs.push(s.classroom.subscribe((a) => rec.note(self(), 'classroom', s.now(), actionNote(a), a.peer === undefined ? null : atom(a.peer))));
  if (s.tracing) {
    offs.push(
      s.tracing.tap({
        batch: (b) => {
          for (const e of b.events) rec.record(b.node.name, e);
        },
        down: (node, reason) => rec.note(node, 'nodedown', s.now(), str(reason)),
      }),
    );
  }
  return () => {
    for (const off of offs) off();
  };
}

function noteDist(rec: Recorder, node: string, now: number, e: DistEvent): void {
  switch (e.type) {
    case 'handshake:step':
      rec.note(node, 'handshake', now, str(`${e.direction === 'out' ? 'sent' : 'received'} ${e.name}: ${e.outcome}`), e.peer);
      return;
    case 'connection:up':
      rec.note(node, 'nodeup', now, atom('nodeup'), e.peer);
      return;
    case 'connection:down':
    case 'connection:failed':
      rec.note(node, e.type === 'connection:down' ? 'nodedown' : 'handshake', now, str(e.reason) as Term, e.peer);
      return;
    default:
  }
}

/** `:pause`, `{:speed, 200}`, `{:cut, :"b@vm"}`... */
function actionNote(a: ClassroomAction): Term {
  if (a.peer !== undefined) return new Tuple([atom(a.action), atom(a.peer)]);
  if (a.ms !== undefined) return new Tuple([atom(a.action), int(Math.round(a.ms))]);
  return atom(a.action);
}
