import { assertNever } from '../../../../shared/assertNever';
import type { AxisArithmetic, LayerArithmetic } from '../../../../shared/models/shapes';

export type Translate = (key: string, params?: Record<string, unknown>) => string;
export interface ArithmeticFormat {
  /** An integer as the interface writes it (grouping: 10.602). */
  count: (value: number) => string;
  /** A share as a percent (0,25 -> 25 %). */
  percent: (value: number) => string;
}

/**
 * A layer's arithmetic (shapes.ts's `explain`) in the interface language: the course's O = (N + 2P - F) / S + 1 for
 * each side of a window, the parameter count with its terms named (inputs × neurons + biases), and what the
 * layers without weights do (dropout, batch normalization), instead of the CLI's English line.
 */
export function arithmeticText(explain: LayerArithmetic, t: Translate, format: ArithmeticFormat): string {
  const extras = (bias: number, alpha: number) =>
    [
      bias ? t('model.arithmetic.bias', { bias: format.count(bias) }) : '',
      alpha ? t('model.arithmetic.alpha', { alpha: format.count(alpha) }) : '',
    ].join('');
  switch (explain.kind) {
    case 'dense':
      return t('model.arithmetic.dense', {
        inputs: format.count(explain.inputs),
        units: format.count(explain.units),
        extras: extras(explain.bias, explain.alpha),
        params: format.count(explain.params),
      });
    case 'conv':
      return t('model.arithmetic.conv', {
        height: axisText(explain.height, t),
        width: axisText(explain.width, t),
        weights: `${explain.kernel[0]}×${explain.kernel[1]}×${explain.channels}×${explain.filters}`,
        extras: extras(explain.bias, explain.alpha),
        params: format.count(explain.params),
      });
    case 'pool':
      return t('model.arithmetic.pool', { height: axisText(explain.height, t), width: axisText(explain.width, t) });
    case 'flatten':
      return t('model.arithmetic.flatten', { shape: explain.input.join('×'), size: format.count(explain.size) });
    case 'dropout':
      return t('model.arithmetic.dropout', { rate: format.percent(explain.rate) });
    case 'batchNorm':
      return t('model.arithmetic.batchNorm', { channels: format.count(explain.channels), params: format.count(4 * explain.channels) });
    default:
      return assertNever(explain);
  }
}

function axisText(axis: AxisArithmetic, t: Translate): string {
  if (axis.padding === 'same') return t('model.arithmetic.same', { n: axis.n, s: axis.s, size: axis.size, perSide: axis.perSide });
  const window =
    axis.dilation > 1 ? t('model.arithmetic.dilated', { f: axis.f, kernel: axis.kernel, dilation: axis.dilation }) : String(axis.f);
  return t('model.arithmetic.valid', { n: axis.n, f: window, s: axis.s, size: axis.size });
}
