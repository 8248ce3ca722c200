import type { HogParams } from '../contract/features';

/** How a HOG lays out over an image: whole cells only, then every position of a block of cells (blocks overlap). */
export interface HogGeometry {
  cellRows: number;
  cellColumns: number;
  blockRows: number;
  blockColumns: number;
  /** Numbers per block: cellsPerBlock[0] x cellsPerBlock[1] x orientations. */
  perBlock: number;
  length: number;
  /** Bottom rows and right columns that fill no whole cell; skimage ignores them. */
  unusedRows: number;
  unusedColumns: number;
}

type GeometryParams = Pick<HogParams, 'orientations' | 'pixelsPerCell' | 'cellsPerBlock'>;

/**
 * The geometry of skimage's HOG for an image of `height` x `width` pixels. Block counts are zero (and
 * `length` 0) when the image is smaller than one block; callers report that as an error.
 */
export function hogGeometry(height: number, width: number, params: GeometryParams): HogGeometry {
  const [cellHeight, cellWidth] = params.pixelsPerCell;
  const [blockHeight, blockWidth] = params.cellsPerBlock;
  const cellRows = Math.floor(height / cellHeight);
  const cellColumns = Math.floor(width / cellWidth);
  const blockRows = Math.max(0, cellRows - blockHeight + 1);
  const blockColumns = Math.max(0, cellColumns - blockWidth + 1);
  const perBlock = blockHeight * blockWidth * params.orientations;
  return {
    cellRows,
    cellColumns,
    blockRows,
    blockColumns,
    perBlock,
    length: blockRows * blockColumns * perBlock,
    unusedRows: height - cellRows * cellHeight,
    unusedColumns: width - cellColumns * cellWidth,
  };
}

/** Length of the HOG vector: e.g. 24x12 pixels, 4x4 cells, 2x2 blocks, 8 bins -> 5 x 2 blocks x 32 = 320. */
export function hogLength(height: number, width: number, params: GeometryParams): number {
  return hogGeometry(height, width, params).length;
}

/** The smallest image (rows, columns) that holds one block: cellsPerBlock x pixelsPerCell. */
export function minimumHogSize(params: GeometryParams): { height: number; width: number } {
  return { height: params.cellsPerBlock[0] * params.pixelsPerCell[0], width: params.cellsPerBlock[1] * params.pixelsPerCell[1] };
}
