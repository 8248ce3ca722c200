#!/usr/bin/python3
"""Regenerates src/main/core/features/fixtures/skimage-extra.json with Debian's python3-skimage and
python3-opencv (apt-get install python3-skimage python3-opencv), so that every reference number in the HOG,
resize and grayscale tests comes from the real libraries, never from hand-copied values.

Complements ../shared/fixtures/hog-skimage.json with the cases it lacks: HOG pictures (visualize=True),
odd cell shapes, colour + transform_sqrt, and resize cases that hit OpenCV's other code paths (exact 2x and 3x
area shrink, upscaling, wide rows that use SIMD lanes, colour).

Run: /usr/bin/python3 scripts/generate-hog-fixtures.py
"""
import json
import os

import cv2
import numpy as np
import skimage
from skimage.feature import hog

rng = np.random.default_rng(20240601)
OUT = os.path.join(os.path.dirname(__file__), '..', 'src', 'main', 'core', 'features', 'fixtures', 'skimage-extra.json')


def smooth(h, w, channels=None):
    y, x = np.mgrid[0:h, 0:w]
    base = 127 + 60 * np.sin(x / 3.1) + 50 * np.cos(y / 4.3) + rng.normal(0, 8, (h, w))
    if channels:
        return np.clip(np.stack([base, base[::-1, :] * 0.8 + 30, base[:, ::-1] * 0.6 + 60], axis=-1), 0, 255).astype(np.uint8)
    return np.clip(base, 0, 255).astype(np.uint8)


def random_image(h, w, channels=None):
    shape = (h, w, channels) if channels else (h, w)
    return rng.integers(0, 256, shape, dtype=np.uint8)


def hog_case(name, image, orientations, ppc, cpb, norm, sqrt=False, color=False, picture=False):
    params = dict(orientations=orientations, pixels_per_cell=ppc, cells_per_block=cpb, block_norm=norm,
                  transform_sqrt=sqrt, feature_vector=True, channel_axis=-1 if color else None)
    case = {
        'name': name,
        'shape': list(image.shape),
        'pixels': image.ravel().tolist(),
        'params': {'orientations': orientations, 'pixelsPerCell': list(ppc), 'cellsPerBlock': list(cpb),
                   'blockNorm': norm, 'transformSqrt': sqrt, 'channelAxis': -1 if color else None},
    }
    if picture:
        vector, picture_image = hog(image, visualize=True, **params)
        case['picture'] = picture_image.ravel().tolist()
    else:
        vector = hog(image, **params)
    case['expected'] = vector.tolist()
    return case


def resize_case(name, image, target_hw):
    th, tw = target_hw
    return {
        'name': name,
        'shape': list(image.shape),
        'pixels': image.ravel().tolist(),
        'target': [th, tw],
        'linear': cv2.resize(image, (tw, th), interpolation=cv2.INTER_LINEAR).ravel().tolist(),
        'area': cv2.resize(image, (tw, th), interpolation=cv2.INTER_AREA).ravel().tolist(),
    }


hog_cases = [
    hog_case('picture_lab_24x12', smooth(24, 12), 8, (4, 4), (2, 2), 'L2-Hys', picture=True),
    hog_case('picture_64x48_o9_c8', smooth(64, 48), 9, (8, 8), (2, 2), 'L2-Hys', picture=True),
    hog_case('picture_rect_30x21_c6x5', random_image(30, 21), 6, (6, 5), (2, 1), 'L1', picture=True),
    hog_case('picture_cell2_10x10', random_image(10, 10), 4, (2, 2), (1, 1), 'L2', picture=True),
    hog_case('odd_cells_31x29_c5x3_b3x2', smooth(31, 29), 7, (5, 3), (3, 2), 'L2-Hys'),
    hog_case('cell1_6x5_o3', random_image(6, 5), 3, (1, 1), (2, 2), 'L1-sqrt'),
    hog_case('rgb_sqrt_40x36_L1', smooth(40, 36, 3), 9, (6, 6), (2, 2), 'L1', sqrt=True, color=True),
    hog_case('rgb_random_16x20_L2', random_image(16, 20, 3), 12, (4, 5), (2, 2), 'L2', color=True),
    hog_case('rgb_equal_channels_16x16', np.repeat(random_image(16, 16)[:, :, None], 3, axis=2), 9, (4, 4), (2, 2), 'L2-Hys', color=True),
    hog_case('pedestrian_128x64', smooth(128, 64), 9, (8, 8), (2, 2), 'L2-Hys'),
    hog_case('one_block_exact_8x8', random_image(8, 8), 9, (4, 4), (2, 2), 'L2-Hys'),
]

resize_cases = [
    resize_case('down_gray_100x60', random_image(100, 60), (24, 12)),
    resize_case('exact_half_48x24', random_image(48, 24), (24, 12)),
    resize_case('exact_third_72x36', random_image(72, 36), (24, 12)),
    resize_case('up_gray_10x7', random_image(10, 7), (24, 12)),
    resize_case('mixed_20x30', smooth(20, 30), (24, 12)),
    resize_case('wide_rows_57x83_to_41x70', random_image(57, 83), (41, 70)),
    resize_case('rgb_45x33', random_image(45, 33, 3), (24, 12)),
    resize_case('rgb_up_9x11_to_30x37', random_image(9, 11, 3), (30, 37)),
    resize_case('same_size_24x12', random_image(24, 12), (24, 12)),
    resize_case('smooth_large_240x160', smooth(240, 160), (24, 12)),
]

# 4096 pixels: OpenCV rounds a few hundredths of a percent of colours differently from a 14-bit formula, so a
# small sample can miss a wrong one.
gray_rgb = random_image(64, 64, 3)
fixture = {
    'generator': f'scripts/generate-hog-fixtures.py with scikit-image {skimage.__version__}, OpenCV {cv2.__version__}',
    'hog': hog_cases,
    'resize': resize_cases,
    'rgb2gray': {'shape': list(gray_rgb.shape), 'rgb': gray_rgb.ravel().tolist(),
                 'gray': cv2.cvtColor(gray_rgb, cv2.COLOR_RGB2GRAY).ravel().tolist()},
}
with open(OUT, 'w') as f:
    json.dump(fixture, f, separators=(',', ':'))
print(f'wrote {os.path.normpath(OUT)}: {len(hog_cases)} HOG, {len(resize_cases)} resize cases')
