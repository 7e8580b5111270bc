/**
 * A link or monitor between two process tiles. Tiles are not React Flow nodes (they are drawn
 * inside their card), so the edge runs between its two cards in React Flow's eyes and draws
 * itself between the tiles' centres, which flow-graph.ts computes from their slots.
 */
import { memo } from 'react';
import { BaseEdge, type EdgeProps } from '@xyflow/react';
import type { ProcessEdge as ProcessEdgeType } from './flow-graph.ts';

function Edge({ data, style, markerEnd }: EdgeProps<ProcessEdgeType>) {
  if (data === undefined) return null;
  const { from, to, curved } = data;
  let path = `M ${from.x},${from.y} L ${to.x},${to.y}`;
  if (curved) {
    // Bend to one side by a fifth of the length: visible beside a straight link.
    const mx = (from.x + to.x) / 2 - (to.y - from.y) / 5;
    const my = (from.y + to.y) / 2 + (to.x - from.x) / 5;
    path = `M ${from.x},${from.y} Q ${mx},${my} ${to.x},${to.y}`;
  }
  // No hit area: links and monitors are drawn over the tiles and must not take their clicks.
  return <BaseEdge path={path} interactionWidth={0} {...(style !== undefined ? { style } : {})} {...(markerEnd !== undefined ? { markerEnd } : {})} />;
}

export const ProcessEdge = memo(Edge);
