/**
 * The recording's exports and its import, loaded when one is clicked, not with the page (first
 * load budget): RecordingPanel.tsx imports this module on demand.
 */
import { toJson, toMermaid, toShiViz } from '../../distribution/trace/record-export.ts';
import type { Trace } from '../../distribution/trace/record-rows.ts';
import { diagramSvg, HEADER_H } from './svg.ts';
import { LANE_W, ROW_H, layoutDiagram, type Diagram } from './layout.ts';
import { downloadBlob, downloadText, svgToPng } from './download.ts';

export { importTrace } from '../../distribution/trace/record-import.ts';

export type ExportKind = 'Mermaid' | 'SVG' | 'PNG' | 'ShiViz' | 'JSON';

/**
 * Downloads `trace` as `kind`. The pictures (SVG, PNG) are of `shown`, the diagram as filtered on
 * screen, or of the whole trace when the diagram is closed (null).
 */
export async function exportTrace(kind: ExportKind, trace: Trace, shown: Diagram | null, stamp: string): Promise<void> {
  const name = `trace-${stamp}`;
  const diagram = () => shown ?? layoutDiagram(trace);
  switch (kind) {
    case 'Mermaid':
      return downloadText(`${name}.mmd`, 'text/plain', toMermaid(trace));
    case 'SVG':
      return downloadText(`${name}.svg`, 'image/svg+xml', diagramSvg(diagram()));
    case 'PNG': {
      const d = diagram();
      return downloadBlob(`${name}.png`, await svgToPng(diagramSvg(d), Math.max(1, d.lanes.length) * LANE_W, HEADER_H + Math.max(1, d.rows) * ROW_H));
    }
    case 'ShiViz':
      return downloadText(`${name}.shiviz.log`, 'text/plain', toShiViz(trace));
    case 'JSON':
      return downloadText(`${name}.json`, 'application/json', toJson(trace));
  }
}
