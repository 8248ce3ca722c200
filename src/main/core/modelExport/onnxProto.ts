/**
 * The few messages of onnx.proto (ONNX's protobuf schema) an exported model needs, encoded by hand. The wire
 * format is small: every field is a key (field number << 3 | wire type) followed by a varint (type 0), or a
 * length and bytes (type 2, used for strings, bytes, sub-messages and packed numbers), or 4 bytes (type 5,
 * float). Writing these ~40 lines avoids a protobuf library plus a copy of the schema for five message types.
 * Field numbers are onnx.proto's (IR version 8); `onnx.checker.check_model` and ONNX Runtime read the result.
 */

class Writer {
  private chunks: Uint8Array[] = [];
  private length = 0;

  private push(bytes: Uint8Array): void {
    this.chunks.push(bytes);
    this.length += bytes.length;
  }

  varint(value: number | bigint): void {
    let v = BigInt.asUintN(64, BigInt(value));
    const bytes: number[] = [];
    do {
      let byte = Number(v & 0x7fn);
      v >>= 7n;
      if (v > 0n) byte |= 0x80;
      bytes.push(byte);
    } while (v > 0n);
    this.push(Uint8Array.from(bytes));
  }

  key(field: number, wireType: 0 | 2 | 5): void {
    this.varint((field << 3) | wireType);
  }

  int(field: number, value: number): void {
    this.key(field, 0);
    this.varint(value);
  }

  float(field: number, value: number): void {
    this.key(field, 5);
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setFloat32(0, value, true);
    this.push(bytes);
  }

  bytes(field: number, value: Uint8Array): void {
    this.key(field, 2);
    this.varint(value.length);
    this.push(value);
  }

  string(field: number, value: string): void {
    this.bytes(field, new TextEncoder().encode(value));
  }

  message(field: number, write: (w: Writer) => void): void {
    const inner = new Writer();
    write(inner);
    this.bytes(field, inner.finish());
  }

  packedInts(field: number, values: readonly number[]): void {
    const inner = new Writer();
    for (const v of values) inner.varint(v);
    this.bytes(field, inner.finish());
  }

  finish(): Uint8Array {
    const out = new Uint8Array(this.length);
    let offset = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return out;
  }
}

/** TensorProto.DataType */
export const ONNX_FLOAT = 1;
export const ONNX_INT64 = 7;

export interface OnnxTensor {
  name: string;
  dims: readonly number[];
  /** FLOAT data (stored little-endian as raw_data) or INT64 values. */
  floats?: Float32Array;
  int64s?: readonly number[];
}

export type OnnxAttribute =
  | { name: string; kind: 'float'; value: number }
  | { name: string; kind: 'int'; value: number }
  | { name: string; kind: 'ints'; value: readonly number[] }
  | { name: string; kind: 'string'; value: string };

export interface OnnxNode {
  opType: string;
  name: string;
  inputs: readonly string[];
  outputs: readonly string[];
  attributes?: readonly OnnxAttribute[];
}

export interface OnnxValueInfo {
  name: string;
  /** A string is a symbolic dimension (e.g. "batch"). */
  dims: readonly (number | string)[];
  docString?: string;
}

export interface OnnxModel {
  opsetVersion: number;
  producerVersion: string;
  graphName: string;
  docString: string;
  nodes: readonly OnnxNode[];
  initializers: readonly OnnxTensor[];
  inputs: readonly OnnxValueInfo[];
  outputs: readonly OnnxValueInfo[];
  /** Free text shown by Netron and kept with the model (class names, preprocessing). */
  metadata: Record<string, string>;
}

/** IR version 8 goes with opsets up to 17 (ONNX 1.10–1.12), which Debian 12's python3-onnx checks. */
export const ONNX_IR_VERSION = 8;

function writeTensor(w: Writer, tensor: OnnxTensor): void {
  w.packedInts(1, tensor.dims);
  if (tensor.floats) {
    w.int(2, ONNX_FLOAT);
    w.string(8, tensor.name);
    w.bytes(9, new Uint8Array(tensor.floats.buffer, tensor.floats.byteOffset, tensor.floats.byteLength));
  } else {
    w.int(2, ONNX_INT64);
    w.string(8, tensor.name);
    w.packedInts(7, tensor.int64s ?? []);
  }
}

// AttributeProto.AttributeType
const ATTRIBUTE_TYPE = { float: 1, int: 2, string: 3, ints: 7 } as const;

function writeAttribute(w: Writer, attribute: OnnxAttribute): void {
  w.string(1, attribute.name);
  w.int(20, ATTRIBUTE_TYPE[attribute.kind]);
  switch (attribute.kind) {
    case 'float':
      w.float(2, attribute.value);
      break;
    case 'int':
      w.int(3, attribute.value);
      break;
    case 'string':
      w.string(4, attribute.value);
      break;
    case 'ints':
      w.packedInts(8, attribute.value);
      break;
  }
}

function writeValueInfo(w: Writer, info: OnnxValueInfo): void {
  w.string(1, info.name);
  w.message(2, (type) =>
    type.message(1, (tensor) => {
      tensor.int(1, ONNX_FLOAT);
      tensor.message(2, (shape) => {
        for (const dim of info.dims) shape.message(1, (d) => (typeof dim === 'number' ? d.int(1, dim) : d.string(2, dim)));
      });
    }),
  );
  if (info.docString) w.string(3, info.docString);
}

/** ModelProto bytes, what a `.onnx` file holds. */
export function encodeOnnxModel(model: OnnxModel): Uint8Array {
  const w = new Writer();
  w.int(1, ONNX_IR_VERSION);
  w.string(2, 'Sinapsis');
  w.string(3, model.producerVersion);
  w.string(6, model.docString);
  w.message(7, (graph) => {
    for (const node of model.nodes) {
      graph.message(1, (n) => {
        for (const input of node.inputs) n.string(1, input);
        for (const output of node.outputs) n.string(2, output);
        n.string(3, node.name);
        n.string(4, node.opType);
        for (const attribute of node.attributes ?? []) n.message(5, (a) => writeAttribute(a, attribute));
      });
    }
    graph.string(2, model.graphName);
    for (const tensor of model.initializers) graph.message(5, (t) => writeTensor(t, tensor));
    for (const input of model.inputs) graph.message(11, (v) => writeValueInfo(v, input));
    for (const output of model.outputs) graph.message(12, (v) => writeValueInfo(v, output));
  });
  w.message(8, (opset) => {
    opset.string(1, '');
    opset.int(2, model.opsetVersion);
  });
  for (const [key, value] of Object.entries(model.metadata)) {
    w.message(14, (entry) => {
      entry.string(1, key);
      entry.string(2, value);
    });
  }
  return w.finish();
}
