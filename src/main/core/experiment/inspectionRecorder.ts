import type { RunInspection } from '../../../shared/contract/training';
import { appendAll } from '../../../shared/arrays';

/** Inspections kept per fold; past this, every other one is dropped, so a long run keeps its whole span. */
export const MAX_KEPT_INSPECTIONS = 400;

type Inspection = RunInspection['folds'][number]['inspections'][number];

/**
 * Collects what the trainer inspected (weight histograms after some epochs, decision regions) for the run's
 * inspection.json, so Evaluación can show it again later.
 */
export class InspectionRecorder {
  private readonly folds: Inspection[][];
  private boundary: RunInspection['boundary'] = null;

  constructor(folds: number) {
    this.folds = Array.from({ length: folds }, () => []);
  }

  record(event: {
    fold: number;
    epoch: number;
    final: boolean;
    histograms: Inspection['histograms'];
    boundary: RunInspection['boundary'];
  }): void {
    const kept = this.folds[event.fold];
    if (!kept) return;
    kept.push({ epoch: event.epoch, final: event.final, histograms: event.histograms });
    if (kept.length > MAX_KEPT_INSPECTIONS) {
      // Thin the middle, never the first or the final weights.
      const last = kept.pop()!;
      const thinned = kept.filter((_, i) => i % 2 === 0);
      kept.length = 0;
      appendAll(kept, thinned).push(last);
    }
    if (event.boundary) this.boundary = event.boundary;
  }

  file(): RunInspection {
    return { folds: this.folds.map((inspections, fold) => ({ fold, inspections })), boundary: this.boundary };
  }
}
