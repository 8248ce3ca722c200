import { existsSync } from 'node:fs';
import { mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { SinapsisError } from '../../../shared/contract/errors';
import { modelExportFolder, modelExportZip, type ModelExportFormat, type ModelExportResult } from '../../../shared/contract/modelExport';
import type { Language } from '../../../shared/i18n/diagnosisText';
import { APP_VERSION } from '../app/version';
import { loadRunModel } from '../inference/runModelCache';
import { saveModelArtifacts } from '../models/modelIO';
import { writeFileAtomic } from '../runs/atomicWrite';
import { readRun } from '../runs/readRun';
import { RUN_FILES } from '../runs/runFolder';
import { exportReadme, EXPORT_FOLDER_FILES } from './exportReadme';
import { ONNX_PREDICT_MJS, TFJS_PREDICT_MJS } from './nodeScripts';
import { onnxModelBytes } from './onnxExport';
import { portableModel } from './portableModel';
import { PREDICT_PY } from './predictScript';
import { pytorchFiles } from './pytorchExport';
import { standardTfjsArtifacts } from './tfjsExport';
import { readOwnFile, readOwnText } from '../files/readOwnFile';

/**
 * `sinapsis export` and `runs.exportModel`: a run's trained model as a folder a student takes elsewhere. The
 * model is read from the run's own model/ (what predicted predictions.json), turned into the portable layer
 * list, and written by the format's exporter; the run's preprocessing.json is copied byte for byte.
 */

export interface ExportModelOptions {
  format: ModelExportFormat;
  language: Language;
  /** Where to write; default `<run>/export-<format>/`. Files of an earlier export there are replaced. */
  outDir?: string;
}

async function checkOutDir(dir: string): Promise<void> {
  if (!existsSync(dir)) return;
  const info = await stat(dir);
  if (!info.isDirectory())
    throw new SinapsisError('export-out-not-folder', `${dir} is a file: give --out a folder (new, or one holding an earlier export).`, {
      path: dir,
    });
}

function modelNameOf(spec: unknown): string {
  return typeof spec === 'object' && spec !== null && 'name' in spec && typeof spec.name === 'string' ? spec.name : '';
}

/** Writes the export folder and returns its path and files. */
export async function exportRunModel(
  runDir: string,
  options: ExportModelOptions,
): Promise<{ dir: string; files: { name: string; bytes: number }[] }> {
  const run = await readRun(runDir);
  const loaded = await loadRunModel(runDir);
  // loadRunModel has just read and checked it; read again for its exact text, which the export carries as is.
  const preprocessingText = (await readOwnText(join(runDir, RUN_FILES.preprocessing))) ?? '';
  const dir = options.outDir ?? join(runDir, modelExportFolder(options.format));
  try {
    const portable = portableModel(loaded.model);
    const about = { runId: run.config.runId, version: APP_VERSION };
    // Built in memory first: a refused model (an activation the format lacks) writes nothing.
    const files: Record<string, string | Uint8Array> = {};
    switch (options.format) {
      case 'tfjs': {
        const artifacts = await standardTfjsArtifacts(portable);
        await checkOutDir(dir);
        await saveModelArtifacts(dir, artifacts); // model.json + weights.bin, the standard tfjs pair
        files['predict.mjs'] = TFJS_PREDICT_MJS;
        break;
      }
      case 'onnx':
        files['model.onnx'] = onnxModelBytes(portable, loaded.preprocessing, APP_VERSION);
        files['predict.mjs'] = ONNX_PREDICT_MJS;
        break;
      case 'pytorch': {
        const { modelPy, weightsNpz } = pytorchFiles(portable, about);
        files['model.py'] = modelPy;
        files['weights.npz'] = weightsNpz;
        files['predict.py'] = PREDICT_PY;
        break;
      }
    }
    files['preprocessing.json'] = preprocessingText;
    files['README.md'] = exportReadme(
      {
        format: options.format,
        runId: about.runId,
        modelName: modelNameOf(run.config.model.spec),
        version: APP_VERSION,
        preprocessing: loaded.preprocessing,
        portable,
      },
      options.language,
    );
    await checkOutDir(dir);
    await mkdir(dir, { recursive: true });
    for (const [name, content] of Object.entries(files)) await writeFileAtomic(join(dir, name), content);
    return { dir, files: await exportFiles(dir, options.format) };
  } finally {
    loaded.model.dispose();
  }
}

/** The files of an export folder (the format's own plus README.md), with their sizes. */
async function exportFiles(dir: string, format: ModelExportFormat): Promise<{ name: string; bytes: number }[]> {
  const names = new Set([...EXPORT_FOLDER_FILES[format], 'README.md']);
  const present = await readdir(dir);
  return Promise.all(
    present
      .filter((name) => names.has(name))
      .sort()
      .map(async (name) => ({ name, bytes: (await stat(join(dir, name))).size })),
  );
}

/** The export folder as a .zip whose entries sit in a folder named after the run and format. */
export async function zipExport(dir: string, files: readonly { name: string }[], top: string): Promise<Uint8Array> {
  const entries: Record<string, Uint8Array> = {};
  for (const file of files) entries[`${top}/${file.name}`] = new Uint8Array((await readOwnFile(join(dir, file.name))) ?? new Uint8Array(0));
  return zipSync(entries, { level: 6 });
}

/** What runs.exportModel does: the folder inside the run, and its .zip beside it for the download. */
export async function exportRunModelWithZip(
  runDir: string,
  runId: string,
  format: ModelExportFormat,
  language: Language,
): Promise<ModelExportResult> {
  const { dir, files } = await exportRunModel(runDir, { format, language });
  const zip = await zipExport(dir, files, `${runId}-${format}`);
  const zipName = modelExportZip(format);
  await writeFileAtomic(join(runDir, zipName), zip);
  return { format, dir, files, zip: { name: zipName, bytes: zip.byteLength } };
}
