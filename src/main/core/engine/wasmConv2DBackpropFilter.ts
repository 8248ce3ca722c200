/** Placeholder replaced by the engine work: see registerWasmConv2DBackpropFilter in the engine issue. */
export function registerWasmConv2DBackpropFilter(): void {}
