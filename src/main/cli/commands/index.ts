import type { CliCommand } from '../command';

/**
 * One `sinapsis` subcommand as the main help lists it. The command itself (its options, help and code, and what
 * that code imports: tfjs, image-js, the core) is loaded only when it runs, so `sinapsis --help` and a command's
 * start load only that command's modules (docs/cli.md, "Start-up").
 */
export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<CliCommand>;
}

/** Every `sinapsis` subcommand; a new one is a file in this folder plus a line here. */
export const commands: readonly CommandEntry[] = [
  {
    name: 'info',
    summary: 'Print version, platform and the TensorFlow.js backends (same as app.info)',
    load: async () => (await import('./info')).infoCommand,
  },
  {
    name: 'serve',
    summary: 'Run Sinapsis in a browser: serve the app and its API on this machine',
    load: async () => (await import('./serve')).serveCommand,
  },
  {
    name: 'train',
    summary: 'Train a model on a dataset headless and write a run folder (same pipeline as the app)',
    load: async () => (await import('./train')).trainCommand,
  },
  {
    name: 'predict',
    summary: "Classify an image, a whole folder (or a table row) with a run's model, as Evaluación does",
    load: async () => (await import('./predict')).predictCommand,
  },
  {
    name: 'export',
    summary: "Write a run's model as standard TensorFlow.js, ONNX or a PyTorch script, with its preprocessing",
    load: async () => (await import('./export')).exportCommand,
  },
  {
    name: 'report',
    summary: 'Re-render the HTML (and PDF) report of a run folder',
    load: async () => (await import('./report')).reportCommand,
  },
  {
    name: 'dataset',
    summary: 'Summarize an image folder or a CSV and list its problems (same as the Datos view)',
    load: async () => (await import('./dataset')).datasetCommand,
  },
  {
    name: 'hog',
    summary: 'HOG feature vector of one image (same numbers as skimage.feature.hog)',
    load: async () => (await import('./hog')).hogCommand,
  },
  {
    name: 'embed',
    summary: "Feature map: every sample on a plane by PCA, t-SNE or UMAP, of a dataset's features or a run's layer",
    load: async () => (await import('./embed')).embedCommand,
  },
  {
    name: 'check',
    summary: 'Grade returned runs against an assignment (fingerprint, split, seed, locks, metrics)',
    load: async () => (await import('./check')).checkCommand,
  },
];
