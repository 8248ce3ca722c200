import type { BatchProgress, EpochRecord } from '../core/engine/trainLoop';
import type { ExperimentPhase } from '../core/experiment/runExperiment';
import type { CliIO } from './command';

const BAR_WIDTH = 24;

function seconds(ms: number | null): string {
  if (ms === null) return '…';
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

function fixed(value: number | null, digits = 4): string {
  return value === null ? '–' : value.toFixed(digits);
}

/**
 * What `sinapsis train` shows while it works, on stderr (stdout keeps the result): one redrawn progress bar
 * with the ETA on a terminal, one plain line per phase and per epoch otherwise (logs, grading scripts).
 */
export class TrainingProgressPrinter {
  private lineOpen = false;
  private lastPhase: ExperimentPhase | null = null;

  constructor(private readonly io: CliIO) {}

  private redraw(text: string): void {
    this.io.err(`\r${text}\x1b[K`);
    this.lineOpen = true;
  }

  private line(text: string): void {
    if (this.lineOpen) this.io.err('\n');
    this.lineOpen = false;
    this.io.err(`${text}\n`);
  }

  loading(progress: { phase: string; done: number; total: number }): void {
    if (this.io.isTTY)
      this.redraw(
        progress.phase === 'scanning' ? `scanning: ${progress.done} files` : `loading: ${progress.done}/${progress.total} images`,
      );
  }

  phase(event: { phase: ExperimentPhase; fold: number | null; folds: number | null; done?: number; total?: number }): void {
    if (event.phase === 'features' && event.total && this.io.isTTY) {
      this.redraw(`features: ${event.done ?? 0}/${event.total} images`);
      return;
    }
    if (event.phase === this.lastPhase && event.phase !== 'training') return;
    this.lastPhase = event.phase;
    if (event.phase === 'training' && event.fold !== null) this.line(`training fold ${event.fold} of ${event.folds}`);
    else if (!this.io.isTTY || event.phase !== 'training') this.line(`${event.phase}…`);
  }

  private bar(fraction: number): string {
    const filled = Math.round(Math.min(1, Math.max(0, fraction)) * BAR_WIDTH);
    return `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}]`;
  }

  batch(progress: BatchProgress, epochs: number): void {
    if (!this.io.isTTY) return;
    const fraction = (progress.epoch - 1 + progress.batch / progress.batches) / epochs;
    this.redraw(
      `${this.bar(fraction)} epoch ${progress.epoch}/${epochs} batch ${progress.batch}/${progress.batches} loss ${fixed(progress.loss)} ETA ${seconds(progress.etaMs)}`,
    );
  }

  epoch(record: EpochRecord, epochs: number): void {
    const metrics = `loss ${fixed(record.trainLoss)} acc ${fixed(record.trainAccuracy)} val_loss ${fixed(record.valLoss)} val_acc ${fixed(record.valAccuracy)}`;
    if (this.io.isTTY)
      this.redraw(`${this.bar(record.epoch / epochs)} epoch ${record.epoch}/${epochs} ${metrics} ETA ${seconds(record.etaMs)}`);
    else this.line(`epoch ${record.epoch}/${epochs} ${metrics} eta ${seconds(record.etaMs)}`);
  }

  done(): void {
    if (this.lineOpen) this.io.err('\n');
    this.lineOpen = false;
  }
}
