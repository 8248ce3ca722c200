import { computed, shallowRef, watch, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { type Matrix, zeros } from '../../../shared/didactic/convolution';
import {
  type ChainInput,
  type ChainLayer,
  type ConvChain,
  addChainFilter,
  addChainLayer,
  applyChainPreset,
  classChain,
  moveChainLayer,
  parseConvChain,
  removeChainFilter,
  removeChainLayer,
  runChain,
  serializeConvChain,
  setChainBias,
  setChainInput,
  setChainLayerOptions,
  setChainWeight,
} from '../../../shared/didactic/convolutionChain';
import type { PresetFilterName } from '../../../shared/didactic/convolution';
import { offerDownload } from './useDownload';
import { useErrorMessage } from './useErrorMessage';
import { decodeImageFileWithin } from './useFeatures';

/** Where the student's chain is kept in this browser (or Electron window), so a reload does not lose it. */
export const CHAIN_STORAGE_KEY = 'sinapsis.labs.convolutionChain';
/**
 * Pictures are shrunk to at most this many pixels per side: every map of every layer is recomputed and drawn at each
 * keystroke, and a few maps of 160 x 160 stay instant while the details of a photo still show.
 */
export const MAX_CHAIN_PICTURE_SIDE = 160;

/** The student's own picture, as decoded: grey or colour channels in 0..255. */
export interface ChainPicture {
  name: string;
  grey: Matrix;
  rgb: Matrix[];
  /** The file's size before shrinking (equal to the matrices' when it was small enough). */
  sourceWidth: number;
  sourceHeight: number;
}
export type ChainSource = 'matrix' | 'picture';

function storedChain(): { chain: ConvChain; unreadable: boolean } {
  const text = globalThis.localStorage?.getItem(CHAIN_STORAGE_KEY);
  if (!text) return { chain: classChain(), unreadable: false };
  try {
    return { chain: parseConvChain(text), unreadable: false };
  } catch {
    // A chain saved by another version, or edited by hand: start again from the class's and say so.
    return { chain: classChain(), unreadable: true };
  }
}

/** Grey (BT.601 luma, as the rest of the app) and RGB planes of a decoded picture. */
function picturePlanes(image: { width: number; height: number; channels: 1 | 3; data: number[] }): { grey: Matrix; rgb: Matrix[] } {
  const { width, height, channels, data } = image;
  const rgb = [0, 1, 2].map(() => zeros(height, width));
  const grey = zeros(height, width);
  for (let p = 0; p < width * height; p++) {
    for (let c = 0; c < 3; c++) rgb[c].values[p] = data[p * channels + (channels === 3 ? c : 0)];
    grey.values[p] = channels === 3 ? 0.299 * rgb[0].values[p] + 0.587 * rgb[1].values[p] + 0.114 * rgb[2].values[p] : rgb[0].values[p];
  }
  return { grey, rgb };
}

/**
 * The convolution explorer's chain of layers: the chain itself (kept in the browser's storage as it changes), its
 * edits, the input (the lab's matrix or the student's picture) and the chain run on it, plus JSON export/import.
 */
export function useConvolutionChain(matrix: Ref<Matrix>) {
  const { t } = useI18n();
  const describe = useErrorMessage();
  const initial = storedChain();
  const chain = shallowRef<ConvChain>(initial.chain);
  const notice = shallowRef<string>(initial.unreadable ? t('labs.chain.storedUnreadable') : '');
  const importError = shallowRef('');
  const source = shallowRef<ChainSource>('matrix');
  const picture = shallowRef<ChainPicture | null>(null);
  const pictureError = shallowRef('');

  watch(chain, (now) => {
    try {
      globalThis.localStorage?.setItem(CHAIN_STORAGE_KEY, serializeConvChain(now));
    } catch {
      notice.value = t('labs.chain.notKept');
    }
  });

  const input = computed<Matrix[]>(() => {
    const own = source.value === 'picture' ? picture.value : null;
    if (chain.value.input === 'rgb') return own ? own.rgb : [matrix.value, matrix.value, matrix.value];
    return [own ? own.grey : matrix.value];
  });
  const run = computed(() => runChain(chain.value, input.value));

  const edit = {
    setInput: (value: ChainInput) => (chain.value = setChainInput(chain.value, value)),
    addLayer: () => (chain.value = addChainLayer(chain.value)),
    removeLayer: (layer: number) => (chain.value = removeChainLayer(chain.value, layer)),
    moveLayer: (layer: number, delta: -1 | 1) => (chain.value = moveChainLayer(chain.value, layer, delta)),
    setOptions: (layer: number, options: Partial<Pick<ChainLayer, 'kernelSize' | 'stride' | 'padding' | 'activation' | 'pool'>>) =>
      (chain.value = setChainLayerOptions(chain.value, layer, options)),
    addFilter: (layer: number) => (chain.value = addChainFilter(chain.value, layer)),
    removeFilter: (layer: number, filter: number) => (chain.value = removeChainFilter(chain.value, layer, filter)),
    setBias: (layer: number, filter: number, bias: number) => (chain.value = setChainBias(chain.value, layer, filter, bias)),
    setWeight: (layer: number, filter: number, slice: number, index: number, value: number) =>
      (chain.value = setChainWeight(chain.value, layer, filter, slice, index, value)),
    applyPreset: (layer: number, filter: number, slice: number, name: PresetFilterName) =>
      (chain.value = applyChainPreset(chain.value, layer, filter, slice, name)),
    loadClassChain: () => ((chain.value = classChain()), (notice.value = '')),
  };

  function exportChain(): void {
    offerDownload('cadena-de-convoluciones.json', serializeConvChain(chain.value), 'application/json');
  }

  async function importChain(file: File): Promise<void> {
    importError.value = '';
    try {
      chain.value = parseConvChain(await file.text());
      notice.value = '';
    } catch (error) {
      importError.value = t('labs.chain.importError', { name: file.name, reason: describe(error) });
    }
  }

  async function openPicture(file: File): Promise<void> {
    pictureError.value = '';
    try {
      const { image, sourceWidth, sourceHeight } = await decodeImageFileWithin(file, MAX_CHAIN_PICTURE_SIDE);
      picture.value = { name: file.name, ...picturePlanes(image), sourceWidth, sourceHeight };
      source.value = 'picture';
    } catch {
      pictureError.value = t('labs.chain.pictureError', { name: file.name });
    }
  }

  return { chain, run, input, source, picture, pictureError, notice, importError, edit, exportChain, importChain, openPicture };
}
