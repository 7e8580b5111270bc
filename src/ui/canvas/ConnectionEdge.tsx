/**
 * A connection between this tab's card and another node's: a straight line between the cards'
 * borders whose label sits where no card covers it (edge-label.ts; flow-graph.ts puts the
 * points in the edge's data). Everything else (style, label style, focus, click) is React Flow's.
 */
import { memo } from 'react';
import { BaseEdge, type EdgeProps } from '@xyflow/react';
import type { ConnectionEdge as ConnectionEdgeType } from './flow-graph.ts';

function Edge(props: EdgeProps<ConnectionEdgeType>) {
  const { sourceX, sourceY, targetX, targetY, data, label, labelStyle, labelShowBg, labelBgStyle, labelBgPadding, labelBgBorderRadius, style, interactionWidth } = props;
  const from = data?.from ?? { x: sourceX, y: sourceY };
  const to = data?.to ?? { x: targetX, y: targetY };
  const at = data?.labelAt ?? { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 };
  return (
    <BaseEdge
      path={`M ${from.x},${from.y} L ${to.x},${to.y}`}
      labelX={at.x}
      labelY={at.y}
      label={label}
      {...(labelStyle !== undefined ? { labelStyle } : {})}
      {...(labelShowBg !== undefined ? { labelShowBg } : {})}
      {...(labelBgStyle !== undefined ? { labelBgStyle } : {})}
      {...(labelBgPadding !== undefined ? { labelBgPadding } : {})}
      {...(labelBgBorderRadius !== undefined ? { labelBgBorderRadius } : {})}
      {...(style !== undefined ? { style } : {})}
      {...(interactionWidth !== undefined ? { interactionWidth } : {})}
    />
  );
}

export const ConnectionEdge = memo(Edge);
