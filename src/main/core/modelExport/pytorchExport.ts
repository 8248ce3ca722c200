import { encodeNpz, type NpyArray } from './npz';
import { convWeightOIHW } from './onnxExport';
import type { Pads, PortableLayer, PortableModel } from './portableModel';

/**
 * The portable model as PyTorch: `model.py` (an `nn.Sequential` with the same layers in the same order, written
 * out as code a student can read and change) and `weights.npz` (the state dict as plain NumPy arrays).
 * PyTorch's layout differs from TensorFlow's, so the weights are rearranged here, once:
 * - images are NCHW ([batch, channels, height, width]); conv kernels [out, in, kh, kw];
 * - `nn.Linear` stores [out, in], the transpose of a tfjs dense kernel;
 * - 'same' padding is written out: symmetric as the layer's `padding`, asymmetric (the extra pixel at the
 *   bottom/right, as TensorFlow pads) as a separate pad layer;
 * - Flatten of an image first moves the channels last (`FlattenHWC`), the order the next dense layer was trained on.
 * It runs on PyTorch 1.13 (Debian 12) and newer.
 */

function pyTuple(values: readonly number[]): string {
  return `(${values.join(', ')})`;
}

function pyFloat(value: number): string {
  // repr-style: enough digits to give back the same float32.
  const text = String(Math.fround(value));
  return /[.eE]/.test(text) ? text : `${text}.0`;
}

const symmetric = (p: Pads): boolean => p.top === p.bottom && p.left === p.right;
const anyPad = (p: Pads): boolean => p.top + p.bottom + p.left + p.right > 0;
/** F.pad / nn.ZeroPad2d order: (left, right, top, bottom). */
const padOrder = (p: Pads): number[] => [p.left, p.right, p.top, p.bottom];

interface Module {
  name: string;
  code: string;
}

function transpose2d(kernel: Float32Array, rows: number, columns: number): Float32Array {
  const out = new Float32Array(kernel.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) out[c * rows + r] = kernel[r * columns + c];
  return out;
}

function modulesOf(layer: PortableLayer, state: Record<string, NpyArray>): Module[] {
  const name = layer.name;
  const image = layer.inputShape.length === 3;
  switch (layer.kind) {
    case 'dense': {
      const inputs = layer.inputShape[0];
      state[`${name}.weight`] = { shape: [layer.units, inputs], data: transpose2d(layer.kernel, inputs, layer.units) };
      if (layer.bias) state[`${name}.bias`] = { shape: [layer.units], data: layer.bias };
      return [{ name, code: `nn.Linear(${inputs}, ${layer.units}, bias=${layer.bias ? 'True' : 'False'})` }];
    }
    case 'conv2d': {
      const [kh, kw] = layer.kernelSize;
      const cin = layer.inputShape[2] ?? 1;
      state[`${name}.weight`] = { shape: [layer.filters, cin, kh, kw], data: convWeightOIHW(layer.kernel, kh, kw, cin, layer.filters) };
      if (layer.bias) state[`${name}.bias`] = { shape: [layer.filters], data: layer.bias };
      const inside = symmetric(layer.pads) ? [layer.pads.top, layer.pads.left] : [0, 0];
      const conv = `nn.Conv2d(${cin}, ${layer.filters}, kernel_size=${pyTuple(layer.kernelSize)}, stride=${pyTuple(layer.strides)}, padding=${pyTuple(inside)}, dilation=${pyTuple(layer.dilation)}, bias=${layer.bias ? 'True' : 'False'})`;
      const pad = symmetric(layer.pads) ? [] : [{ name: `${name}_pad`, code: `nn.ZeroPad2d(${pyTuple(padOrder(layer.pads))})` }];
      return [...pad, { name, code: conv }];
    }
    case 'pool': {
      const k = pyTuple(layer.poolSize);
      const s = pyTuple(layer.strides);
      if (layer.op === 'avg') {
        if (!anyPad(layer.pads)) return [{ name, code: `nn.AvgPool2d(${k}, stride=${s})` }];
        return [{ name, code: `AvgPoolSame(${k}, stride=${s}, pads=${pyTuple(padOrder(layer.pads))})` }];
      }
      if (!anyPad(layer.pads)) return [{ name, code: `nn.MaxPool2d(${k}, stride=${s})` }];
      // Padding with -inf never wins a max, as TensorFlow's 'same' max pooling ignores the padding.
      return [
        { name: `${name}_pad`, code: `nn.ConstantPad2d(${pyTuple(padOrder(layer.pads))}, float("-inf"))` },
        { name, code: `nn.MaxPool2d(${k}, stride=${s})` },
      ];
    }
    case 'flatten':
      return [{ name, code: image ? 'FlattenHWC()' : 'nn.Flatten()' }];
    case 'dropout':
      return [{ name, code: `nn.Dropout(p=${pyFloat(layer.rate)})` }];
    case 'batchNorm': {
      const c = layer.gamma.length;
      state[`${name}.weight`] = { shape: [c], data: layer.gamma };
      state[`${name}.bias`] = { shape: [c], data: layer.beta };
      state[`${name}.running_mean`] = { shape: [c], data: layer.mean };
      state[`${name}.running_var`] = { shape: [c], data: layer.variance };
      state[`${name}.num_batches_tracked`] = { shape: [], data: new BigInt64Array([0n]) };
      return [{ name, code: `nn.BatchNorm${image ? '2d' : '1d'}(${c}, eps=${pyFloat(layer.epsilon)})` }];
    }
    case 'prelu':
      state[`${name}.weight`] = { shape: [layer.alpha.length], data: layer.alpha };
      return [{ name, code: `nn.PReLU(num_parameters=${layer.alpha.length})` }];
    case 'activation':
      switch (layer.fn) {
        case 'sigmoid':
          return [{ name, code: 'nn.Sigmoid()' }];
        case 'tanh':
          return [{ name, code: 'nn.Tanh()' }];
        case 'relu':
          return [{ name, code: 'nn.ReLU()' }];
        case 'softplus':
          return [{ name, code: 'nn.Softplus()' }];
        case 'softmax':
          return [{ name, code: 'nn.Softmax(dim=1)' }];
        case 'arctan':
          return [{ name, code: 'Arctan()' }];
        case 'step':
          return [{ name, code: 'Step()' }];
        case 'leakyRelu':
          return [{ name, code: `nn.LeakyReLU(negative_slope=${pyFloat(layer.alpha)})` }];
        case 'elu':
          return [{ name, code: `nn.ELU(alpha=${pyFloat(layer.alpha)})` }];
      }
  }
}

