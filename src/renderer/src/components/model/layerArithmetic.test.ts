import { describe, expect, it } from 'vitest';
import { formatDecimal, formatPercent } from '../../../../shared/i18n/formatNumber';
import { parseModelSpec } from '../../../../shared/models/modelSpec';
import { summarizeModel } from '../../../../shared/models/shapes';
import type { Locale } from '../../i18n/messages';
import { translator } from '../../i18n/translator.testdata';
import { arithmeticText } from './layerArithmetic';

const spec = parseModelSpec({
  inputShape: [28, 28, 1],
  layers: [
    { type: 'conv2d', filters: 6, kernelSize: 5, activation: 'relu' },
    { type: 'batchNorm' },
    { type: 'maxPool', poolSize: 2 },
    { type: 'conv2d', filters: 4, kernelSize: 3, padding: 'same', activation: { kind: 'prelu' } },
    { type: 'conv2d', filters: 2, kernelSize: 3, dilation: 2, activation: 'relu', useBias: false },
    { type: 'flatten' },
    { type: 'dense', units: 16, activation: 'relu' },
    { type: 'dropout', rate: 0.25 },
    { type: 'output', units: 10, activation: 'softmax' },
  ],
});
const summary = summarizeModel(spec);

function texts(locale: Locale): string[] {
  const format = {
    count: (value: number) => formatDecimal(value, locale, 0),
    percent: (value: number) => formatPercent(value, locale, 1, true),
  };
  // Spaces as plain spaces: the percent sign follows a no-break space.
  return summary.layers.map((layer) => arithmeticText(layer.explain, translator(locale), format).replace(/\s/g, ' '));
}

describe('arithmeticText', () => {
  it('words every layer in Spanish with the course formula and the same figures as the shapes', () => {
    expect(texts('es')).toEqual([
      'alto (28 + 2·0 − 5) / 1 + 1 = 24; ancho (28 + 2·0 − 5) / 1 + 1 = 24; parámetros 5×5×1×6 + 6 sesgos = 156',
      '4 × 6 = 24: γ y β se aprenden; la media y la varianza móviles se calculan con los lotes, no se entrenan',
      'alto (24 + 2·0 − 2) / 2 + 1 = 12; ancho (24 + 2·0 − 2) / 2 + 1 = 12; sin parámetros',
      'alto «same»: ⌈12 / 1⌉ = 12, relleno de 1 por lado; ancho «same»: ⌈12 / 1⌉ = 12, relleno de 1 por lado; parámetros 3×3×6×4 + 4 sesgos + 4 α de PReLU = 224',
      'alto (12 + 2·0 − 5 (núcleo 3 dilatado ×2)) / 1 + 1 = 8; ancho (12 + 2·0 − 5 (núcleo 3 dilatado ×2)) / 1 + 1 = 8; parámetros 3×3×4×2 = 72',
      '8×8×2 = 128 valores en fila; sin parámetros',
      '128 entradas × 16 neuronas + 16 sesgos = 2064 parámetros',
      'apaga al azar el 25 % de las salidas en cada paso de entrenamiento (en la evaluación no apaga ninguna); sin parámetros',
      '16 entradas × 10 neuronas + 10 sesgos = 170 parámetros',
    ]);
    expect(summary.layers.map((layer) => layer.params)).toEqual([156, 24, 0, 224, 72, 0, 2064, 0, 170]);
  });

  it('leaves no English word of the CLI line in Spanish or Portuguese', () => {
    for (const locale of ['es', 'pt'] as const) {
      const all = texts(locale).join(' ');
      for (const word of ['height', 'width', 'params', 'rate', 'per side', 'learned', 'tracked', 'kernel', 'dilated'])
        expect(all, `${locale}: ${word}`).not.toContain(word);
    }
    expect(texts('pt')[6]).toBe('128 entradas × 16 neurônios + 16 vieses = 2.064 parâmetros');
  });
});
