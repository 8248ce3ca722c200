/**
 * One colour and one marker per class, for every chart that tells classes apart by colour (the feature map, the
 * toy sets' scatter). The colours are Paul Tol's "muted" qualitative scheme, chosen to stay distinct for the common
 * colour-vision deficiencies (deuteranopia, protanopia, tritanopia) and in greyscale print, plus his pale grey as a
 * tenth; the marker shape repeats the distinction so two classes never depend on hue alone.
 * See https://personal.sron.nl/~pault/#sec:qualitative.
 */
export const CLASS_COLOURS = [
  '#332288', // indigo
  '#CC6677', // rose
  '#117733', // green
  '#DDCC77', // sand
  '#88CCEE', // cyan
  '#882255', // wine
  '#44AA99', // teal
  '#999933', // olive
  '#AA4499', // purple
  '#777777', // grey (Tol's pale grey darkened so that it shows on a white plot)
] as const;

export const CLASS_MARKERS = ['circle', 'square', 'triangle', 'diamond', 'cross'] as const;
export type ClassMarker = (typeof CLASS_MARKERS)[number];

/** The colour and marker of class `index` (colours repeat after ten classes, markers after five, so pairs repeat after ten). */
export function classStyle(index: number): { colour: string; marker: ClassMarker } {
  const i = Math.max(0, Math.trunc(index));
  return { colour: CLASS_COLOURS[i % CLASS_COLOURS.length], marker: CLASS_MARKERS[i % CLASS_MARKERS.length] };
}
