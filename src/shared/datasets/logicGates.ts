import type { TabularData } from './tabularData';

/** 0/1 as in digital logic, or -1/1 as the perceptron exercises use (a zero input would not move the weights). */
export type GateEncoding = 'binary' | 'bipolar';
export type GateName = 'xor' | 'and' | 'or';

const truth: Record<GateName, (a: boolean, b: boolean) => boolean> = {
  xor: (a, b) => a !== b,
  and: (a, b) => a && b,
  or: (a, b) => a || b,
};

/**
 * The four rows of a two-input gate's truth table. Inputs use the encoding's values; `targets` are class
 * indices (0 = false, 1 = true) and `classNames` show the encoded output value ("0"/"1" or "-1"/"1").
 */
export function logicGate(gate: GateName, encoding: GateEncoding = 'binary'): TabularData {
  const low = encoding === 'binary' ? 0 : -1;
  const features: number[][] = [];
  const targets: number[] = [];
  for (const a of [false, true]) {
    for (const b of [false, true]) {
      features.push([a ? 1 : low, b ? 1 : low]);
      targets.push(truth[gate](a, b) ? 1 : 0);
    }
  }
  return {
    name: gate.toUpperCase(),
    featureNames: ['x1', 'x2'],
    features,
    targets,
    task: 'classification',
    classNames: [String(low), '1'],
  };
}
