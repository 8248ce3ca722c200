import { resolve } from 'node:path';
import { SinapsisError } from '../../../shared/contract';
import { MODEL_EXPORT_FORMATS, modelExportFolder, modelExportFormatSchema } from '../../../shared/contract/modelExport';
import { languageSchema } from '../../../shared/contract/runs';
import { initBackend } from '../../core/engine/backends';
import { exportRunModel } from '../../core/modelExport/exportModel';
import { parseCommandArgs } from '../args';
import { EXIT_OK, type CliCommand } from '../command';
import { cliRunFolder } from '../readCliFile';

export const exportCommand: CliCommand = {
  help: `Usage: sinapsis export <run-dir> --format ${MODEL_EXPORT_FORMATS.join('|')} [--out DIR] [--lang es|pt|en]

Writes a folder with the run's trained model, its preprocessing.json (features, fitted scaler, input shape,
class names) and a README.md saying how to load it, with a runnable example:
  tfjs     model.json + weights.bin with standard layers only (stock @tensorflow/tfjs loads them), predict.mjs
  onnx     model.onnx (opset 13, the scaler folded in as its first Sub/Div nodes), predict.mjs (onnxruntime-node)
  pytorch  model.py (an nn.Sequential), weights.npz (plain NumPy arrays) and predict.py, which preprocesses
           images with cv2.resize and skimage.feature.hog exactly as the run did

Options:
  --format F   ${MODEL_EXPORT_FORMATS.join(', ')}
  --out DIR    where to write (default: <run-dir>/${modelExportFolder('onnx').replace('onnx', '<format>')})
  --lang L     language of the README: es (default), pt or en
  -h, --help   show this help

Example:
  sinapsis export runs/lab-hog --format pytorch && python3 runs/lab-hog/export-pytorch/predict.py digit.png
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('export', args, {
      format: { type: 'string' },
      out: { type: 'string' },
      lang: { type: 'string' },
    });
    if (positionals.length !== 1)
      throw new SinapsisError('bad-arguments', 'Give one run folder, e.g. "sinapsis export runs/lab-hog --format onnx".');
    const format = modelExportFormatSchema.safeParse(values.format);
    if (!format.success)
      throw new SinapsisError(
        'bad-arguments',
        `--format must be one of ${MODEL_EXPORT_FORMATS.join(', ')}; got "${String(values.format ?? '')}".`,
      );
    const language = languageSchema.safeParse(values.lang ?? 'es');
    if (!language.success) throw new SinapsisError('bad-arguments', `--lang must be es, pt or en; got "${String(values.lang)}".`);
    const runDir = await cliRunFolder(positionals[0]);
    await initBackend();
    const out = typeof values.out === 'string' ? resolve(values.out) : undefined;
    const result = await exportRunModel(runDir, { format: format.data, language: language.data, ...(out ? { outDir: out } : {}) });
    io.out([`export: ${result.dir}`, ...result.files.map((f) => `  ${f.name} (${f.bytes} bytes)`)].join('\n') + '\n');
    return EXIT_OK;
  },
};
