/**
 * The course's HOG lab as a student runs it, whole processes from spawn to exit, against the same job in Python:
 *
 *   sinapsis train --data builtin:digits --features hog --model mlp320_18_10 --epochs 30 --lr 0.1
 *
 * through the built CLI (`node out/main/cli.js`, what `sinapsis` runs once built), with a cold HOG cache (an empty
 * cache folder: every image decoded and its HOG computed) and a warm one (the cache the previous run left), against
 * bench/lab_peer.py (cv2 read + resize of the same images, skimage HOG afresh, StandardScaler, sklearn's
 * MLPClassifier 18 sigmoid units, SGD batch 32, learning rate 0.1, 30 epochs, on the same train/test split).
 * The three are interleaved, round after round, so a change in the machine's load hits all of them alike; the
 * medians, the ratios, both sides' test accuracies (a fast wrong result must show) and the load average are printed.
 *
 * Run: `npm run build && npx tsx bench/lab.ts [rounds]` (default 5 rounds; needs Debian's python3-sklearn,
 * python3-skimage and python3-opencv at /usr/bin/python3, or PYTHON=...).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const cli = join(root, 'out/main/cli.js');
const peer = join(root, 'bench/lab_peer.py');
const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';
const rounds = Math.max(1, Number(process.argv[2] ?? 5));
const JOB = ['train', '--data', 'builtin:digits', '--features', 'hog', '--model', 'mlp320_18_10', '--epochs', '30', '--lr', '0.1'];

interface Timed {
  seconds: number;
  stdout: string;
}

/** Runs one process to its end; the time is from spawn to exit, as a student's shell measures it. */
function timed(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Timed> {
  return new Promise((done, fail) => {
    const start = performance.now();
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => {
      const seconds = (performance.now() - start) / 1000;
      if (code === 0) done({ seconds, stdout });
      else fail(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${stderr.slice(-2000)}`));
    });
  });
}

/** The newest modification time under `dir` (the sources), to refuse timing a build older than them. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

if (!existsSync(cli) || statSync(cli).mtimeMs < newestMtime(join(root, 'src/main'))) {
  console.error('bench/lab.ts: out/main/cli.js is missing or older than src/main; run "npm run build" first.');
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'sinapsis-lab-bench-'));
const runs = join(work, 'runs');
const warmCache = join(work, 'cache-warm');
const coldCache = join(work, 'cache-cold');
const env = (cache: string): NodeJS.ProcessEnv => ({ ...process.env, SINAPSIS_RUNS_DIR: runs, SINAPSIS_CACHE_DIR: cache });

/** Test accuracy printed by `sinapsis train` ("accuracy: train 99.5%, validation 94.0%, test 94.4%"). */
function sinapsisAccuracy(stdout: string): number {
  const match = /test ([\d.]+) ?%/.exec(stdout);
  if (!match) throw new Error(`no test accuracy in the output of sinapsis train:\n${stdout}`);
  return Number(match[1]) / 100;
}

function runDirOf(stdout: string): string {
  const match = /^run: (.+)$/m.exec(stdout);
  if (!match) throw new Error(`no run folder in the output of sinapsis train:\n${stdout}`);
  return match[1];
}

/** The run's samples (file, class) in Sinapsis's order and its split, for the Python side to use the same ones. */
function writeSplit(runDir: string, file: string): void {
  const config = JSON.parse(readFileSync(join(runDir, 'config.json'), 'utf8')) as {
    dataset: { source: string };
    split: { indices: { train: number[]; test: number[] } };
  };
  const predictions = JSON.parse(readFileSync(join(runDir, 'predictions.json'), 'utf8')) as {
    predictions: { index: number; file: string; trueClass: number }[];
  };
  // The loader's order: class folders, then files, in natural order (the bundled names are zero-padded, so a plain
  // sort gives it); checked against every sample the run predicted, so a different order cannot go unnoticed.
  const source = config.dataset.source;
  const classes = readdirSync(source, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const samples = classes.flatMap((name, label) =>
    readdirSync(join(source, name))
      .sort()
      .map((file) => ({ file: `${name}/${file}`, label })),
  );
  for (const p of predictions.predictions) {
    if (samples[p.index]?.file !== p.file || samples[p.index].label !== p.trueClass)
      throw new Error(`sample ${p.index} of ${runDir} is ${p.file}, not ${samples[p.index]?.file}: the bench's order is wrong`);
  }
  const split = {
    files: samples.map((sample) => join(source, sample.file)),
    labels: samples.map((sample) => sample.label),
    train: config.split.indices.train,
    test: config.split.indices.test,
  };
  writeFileSync(file, JSON.stringify(split));
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const load = (): string =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

try {
  mkdirSync(runs, { recursive: true });
  const loadBefore = load();
  // A first run fills the warm cache and gives the split (and warms the disk cache for everyone alike).
  const first = await timed(process.execPath, [cli, ...JOB], env(warmCache));
  const splitFile = join(work, 'split.json');
  writeSplit(runDirOf(first.stdout), splitFile);
  await timed(PYTHON, [peer, splitFile], process.env);

  const times = { cold: [] as number[], warm: [] as number[], python: [] as number[] };
  const accuracy = { cold: 0, warm: 0, python: 0 };
  for (let round = 1; round <= rounds; round++) {
    rmSync(coldCache, { recursive: true, force: true });
    const cold = await timed(process.execPath, [cli, ...JOB], env(coldCache));
    const warm = await timed(process.execPath, [cli, ...JOB], env(warmCache));
    const python = await timed(PYTHON, [peer, splitFile], process.env);
    times.cold.push(cold.seconds);
    times.warm.push(warm.seconds);
    times.python.push(python.seconds);
    accuracy.cold = sinapsisAccuracy(cold.stdout);
    accuracy.warm = sinapsisAccuracy(warm.stdout);
    accuracy.python = (JSON.parse(python.stdout) as { test_accuracy: number }).test_accuracy;
    console.log(
      `round ${round}: cold ${cold.seconds.toFixed(2)} s, warm ${warm.seconds.toFixed(2)} s, python ${python.seconds.toFixed(2)} s (load ${load()})`,
    );
    // Run folders are not part of the job being timed, and would pile up.
    rmSync(runs, { recursive: true, force: true });
    mkdirSync(runs);
  }
  const py = median(times.python);
  const percent = (value: number): string => `${(value * 100).toFixed(1)} %`;
  console.log(`\nCourse HOG lab, whole process, median of ${rounds} interleaved rounds:`);
  console.log(
    `  sinapsis, warm HOG cache: ${median(times.warm).toFixed(2)} s  ${(median(times.warm) / py).toFixed(2)}x python (target <= 0.5x)`,
  );
  console.log(
    `  sinapsis, cold HOG cache: ${median(times.cold).toFixed(2)} s  ${(median(times.cold) / py).toFixed(2)}x python (target <= 0.8x)`,
  );
  console.log(`  python (cv2 + skimage + sklearn): ${py.toFixed(2)} s`);
  console.log(
    `  test accuracy: sinapsis ${percent(accuracy.warm)} (cold run ${percent(accuracy.cold)}), python ${percent(accuracy.python)}`,
  );
  console.log(`  load average: ${loadBefore} before, ${load()} after (1, 5, 15 min)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
