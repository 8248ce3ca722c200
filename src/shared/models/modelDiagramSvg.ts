import { escapeXml } from '../escapeXml';
import { layoutModelDiagram, type DiagramLayout, type DiagramPrimitive, type ModelDiagramInput } from './modelDiagram';

const n = (value: number) => String(Math.round(value * 10) / 10);
const opacity = (value: number | undefined) => (value === undefined ? '' : ` opacity="${Number(value.toFixed(3))}"`);

function primitiveSvg(p: DiagramPrimitive): string {
  switch (p.kind) {
    case 'rect':
      return `<rect x="${n(p.x)}" y="${n(p.y)}" width="${n(p.width)}" height="${n(p.height)}"${p.radius ? ` rx="${p.radius}"` : ''} fill="${p.fill}" stroke="${p.stroke}"${opacity(p.opacity)}${p.dashed ? ' stroke-dasharray="4 3"' : ''}/>`;
    case 'circle':
      return `<circle cx="${n(p.cx)}" cy="${n(p.cy)}" r="${n(p.r)}" fill="${p.fill}" stroke="${p.stroke}"${opacity(p.opacity)}/>`;
    case 'line':
      return `<line x1="${n(p.x1)}" y1="${n(p.y1)}" x2="${n(p.x2)}" y2="${n(p.y2)}" stroke="${p.stroke}" stroke-width="${n(p.width)}"${opacity(p.opacity)}/>`;
    case 'image':
      // Pixels stay square when the picture is enlarged (a 28×28 digit is drawn at 120 px).
      return `<image x="${n(p.x)}" y="${n(p.y)}" width="${n(p.width)}" height="${n(p.height)}" href="${escapeXml(p.href)}" preserveAspectRatio="none" image-rendering="pixelated"/>`;
  }
}

/** The laid-out diagram as a self-contained SVG (no script, no external reference: images are data: URLs). */
export function diagramSvg(layout: DiagramLayout): string {
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="model-diagram-svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" role="img" aria-label="${escapeXml(layout.title)}" font-family="DejaVu Sans, Arial, sans-serif">`,
    `<rect width="${layout.width}" height="${layout.height}" fill="#ffffff"/>`,
  ];
  for (const primitive of layout.primitives) parts.push(primitiveSvg(primitive));
  for (const l of layout.labels) {
    parts.push(
      `<text x="${n(l.x)}" y="${n(l.y)}" font-size="${l.size}" text-anchor="${l.anchor}" fill="${l.fill}"${l.bold ? ' font-weight="bold"' : ''} data-role="${l.role}">${escapeXml(l.text)}</text>`,
    );
  }
  // A transparent block over each column carries its full description as a tooltip.
  for (const column of layout.columns)
    parts.push(
      `<rect x="${column.x}" y="0" width="${column.width}" height="${layout.height}" fill="#ffffff" fill-opacity="0" data-layer="${column.layer}"><title>${escapeXml(column.title)}</title></rect>`,
    );
  parts.push('</svg>');
  return parts.join('');
}

/** The model diagram of the Modelo view and of the report: one function, so the two cannot diverge. */
export function modelDiagramSvg(input: ModelDiagramInput): string {
  return diagramSvg(layoutModelDiagram(input));
}