const HELPERS = `class Arctan(nn.Module):
    """f(x) = arctan(x), the lecture's activation (no nn module for it)."""

    def forward(self, x):
        return torch.atan(x)


class Step(nn.Module):
    """The perceptron's step function: 1 where x > 0, else 0 (as TensorFlow's tf.step)."""

    def forward(self, x):
        return (x > 0).to(x.dtype)


class FlattenHWC(nn.Module):
    """Flattens [batch, C, H, W] in TensorFlow's order (height, width, channel): the order the dense weights after it were trained on."""

    def forward(self, x):
        return x.permute(0, 2, 3, 1).flatten(1)


class AvgPoolSame(nn.Module):
    """Average pooling with TensorFlow's 'same' padding: the mean over the window's pixels inside the image only."""

    def __init__(self, kernel_size, stride, pads):
        super().__init__()
        self.kernel_size, self.stride, self.pads = kernel_size, stride, pads

    def forward(self, x):
        total = F.avg_pool2d(F.pad(x, self.pads), self.kernel_size, self.stride)
        inside = F.avg_pool2d(F.pad(torch.ones_like(x[:, :1]), self.pads), self.kernel_size, self.stride)
        return total / inside
`;

export interface PytorchFiles {
  modelPy: string;
  weightsNpz: Uint8Array;
}

export function pytorchFiles(portable: PortableModel, about: { runId: string; version: string }): PytorchFiles {
  const state: Record<string, NpyArray> = {};
  const modules = portable.layers.flatMap((layer) => modulesOf(layer, state));
  const image = portable.inputShape.length === 3;
  const [h, w, c] = portable.inputShape;
  const inputShape: readonly number[] = c === undefined ? portable.inputShape : [c, h, w ?? 1];
  const modelPy = `"""Sinapsis run ${about.runId} as a PyTorch module (written by Sinapsis ${about.version}).

    from model import load_model
    model = load_model()            # nn.Sequential in eval mode, weights from weights.npz
    output = model(x)               # x: float32 tensor [batch, ${inputShape.join(', ')}]${image ? ' (NCHW)' : ''}

The input is the features after the run's scaler (predict.py computes them from an image or a row).
"""
from collections import OrderedDict
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

# One sample's shape as the model takes it: ${image ? '(channels, height, width)' : '(features,)'}.
INPUT_SHAPE = ${inputShape.length === 1 ? `(${inputShape[0]},)` : pyTuple(inputShape)}


${HELPERS}

def build_model():
    """The network with untrained weights: the same layers, in the same order, as in Sinapsis."""
    return nn.Sequential(
        OrderedDict(
            [
${modules.map((m) => `                ("${m.name}", ${m.code}),`).join('\n')}
            ]
        )
    )


def load_model(weights=Path(__file__).with_name("weights.npz")):
    """The trained network, in eval mode (dropout off, batch norm with its moving averages)."""
    model = build_model()
    with np.load(weights, allow_pickle=False) as arrays:
        state = {name: torch.from_numpy(arrays[name]) for name in arrays.files}
    model.load_state_dict(state)
    return model.eval()
`;
  return { modelPy, weightsNpz: encodeNpz(state) };
}
