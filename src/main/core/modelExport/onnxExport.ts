import type { PreprocessingFile } from '../inference/preprocessingFile';
import { encodeOnnxModel, ONNX_FLOAT, type OnnxNode, type OnnxTensor } from './onnxProto';
import type { PortableLayer, PortableModel } from './portableModel';

/**
 * The portable model as one ONNX graph (opset 13). Names and layout, as the export's README documents them:
 * - input `input`: float32 [batch, ...sampleShape] in TensorFlow's layout, i.e. [batch, features] or
 *   [batch, height, width, channels] (NHWC), holding the features *before* scaling (HOG vector, pixels / 255,
 *   or the table's columns): the run's scaler is folded in as the first `Sub` and `Div` nodes;
 * - images are transposed to NCHW once after scaling (ONNX's Conv, pooling and BatchNormalization work on NCHW)
 *   and back to NHWC right before `Flatten`, so the flattened order is TensorFlow's and the dense weights apply
 *   unchanged;
 * - output `output`: float32 [batch, outputs], the last layer's values (class probabilities for softmax);
 * - dropout is left out (it is the identity at inference), the step function is `Greater(x, 0)` cast to float.
 */

export const ONNX_OPSET = 13;
export const ONNX_INPUT = 'input';
export const ONNX_OUTPUT = 'output';

type Layout = 'vector' | 'nhwc' | 'nchw';

class GraphBuilder {
  readonly nodes: OnnxNode[] = [];
  readonly initializers: OnnxTensor[] = [];
  private count = 0;

  constant(name: string, dims: readonly number[], floats: Float32Array): string {
    this.initializers.push({ name, dims, floats });
    return name;
  }

  node(opType: string, name: string, inputs: readonly string[], attributes: OnnxNode['attributes'] = []): string {
    const output = `${name}:${opType}${this.count++}`;
    this.nodes.push({ opType, name: `${name}/${opType}`, inputs, outputs: [output], attributes });
    return output;
  }
}

/** tfjs conv kernel [kh, kw, in, out] -> ONNX/PyTorch weight [out, in, kh, kw]. */
export function convWeightOIHW(kernel: Float32Array, kh: number, kw: number, cin: number, cout: number): Float32Array {
  const out = new Float32Array(kernel.length);
  for (let y = 0; y < kh; y++)
    for (let x = 0; x < kw; x++)
      for (let i = 0; i < cin; i++)
        for (let o = 0; o < cout; o++) out[((o * cin + i) * kh + y) * kw + x] = kernel[((y * kw + x) * cin + i) * cout + o];
  return out;
}

function padsAttribute(pads: { top: number; bottom: number; left: number; right: number }) {
  // ONNX: [x1_begin, x2_begin, x1_end, x2_end] over the spatial axes (height, width).
  return { name: 'pads', kind: 'ints', value: [pads.top, pads.left, pads.bottom, pads.right] } as const;
}

