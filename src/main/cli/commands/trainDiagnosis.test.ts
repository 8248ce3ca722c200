import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMetricsFileSchema } from '../../../shared/contract/runs';
import { diagnosisText } from '../../../shared/i18n/diagnosisText';
import { runCli } from '../runCli';

/**
 * The reproductions of issue 14, trained for real through `sinapsis train` (a few epochs each, fixed seed): each one
 * must give the right hint in metrics.json, on the CLI's stdout (`hint:` lines, the pairing warning on stderr before
 * training) and in the report, and no hint that contradicts it. The same scenarios as recorded histories, with every
 * number, are in core/evaluation/diagnosis.test.ts.
 */

const scratch = mkdtempSync(join(tmpdir(), 'sinapsis-diagnosis-cli-'));
function spec(name: string, value: object): string {
  const path = join(scratch, `${name}.json`);
  writeFileSync(path, JSON.stringify(value));
  return path;
}
const relu320 = spec('relu320', {
  name: 'MLP 320-128-64-10 ReLU',
  inputShape: [320],
  layers: [
    { type: 'dense', units: 128, activation: 'relu' },
    { type: 'dense', units: 64, activation: 'relu' },
    { type: 'output', units: 10, activation: 'softmax' },
  ],
});
const circles222 = spec('circles222', {
  name: 'circles 2-2-2',
  inputShape: [2],
  layers: [
    { type: 'dense', units: 2, activation: 'tanh' },
    { type: 'output', units: 2, activation: 'softmax' },
  ],
});
const linear2 = spec('linear2', { name: 'linear 2-2', inputShape: [2], layers: [{ type: 'output', units: 2, activation: 'softmax' }] });

interface Scenario {
  name: string;
  args: string[];
  /** Each inner list: at least one of these codes. */
  expected: string[][];
  absent: string[];
  stderr?: string;
  highBias?: boolean;
  /** Whether some hidden ReLU layer ends with half or more of its units dead. */
  dead?: boolean;
}

const hog = ['--data', 'builtin:digits', '--features', 'hog'];
const scenarios: Scenario[] = [
  {
    name: 'η = 100 on HOG digits',
    args: [...hog, '--model', 'mlp320_18_10', '--lr', '100', '--epochs', '6'],
    expected: [['lr-too-high', 'loss-above-prior']],
    absent: ['overfitting', 'not-converged', 'high-bias'],
  },
  {
    name: 'η = 100 on Wine',
    args: ['--data', 'builtin:wine', '--lr', '100', '--epochs', '10'],
    expected: [['lr-too-high', 'loss-above-prior']],
    absent: ['not-converged', 'vanishing-gradients', 'high-bias'],
  },
  {
    name: 'plain SGD η = 0.1 on 320-128-64-10 ReLU: dead units',
    args: [...hog, '--model', relu320, '--optimizer', 'sgd', '--lr', '0.1', '--epochs', '3'],
    expected: [['dead-units']],
    absent: ['vanishing-gradients', 'stuck-at-chance', 'high-bias'],
    dead: true,
  },
  {
    name: 'the same network with Adam: no false alarm',
    args: [...hog, '--model', relu320, '--optimizer', 'adam', '--lr', '0.001', '--epochs', '3'],
    expected: [],
    absent: ['dead-units', 'stuck-at-chance', 'lr-too-high', 'high-bias'],
    dead: false,
    highBias: false,
  },
  {
    name: 'Wine with scaling off',
    args: ['--data', 'builtin:wine', '--scaling', 'none', '--epochs', '20'],
    expected: [['inputs-not-scaled'], ['dead-units', 'stuck-at-chance']],
    absent: ['not-converged'],
    highBias: true,
  },
  {
    name: 'MAPE on one-hot classes',
    args: ['--data', 'builtin:wine', '--loss', 'mape', '--epochs', '10'],
    expected: [['loss-mape-classes']],
    absent: ['lr-too-high', 'high-bias'],
    stderr: 'sinapsis train: error: MAPE divides by the target',
  },
  {
    name: 'circles with a 2-2-2 network: high bias in every door',
    args: ['--data', 'builtin:circles', '--model', circles222, '--epochs', '30'],
    expected: [['high-bias']],
    absent: ['overfitting'],
    highBias: true,
  },
  {
    name: 'drop, then a plateau (linear model on spirals)',
    args: ['--data', 'builtin:spirals', '--model', linear2, '--optimizer', 'adam', '--lr', '0.1', '--epochs', '12'],
    expected: [['plateau-after-drop'], ['high-bias']],
    absent: ['not-converged'],
    highBias: true,
  },
];

