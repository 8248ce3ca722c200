import { Chart } from 'chart.js';

/**
 * The sizes every chart of the app draws with, normal or for a projector (read from the back of a room: bigger
 * tick and legend text, thicker curves and bars). Charts take them from chart.js's defaults, so a chart must not set
 * its own font size or line width; switching redraws every chart on the page.
 */
const THEMES = {
  normal: { fontSize: 12, lineWidth: 1.6, pointRadius: 3, gridWidth: 1 },
  projector: { fontSize: 18, lineWidth: 3.5, pointRadius: 5, gridWidth: 1.5 },
} satisfies Record<'normal' | 'projector', { fontSize: number; lineWidth: number; pointRadius: number; gridWidth: number }>;

let current = THEMES.normal;

export function applyChartTheme(projector: boolean): void {
  const theme = THEMES[projector ? 'projector' : 'normal'];
  current = theme;
  Chart.defaults.font.size = theme.fontSize;
  // set() creates a scope an element registered later would add; a component registers only what it draws.
  Chart.defaults.set('elements.line', { borderWidth: theme.lineWidth });
  Chart.defaults.set('elements.point', { radius: theme.pointRadius });
  Chart.defaults.set('scale.grid', { lineWidth: theme.gridWidth });
  for (const chart of Object.values(Chart.instances)) chart.update('none');
}

/** How much thicker than normal curves are drawn now: a chart that gives its series their own widths multiplies by it. */
export function chartLineScale(): number {
  return current.lineWidth / THEMES.normal.lineWidth;
}
