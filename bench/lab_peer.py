"""The course's HOG lab as a Python notebook does it, for bench/lab.ts.

Usage: python3 bench/lab_peer.py <split.json>

split.json (written by bench/lab.ts from a Sinapsis run of the same job) holds the image files in Sinapsis's sample
order and the train/test indices of that run, so both sides train and test on the same images. Everything else is
done afresh here, as a student's notebook would: cv2 reads and resizes every image, scikit-image computes HOG with the
course settings, StandardScaler is fitted on the training part, and MLPClassifier (18 sigmoid units, SGD, batch 32,
learning rate 0.1, 30 epochs) trains. Prints one JSON line: {"test_accuracy": ..., "train_accuracy": ...}.
"""

import json
import sys
import warnings

import cv2
import numpy as np
from skimage.feature import hog
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier
from sklearn.preprocessing import StandardScaler

# The course settings (Sinapsis's `--features hog` for builtin:digits): 12 wide x 24 high, 8 orientations,
# 4x4-pixel cells, 2x2-cell blocks, L2-Hys, no square root: 320 features.
WIDTH, HEIGHT = 12, 24


def features(path):
    image = cv2.imread(path, cv2.IMREAD_GRAYSCALE)
    if image is None:
        raise SystemExit(f"lab_peer.py: cannot read {path}")
    small = cv2.resize(image, (WIDTH, HEIGHT), interpolation=cv2.INTER_LINEAR)
    return hog(small, orientations=8, pixels_per_cell=(4, 4), cells_per_block=(2, 2), block_norm="L2-Hys", transform_sqrt=False)


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        split = json.load(f)
    x = np.array([features(path) for path in split["files"]], dtype=np.float64)
    y = np.array(split["labels"])
    train, test = np.array(split["train"]), np.array(split["test"])
    scaler = StandardScaler().fit(x[train])
    model = MLPClassifier(
        hidden_layer_sizes=(18,),
        activation="logistic",
        solver="sgd",
        batch_size=32,
        learning_rate_init=0.1,
        momentum=0.0,
        max_iter=30,
        random_state=1,
    )
    with warnings.catch_warnings():
        # 30 epochs is the course's budget, not convergence: sklearn's warning about it is expected.
        warnings.simplefilter("ignore", ConvergenceWarning)
        model.fit(scaler.transform(x[train]), y[train])
    print(
        json.dumps(
            {
                "test_accuracy": float(model.score(scaler.transform(x[test]), y[test])),
                "train_accuracy": float(model.score(scaler.transform(x[train]), y[train])),
            }
        )
    )


main()
