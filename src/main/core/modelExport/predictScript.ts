/**
 * `predict.py` of a PyTorch export: the run's preprocessing in Python, step for step as Sinapsis computes it
 * (core/inference/sampleFeatures.ts), then the model. Everything it needs is read from `preprocessing.json`
 * beside it, so the same script serves every run: HOG with `cv2.resize` and `skimage.feature.hog` with the
 * run's parameters, or grey/RGB pixels brought to the run's size with INTER_AREA (stretched, centre-cropped or
 * letterboxed, as the run's resizeMode says) and divided by 255, or a table's columns; each rounded to
 * float32 as in training; then the scaler (float64, rounded to float32); then the network.
 * Image decoding matches Sinapsis's: 16-bit samples keep their high byte (as cv2.imread), transparency is
 * composited onto white, colour is RGB.
 * Needs Python 3 with NumPy, OpenCV, scikit-image and PyTorch (Debian 12: python3-torch python3-opencv python3-skimage).
 */
export const PREDICT_PY = `"""Classify images (or table rows) with this exported Sinapsis model.

    python3 predict.py image.png other.jpg folder/     # files and folders (searched recursively)
    python3 predict.py --csv rows.csv                  # a table run: one sample per row
    python3 predict.py --json ...                      # one JSON object per sample

Or from a notebook:

    from predict import load_model, image_features, predict_features
    model = load_model()
    probabilities = predict_features(model, image_features("digit.png"))
"""
import argparse
import csv
import json
import sys
from pathlib import Path

import numpy as np
import torch

from model import load_model

HERE = Path(__file__).resolve().parent
PRE = json.loads((HERE / "preprocessing.json").read_text(encoding="utf-8"))
FEATURES = PRE["features"]
DETAILS = FEATURES["details"]
CLASSES = PRE["classes"]
SAMPLE_SHAPE = PRE["sampleShape"]
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".gif", ".pgm", ".ppm", ".pbm", ".pnm"}


def read_image(path):
    """8-bit grey [h, w] or RGB [h, w, 3], as Sinapsis decodes files (alpha composited onto white)."""
    import cv2

    image = cv2.imread(str(path), cv2.IMREAD_UNCHANGED)
    if image is None:
        raise ValueError(f"{path}: not an image OpenCV can read")
    maximum = 65535.0 if image.dtype == np.uint16 else 255.0
    alpha = None
    if image.ndim == 3 and image.shape[2] == 4:
        alpha = image[:, :, 3].astype(np.float64) / maximum
        image = image[:, :, :3]
    if image.dtype == np.uint16:
        image = (image >> 8).astype(np.uint8)
    if image.ndim == 3:
        image = image[:, :, ::-1]  # OpenCV's BGR -> RGB
    if alpha is not None:
        a = alpha if image.ndim == 2 else alpha[:, :, None]
        image = np.where(a == 1, image, np.floor(image * a + 255 * (1 - a) + 0.5)).astype(np.uint8)
    return np.ascontiguousarray(image)


def to_grey(image):
    import cv2

    return image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)


def resize(image, size, interpolation):
    import cv2

    flags = {"linear": cv2.INTER_LINEAR, "area": cv2.INTER_AREA}
    width, height = size
    if image.shape[1] == width and image.shape[0] == height:
        return image
    return cv2.resize(image, (width, height), interpolation=flags[interpolation])


def half_up(x):
    """JavaScript's Math.round for the sizes below (Python's round() rounds halves to even)."""
    return int(np.floor(x + 0.5))


def border_colour(image):
    """The mean colour of the outermost pixels (each counted once), the letterbox's fill."""
    pixels = image if image.ndim == 3 else image[:, :, None]
    height, width = pixels.shape[:2]
    parts = [pixels[0, :]]
    if height > 1:
        parts.append(pixels[height - 1, :])
    if height > 2:
        parts.append(pixels[1 : height - 1, 0])
        if width > 1:
            parts.append(pixels[1 : height - 1, width - 1])
    border = np.concatenate(parts).astype(np.int64)
    return [half_up(total / len(border)) for total in border.sum(axis=0)]


def fit(image, width, height, mode):
    """The image at exactly width x height: stretched (cv2.resize), centre-cropped to the aspect, or letterboxed."""
    h, w = image.shape[:2]
    if mode == "crop":
        aspect = width / height
        if w / h > aspect:
            crop = max(1, min(w, half_up(h * aspect)))
            x = (w - crop) // 2
            image = image[:, x : x + crop]
        else:
            crop = max(1, min(h, half_up(w / aspect)))
            y = (h - crop) // 2
            image = image[y : y + crop]
        return resize(np.ascontiguousarray(image), (width, height), "area")
    if mode == "pad":
        scale = min(width / w, height / h)
        inner_w = max(1, min(width, half_up(w * scale)))
        inner_h = max(1, min(height, half_up(h * scale)))
        inner = resize(image, (inner_w, inner_h), "area")
        if inner_w == width and inner_h == height:
            return inner
        canvas = np.empty((height, width) + image.shape[2:], dtype=np.uint8)
        canvas[...] = np.asarray(border_colour(image), dtype=np.uint8).reshape(image.shape[2:] or ())
        left, top = (width - inner_w) // 2, (height - inner_h) // 2
        canvas[top : top + inner_h, left : left + inner_w] = inner
        return canvas
    return resize(image, (width, height), "area")


def image_features(path):
    """The features of one image before scaling, float32, as the run computed them for training."""
    image = read_image(path)
    if FEATURES["kind"] == "hog":
        from skimage.feature import hog

        if DETAILS.get("grayscale", True):
            image = to_grey(image)
        if DETAILS.get("resize"):
            image = resize(image, DETAILS["resize"], DETAILS.get("interpolation", "linear"))
        vector = hog(
            image,
            orientations=DETAILS["orientations"],
            pixels_per_cell=tuple(DETAILS["pixelsPerCell"]),
            cells_per_block=tuple(DETAILS["cellsPerBlock"]),
            block_norm=DETAILS["blockNorm"],
            transform_sqrt=DETAILS["transformSqrt"],
            feature_vector=True,
            channel_axis=-1 if image.ndim == 3 else None,
        )
        return np.asarray(vector, dtype=np.float32)
    if FEATURES["kind"] == "pixels":
        channels = DETAILS.get("channels", 1)
        image = to_grey(image) if channels == 1 else (np.repeat(image[:, :, None], 3, axis=2) if image.ndim == 2 else image)
        image = fit(image, DETAILS["width"], DETAILS["height"], DETAILS.get("resizeMode", "stretch"))
        return (image.astype(np.float64) / 255).astype(np.float32).reshape(-1)
    raise ValueError("this run was trained on table columns: use --csv")


def scale(vector):
    """The scaler fitted on the run's training part (float64, then float32 as in training)."""
    scaler = PRE["scaler"]
    if scaler is None:
        return vector
    if scaler["kind"] == "standard":
        offset, divisor = np.asarray(scaler["mean"]), np.asarray(scaler["std"])
    else:
        offset, divisor = np.asarray(scaler["min"]), np.asarray(scaler["range"])
    return ((vector.astype(np.float64) - offset) / divisor).astype(np.float32)


def model_input(vectors):
    """[batch, features] -> the model's input: vectors as they are, images as NCHW."""
    batch = np.stack([scale(v) for v in vectors])
    if len(SAMPLE_SHAPE) == 3:
        height, width, channels = SAMPLE_SHAPE
        batch = batch.reshape(-1, height, width, channels).transpose(0, 3, 1, 2)
    return torch.from_numpy(np.ascontiguousarray(batch))


def probabilities_of(outputs):
    """Class probabilities: softmax outputs as they are; one sigmoid output p as [1 - p, p]."""
    if outputs.shape[1] == 1 and len(CLASSES) == 2:
        p = np.clip(outputs[:, 0], 0, 1)
        return np.stack([1 - p, p], axis=1)
    return outputs


def predict_features(model, *vectors):
    """Probabilities (one row per vector) for unscaled feature vectors."""
    with torch.no_grad():
        return probabilities_of(model(model_input(vectors)).numpy().astype(np.float64))


def expand(paths):
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES and not p.name.startswith("."))
        else:
            yield path


def is_number(text):
    try:
        float(text)
        return True
    except ValueError:
        return False


def csv_rows(path):
    """Rows of a CSV (comma, semicolon or tab): the run's columns by name when the header has them, else the first ones."""
    text = Path(path).read_text(encoding="utf-8")
    first = text.splitlines()[0]
    delimiter = max([",", ";", "\\t"], key=first.count)
    rows = [row for row in csv.reader(text.splitlines(), delimiter=delimiter) if row]
    columns = DETAILS.get("columns") or []
    if columns and all(name in rows[0] for name in columns):
        indices = [rows[0].index(name) for name in columns]
    else:
        indices = list(range(FEATURES["length"]))
    if not all(is_number(rows[0][i]) for i in indices):
        rows = rows[1:]
    for number, row in enumerate(rows, start=1):
        yield f"{path}:{number}", np.asarray([float(row[i]) for i in indices], dtype=np.float32)


def main():
    parser = argparse.ArgumentParser(description="Classify images or rows with the exported Sinapsis model.")
    parser.add_argument("inputs", nargs="*", help="image files or folders")
    parser.add_argument("--csv", help="a CSV file of rows (table runs)")
    parser.add_argument("--json", action="store_true", help="print one JSON object per sample")
    args = parser.parse_args()
    samples = list(csv_rows(args.csv)) if args.csv else [(str(p), image_features(p)) for p in expand(args.inputs)]
    if not samples:
        parser.error("give image files, a folder or --csv rows.csv")
    model = load_model()
    for (name, _), probabilities in zip(samples, predict_features(model, *[v for _, v in samples])):
        if not CLASSES:  # a regression run: the output values themselves
            print(json.dumps({"file": name, "outputs": probabilities.tolist()}) if args.json else f"{name}\t{' '.join(f'{v:.6g}' for v in probabilities)}")
            continue
        best = int(np.argmax(probabilities))
        label = CLASSES[best] if best < len(CLASSES) else str(best)
        if args.json:
            print(json.dumps({"file": name, "predicted": label, "index": best, "probabilities": probabilities.tolist()}))
        else:
            print(f"{name}\\t{label}\\t{probabilities[best] * 100:.1f} %")


if __name__ == "__main__":
    sys.exit(main())
`;
