"""Peers for bench/train.ts: PyTorch and scikit-learn on the same tasks, seconds per epoch (min of N).

Usage: python3 bench/train_peers.py <task> <samples> <epochs>
  task: mlp32 | mlp1 | cnn | sklearn32
Prints one JSON line: {"task": ..., "seconds": ..., "cpu": ..., "library": ...} (cpu: process CPU time of the
epoch with the smallest wall time; above "seconds" when PyTorch uses both cores). Data are random (timing only), seeded.
"""
import json
import sys
import time

import numpy as np

task, samples, epochs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = np.random.default_rng(42)


def mlp_data():
    x = rng.random((samples, 320), dtype=np.float32)
    y = rng.integers(0, 10, samples)
    return x, y


def report(library, times):
    """times: (wall, cpu) per epoch."""
    wall, cpu = min(times)
    print(json.dumps({"task": task, "library": library, "seconds": wall, "cpu": cpu}))


if task == "sklearn32":
    import warnings

    from sklearn.neural_network import MLPClassifier

    warnings.filterwarnings("ignore")
    x, y = mlp_data()
    # One epoch per fit call: max_iter=1 with warm_start keeps the weights between calls.
    clf = MLPClassifier(hidden_layer_sizes=(18,), activation="logistic", solver="sgd", batch_size=32,
                        learning_rate_init=0.1, momentum=0.0, max_iter=1, warm_start=True, shuffle=True, random_state=1)
    times = []
    for _ in range(epochs):
        start, cpu = time.perf_counter(), time.process_time()
        clf.fit(x, y)
        times.append((time.perf_counter() - start, time.process_time() - cpu))
    report("scikit-learn " + __import__("sklearn").__version__, times)
    sys.exit(0)

import torch  # noqa: E402
from torch import nn  # noqa: E402

torch.manual_seed(1)


def run(model, optimizer, x, y, batch):
    loss_fn = nn.CrossEntropyLoss()
    times = []
    for _ in range(epochs):
        order = torch.randperm(len(x))
        start, cpu = time.perf_counter(), time.process_time()
        model.train()
        for i in range(0, len(x), batch):
            idx = order[i:i + batch]
            optimizer.zero_grad()
            loss = loss_fn(model(x[idx]), y[idx])
            loss.backward()
            optimizer.step()
        times.append((time.perf_counter() - start, time.process_time() - cpu))
    return times


if task in ("mlp32", "mlp1"):
    x, y = mlp_data()
    model = nn.Sequential(nn.Linear(320, 18), nn.Sigmoid(), nn.Linear(18, 10))  # softmax is inside CrossEntropyLoss
    times = run(model, torch.optim.SGD(model.parameters(), lr=0.1), torch.from_numpy(x), torch.from_numpy(y), 32 if task == "mlp32" else 1)
elif task == "cnn":
    x = torch.from_numpy(rng.random((samples, 1, 28, 28), dtype=np.float32))
    y = torch.from_numpy(rng.integers(0, 10, samples))
    model = nn.Sequential(
        nn.Conv2d(1, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(8, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(7 * 7 * 16, 64), nn.ReLU(), nn.Dropout(0.5), nn.Linear(64, 10))
    times = run(model, torch.optim.Adam(model.parameters(), lr=1e-3), x, y, 64)
else:
    raise SystemExit("unknown task " + task)
report("PyTorch " + torch.__version__, times)
