import { maxOf, minOf } from '../../../shared/arrays';
import { escapeXml } from '../../../shared/escapeXml';
import { niceTicks } from '../../../shared/charts/niceTicks';

export { niceTicks };

/** A named series of (x, y) points; y may be null where a value is missing (e.g. no validation that epoch). */
export interface Series {
  name: string;
  color: string;
  points: ReadonlyArray<readonly [number, number | null]>;
  dashed?: boolean;
}

export interface LineChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  width?: number;
  height?: number;
  /** Fixed y range (e.g. [0, 1] for accuracy); by default from 0 (or the lowest value) to a round tick above the highest. */
  yRange?: readonly [number, number];
}

function formatTick(value: number): string {
  return Math.abs(value) >= 1000 || (Math.abs(value) < 0.01 && value !== 0) ? value.toExponential(1) : String(Number(value.toPrecision(4)));
}

/** A self-contained SVG line chart (no scripts, no external fonts), used in reports and as the SVG chart export. */
export function lineChartSvg(series: Series[], options: LineChartOptions): string {
  const width = options.width ?? 560;
  const height = options.height ?? 300;
  const margin = { top: 30, right: 16, bottom: 56, left: 58 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const all = series.flatMap((s) => s.points.filter((p): p is readonly [number, number] => p[1] !== null && Number.isFinite(p[1])));
  const xs = all.map((p) => p[0]);
  const ys = all.map((p) => p[1]);
  const xMin = minOf(xs, 0);
  const xMax = maxOf(xs, 1);
  const yLowest = minOf(ys, 0);
  const yHighest = maxOf(ys, 1);
  const low = options.yRange?.[0] ?? Math.min(0, yLowest);
  const high = options.yRange?.[1] ?? yHighest;
  const yTop = ys.length ? Math.max(high, yHighest) : high;
  const yTicks = niceTicks(low, yTop);
  // The top of the axis is a labelled tick at or above every value, so the highest point is never off the scale.
  const step = yTicks.length > 1 ? yTicks[1] - yTicks[0] : 1;
  while (yTicks.length > 0 && yTicks[yTicks.length - 1] < yTop - step * 1e-9)
    yTicks.push(Number((yTicks[yTicks.length - 1] + step).toPrecision(12)));
  const yMin = ys.length ? Math.min(yTicks[0], yLowest) : yTicks[0];
  const yMax = Math.max(yTicks[yTicks.length - 1], ys.length ? yHighest : -Infinity, yMin + 1e-9);
  const sx = (x: number) => margin.left + (xMax === xMin ? plotW / 2 : ((x - xMin) / (xMax - xMin)) * plotW);
  const sy = (y: number) => margin.top + plotH - ((y - yMin) / (yMax - yMin)) * plotH;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans, Arial, sans-serif" font-size="11">`,
  );
  parts.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  parts.push(`<text x="${width / 2}" y="18" text-anchor="middle" font-size="13" font-weight="bold">${escapeXml(options.title)}</text>`);
  for (const tick of yTicks) {
    const y = sy(tick).toFixed(1);
    parts.push(`<line x1="${margin.left}" x2="${margin.left + plotW}" y1="${y}" y2="${y}" stroke="#e5e7eb"/>`);
    parts.push(
      `<text x="${margin.left - 6}" y="${y}" text-anchor="end" dominant-baseline="middle" fill="#374151">${formatTick(tick)}</text>`,
    );
  }
  for (const tick of niceTicks(xMin, xMax, Math.min(8, Math.max(1, xMax - xMin)))) {
    if (!Number.isInteger(tick)) continue;
    parts.push(`<text x="${sx(tick).toFixed(1)}" y="${margin.top + plotH + 16}" text-anchor="middle" fill="#374151">${tick}</text>`);
  }
  parts.push(`<rect x="${margin.left}" y="${margin.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#9ca3af"/>`);
  parts.push(`<text x="${margin.left + plotW / 2}" y="${height - 24}" text-anchor="middle">${escapeXml(options.xLabel)}</text>`);
  parts.push(
    `<text transform="translate(14 ${margin.top + plotH / 2}) rotate(-90)" text-anchor="middle">${escapeXml(options.yLabel)}</text>`,
  );
  series.forEach((s, index) => {
    let path = '';
    let pen = false;
    for (const [x, y] of s.points) {
      if (y === null || !Number.isFinite(y)) {
        pen = false;
        continue;
      }
      path += `${pen ? 'L' : 'M'}${sx(x).toFixed(1)} ${sy(y).toFixed(1)}`;
      pen = true;
    }
    if (path)
      parts.push(`<path d="${path}" fill="none" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`);
    const lx = margin.left + index * 150;
    parts.push(
      `<line x1="${lx}" x2="${lx + 20}" y1="${height - 8}" y2="${height - 8}" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`,
    );
    parts.push(`<text x="${lx + 26}" y="${height - 8}" dominant-baseline="middle">${escapeXml(s.name)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}

export { escapeXml };