/** The Spanish text of a hint up to its first number: what the report (in Spanish by default) must contain. */
const spanishStart = (code: string) => ((diagnosisText.es as Record<string, string>)[code] ?? '').split('{')[0].slice(0, 40);

describe('sinapsis train: the issue 14 reproductions give the right hint in metrics.json, the output and the report', () => {
  it.each(scenarios)(
    '$name',
    async ({ name, args, expected, absent, stderr, highBias, dead }) => {
      const out = join(scratch, name.replace(/\W+/g, '-'));
      const io = {
        stdout: '',
        stderr: '',
        isTTY: false,
        out: (t: string) => void (io.stdout += t),
        err: (t: string) => void (io.stderr += t),
      };
      expect(await runCli(['train', ...args, '--seed', '1', '--out', out], io), io.stderr).toBe(0);
      const metrics = runMetricsFileSchema.parse(JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')));
      const codes = metrics.diagnosis.map((hint) => hint.code);
      const why = `${name}: ${JSON.stringify(metrics.diagnosis.map((hint) => hint.message))}`;
      for (const anyOf of expected)
        expect(
          codes.some((code) => anyOf.includes(code)),
          why,
        ).toBe(true);
      for (const code of absent) expect(codes, why).not.toContain(code);
      if (expected.length === 0)
        expect(
          metrics.diagnosis.filter((hint) => hint.severity === 'error'),
          why,
        ).toEqual([]);

      // The CLI prints every hint of metrics.json, the report writes each in Spanish.
      const report = readFileSync(join(out, 'report.html'), 'utf8');
      for (const hint of metrics.diagnosis) {
        expect(io.stdout).toContain(`hint: ${hint.message}`);
        expect(report).toContain(spanishStart(hint.code));
      }
      if (stderr)
        expect(
          io.stderr.split('\n').find((line) => line.startsWith(stderr)),
          io.stderr,
        ).toBeDefined();
      // The pairing warning comes before the first epoch.
      if (stderr) expect(io.stderr.indexOf(stderr)).toBeLessThan(io.stderr.indexOf('epoch 1/'));

      // The bias/variance verdict is the same in metrics.json, on stdout and in the report.
      if (highBias !== undefined) {
        expect(metrics.biasVariance?.highBias, why).toBe(highBias);
        expect(io.stdout).toMatch(highBias ? /^bias\/variance: .*high bias/m : /^bias\/variance: (?!.*high bias)/m);
        expect(report).toContain(highBias ? 'sesgo alto' : 'Sesgo y varianza');
        if (highBias)
          expect(
            codes.some((code) =>
              ['high-bias', 'dead-units', 'stuck-at-chance', 'lr-too-high', 'loss-above-prior', 'loss-mape-classes'].includes(code),
            ),
            why,
          ).toBe(true);
      }
      if (dead !== undefined) {
        const worst = Math.max(...metrics.deadUnits.map((layer) => layer.dead / layer.units));
        expect(metrics.deadUnits.map((layer) => layer.layer)).toEqual([0, 1]);
        expect(worst >= 0.5, JSON.stringify(metrics.deadUnits)).toBe(dead);
      }
    },
    180_000,
  );
});
