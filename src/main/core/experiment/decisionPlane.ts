import type { z } from 'zod';
import type { decisionPlaneSchema } from '../../../shared/contract/training';
import { applyScaler, type Scaler } from '../../../shared/datasets/scaling';
import type { InspectionGrid } from '../engine/epochInspection';
import type { PlannedFold } from './experimentPlan';
import type { ExperimentSamples } from './experimentSamples';

export type DecisionPlane = z.infer<typeof decisionPlaneSchema>;
export type PlanePoint = [number, number, number, boolean];

/** Cells per side of the decision-region grid (TF Playground draws a similar 50×50 heatmap). */
export const BOUNDARY_RESOLUTION = 40;
/** Samples drawn over the regions; more would hide them. */
export const MAX_PLANE_POINTS = 600;
const MARGIN = 0.1;

export interface PlaneSetup {
  plane: DecisionPlane;
  grid: InspectionGrid;
  points: PlanePoint[];
}

/**
 * For a classifier on two numeric features: a grid over the data's range (plus a margin) in the features' own
 * units, scaled like the training data for the model, and the samples to draw on top. Null for anything else.
 */
export function decisionPlane(samples: ExperimentSamples, fold: PlannedFold, scaler: Scaler | null, outputs: number): PlaneSetup | null {
  const { values, labels } = samples;
  if (samples.features.kind !== 'columns' || samples.sampleShape.length !== 1 || samples.sampleShape[0] !== 2 || !labels) return null;
  const rows = values.length / 2;
  let [xMin, xMax, yMin, yMax] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let r = 0; r < rows; r++) {
    xMin = Math.min(xMin, values[2 * r]);
    xMax = Math.max(xMax, values[2 * r]);
    yMin = Math.min(yMin, values[2 * r + 1]);
    yMax = Math.max(yMax, values[2 * r + 1]);
  }
  const padX = (xMax - xMin || 1) * MARGIN;
  const padY = (yMax - yMin || 1) * MARGIN;
  [xMin, xMax, yMin, yMax] = [xMin - padX, xMax + padX, yMin - padY, yMax + padY];
  const n = BOUNDARY_RESOLUTION;
  const raw = new Float32Array(n * n * 2);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      raw[2 * (r * n + c)] = xMin + ((c + 0.5) / n) * (xMax - xMin);
      raw[2 * (r * n + c) + 1] = yMax - ((r + 0.5) / n) * (yMax - yMin);
    }
  }
  const scaled = scaler ? Float32Array.from(applyScaler(scaler, { values: raw, rows: n * n, columns: 2 })) : raw;
  const held = new Set(fold.evaluation);
  // Training and evaluated samples are disjoint in every plan (hold-out parts, k-fold complements).
  const shown = [...fold.train, ...fold.evaluation];
  const step = Math.max(1, shown.length / MAX_PLANE_POINTS);
  const points: PlanePoint[] = [];
  for (let k = 0; k < shown.length && points.length < MAX_PLANE_POINTS; k += step) {
    const i = shown[Math.floor(k)];
    points.push([values[2 * i], values[2 * i + 1], labels[i], held.has(i)]);
  }
  const names = samples.features.kind === 'columns' ? samples.features.details.columns : ['x1', 'x2'];
  return {
    plane: { features: [names[0] ?? 'x1', names[1] ?? 'x2'], xMin, xMax, yMin, yMax, resolution: n, outputs },
    grid: { rows: scaled, count: n * n },
    points,
  };
}