function addLayer(g: GraphBuilder, layer: PortableLayer, x: string, layout: Layout): { x: string; layout: Layout } {
  const name = layer.name;
  switch (layer.kind) {
    case 'dense': {
      const kernel = g.constant(`${name}.kernel`, [layer.inputShape[0], layer.units], layer.kernel);
      const inputs = layer.bias ? [x, kernel, g.constant(`${name}.bias`, [layer.units], layer.bias)] : [x, kernel];
      return { x: g.node('Gemm', name, inputs), layout };
    }
    case 'conv2d': {
      const [kh, kw] = layer.kernelSize;
      const cin = layer.inputShape[2] ?? 1;
      const weight = g.constant(`${name}.weight`, [layer.filters, cin, kh, kw], convWeightOIHW(layer.kernel, kh, kw, cin, layer.filters));
      const inputs = layer.bias ? [x, weight, g.constant(`${name}.bias`, [layer.filters], layer.bias)] : [x, weight];
      const y = g.node('Conv', name, inputs, [
        { name: 'kernel_shape', kind: 'ints', value: layer.kernelSize },
        { name: 'strides', kind: 'ints', value: layer.strides },
        { name: 'dilations', kind: 'ints', value: layer.dilation },
        padsAttribute(layer.pads),
      ]);
      return { x: y, layout };
    }
    case 'pool': {
      const attributes = [
        { name: 'kernel_shape', kind: 'ints', value: layer.poolSize } as const,
        { name: 'strides', kind: 'ints', value: layer.strides } as const,
        padsAttribute(layer.pads),
      ];
      // TensorFlow averages over the window's pixels inside the image only, as count_include_pad = 0 does.
      if (layer.op === 'avg')
        return { x: g.node('AveragePool', name, [x], [...attributes, { name: 'count_include_pad', kind: 'int', value: 0 }]), layout };
      return { x: g.node('MaxPool', name, [x], attributes), layout };
    }
    case 'flatten': {
      if (layout === 'vector') return { x, layout };
      const nhwc = layout === 'nchw' ? g.node('Transpose', name, [x], [{ name: 'perm', kind: 'ints', value: [0, 2, 3, 1] }]) : x;
      return { x: g.node('Flatten', name, [nhwc], [{ name: 'axis', kind: 'int', value: 1 }]), layout: 'vector' };
    }
    case 'dropout':
      return { x, layout };
    case 'batchNorm': {
      const c = [layer.gamma.length];
      const inputs = [
        x,
        g.constant(`${name}.gamma`, c, layer.gamma),
        g.constant(`${name}.beta`, c, layer.beta),
        g.constant(`${name}.mean`, c, layer.mean),
        g.constant(`${name}.variance`, c, layer.variance),
      ];
      return { x: g.node('BatchNormalization', name, inputs, [{ name: 'epsilon', kind: 'float', value: layer.epsilon }]), layout };
    }
    case 'prelu': {
      // The slope broadcasts from the right: [C, 1, 1] against NCHW, [features] against [batch, features].
      const dims = layout === 'nchw' ? [layer.alpha.length, 1, 1] : [layer.alpha.length];
      return { x: g.node('PRelu', name, [x, g.constant(`${name}.alpha`, dims, layer.alpha)]), layout };
    }
    case 'activation':
      switch (layer.fn) {
        case 'sigmoid':
          return { x: g.node('Sigmoid', name, [x]), layout };
        case 'tanh':
          return { x: g.node('Tanh', name, [x]), layout };
        case 'relu':
          return { x: g.node('Relu', name, [x]), layout };
        case 'softplus':
          return { x: g.node('Softplus', name, [x]), layout };
        case 'softmax':
          // Over the last axis (opset 13's default), the classes of [batch, classes].
          return { x: g.node('Softmax', name, [x], [{ name: 'axis', kind: 'int', value: -1 }]), layout };
        case 'arctan':
          return { x: g.node('Atan', name, [x]), layout };
        case 'leakyRelu':
          return { x: g.node('LeakyRelu', name, [x], [{ name: 'alpha', kind: 'float', value: layer.alpha }]), layout };
        case 'elu':
          return { x: g.node('Elu', name, [x], [{ name: 'alpha', kind: 'float', value: layer.alpha }]), layout };
        case 'step': {
          const positive = g.node('Greater', name, [x, g.constant(`${name}.zero`, [], new Float32Array([0]))]);
          return { x: g.node('Cast', name, [positive], [{ name: 'to', kind: 'int', value: ONNX_FLOAT }]), layout };
        }
      }
  }
}

/** How the scaler was folded in, for the README: "Sub mean, Div std", "Sub min, Div range" or none. */
export function foldedScaler(preprocessing: Pick<PreprocessingFile, 'scaler'>): 'standard' | 'minmax' | null {
  return preprocessing.scaler?.kind ?? null;
}

export function onnxModelBytes(
  portable: PortableModel,
  preprocessing: Pick<PreprocessingFile, 'scaler' | 'classes'>,
  version: string,
): Uint8Array {
  const g = new GraphBuilder();
  let x = ONNX_INPUT;
  let layout: Layout = portable.inputShape.length === 3 ? 'nhwc' : 'vector';
  const { scaler } = preprocessing;
  if (scaler) {
    const offset = Float32Array.from(scaler.kind === 'standard' ? scaler.mean : scaler.min);
    const divisor = Float32Array.from(scaler.kind === 'standard' ? scaler.std : scaler.range);
    x = g.node('Sub', 'scaler', [x, g.constant(`scaler.${scaler.kind === 'standard' ? 'mean' : 'min'}`, portable.inputShape, offset)]);
    x = g.node('Div', 'scaler', [x, g.constant(`scaler.${scaler.kind === 'standard' ? 'std' : 'range'}`, portable.inputShape, divisor)]);
  }
  if (layout === 'nhwc') {
    x = g.node('Transpose', 'to_nchw', [x], [{ name: 'perm', kind: 'ints', value: [0, 3, 1, 2] }]);
    layout = 'nchw';
  }
  for (const layer of portable.layers) ({ x, layout } = addLayer(g, layer, x, layout));
  if (layout === 'nchw') x = g.node('Transpose', 'to_nhwc', [x], [{ name: 'perm', kind: 'ints', value: [0, 2, 3, 1] }]);
  // The graph's output must have the declared name: the last node writes it.
  const last = g.nodes[g.nodes.length - 1];
  if (last && last.outputs[0] === x) g.nodes[g.nodes.length - 1] = { ...last, outputs: [ONNX_OUTPUT] };
  else g.nodes.push({ opType: 'Identity', name: 'output/Identity', inputs: [x], outputs: [ONNX_OUTPUT] });
  return encodeOnnxModel({
    opsetVersion: ONNX_OPSET,
    producerVersion: version,
    graphName: 'sinapsis',
    docString: `Exported by Sinapsis ${version}. Input: the features before scaling; the scaler is the first Sub/Div nodes. Output: the last layer's values.`,
    nodes: g.nodes,
    initializers: g.initializers,
    inputs: [{ name: ONNX_INPUT, dims: ['batch', ...portable.inputShape] }],
    outputs: [{ name: ONNX_OUTPUT, dims: ['batch', ...portable.outputShape] }],
    metadata: { classes: JSON.stringify(preprocessing.classes) },
  });
}
