#!/usr/bin/python3
"""The MLP seed experiment in PyTorch, for BENCHMARKS.md ("MLP"); run by MlpBench.

MLP 784-200-10, ReLU, softmax cross-entropy, batch 64, SGD momentum 0.9, lr 0.01, Fashion-MNIST
60,000 training images read from the same IDX files as Descent (pixels / 255), one thread.
Init as Descent's default: He normal N(0, 2/fan_in) for the hidden layer, Xavier uniform for the
output, zero biases.

First prints the BLAS torch multiplies with: "blas <BLAS_INFO> <library file> <ms per 64x784x200
product>". Debian's torch says BLAS_INFO=generic and calls whatever libblas.so.3 the system
provides: OpenBLAS with libopenblas0, else the reference BLAS, about 20x slower per product (the
library file read from /proc/self/maps tells which). Then, before each epoch, waits for a line
on stdin (so that MlpBench runs the libraries' epochs in turns), and prints one line per epoch:
"epoch <e> seconds <wall s> cpu <process CPU s> loss <mean batch loss>".

usage: /usr/bin/python3 tools/bench/mlp_torch.py DATASET_FOLDER EPOCHS SEED
"""
import gzip
import os
import re
import sys
import time

import numpy as np
import torch


def idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def blas():
    """BLAS_INFO, the BLAS library file this process has loaded, and ms per 64x784x200 product."""
    info = re.search(r"BLAS_INFO=([^,\s]*)", torch.__config__.show())
    a, b = torch.randn(64, 784), torch.randn(784, 200)
    for _ in range(5):
        a @ b
    start = time.perf_counter()
    for _ in range(50):
        a @ b
    ms = (time.perf_counter() - start) / 50 * 1e3
    with open("/proc/self/maps") as maps:
        files = {os.path.realpath(line.split()[-1]) for line in maps if "blas" in line.lower() and "/" in line}
    library = sorted(files, key=lambda f: ("openblas" not in f and "mkl" not in f, f))
    return (info.group(1) if info else "?"), (library[0] if library else "?"), ms


def main():
    folder, epochs, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    torch.set_num_threads(1)
    print("blas %s %s %.3f" % blas(), flush=True)
    torch.manual_seed(seed)
    x = torch.from_numpy(idx(folder + "/train-images-idx3-ubyte.gz").reshape(-1, 784).astype(np.float32) / 255)
    y = torch.from_numpy(idx(folder + "/train-labels-idx1-ubyte.gz").astype(np.int64))
    model = torch.nn.Sequential(torch.nn.Linear(784, 200), torch.nn.ReLU(), torch.nn.Linear(200, 10))
    torch.nn.init.kaiming_normal_(model[0].weight, nonlinearity="relu")
    torch.nn.init.xavier_uniform_(model[2].weight)
    torch.nn.init.zeros_(model[0].bias)
    torch.nn.init.zeros_(model[2].bias)
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    loss_fn = torch.nn.CrossEntropyLoss()
    n = x.shape[0]
    for epoch in range(epochs):
        sys.stdin.readline()
        start, cpu = time.perf_counter(), time.process_time()
        order = torch.randperm(n)
        total, batches = 0.0, 0
        for i in range(0, n, 64):
            idx_b = order[i:i + 64]
            opt.zero_grad()
            loss = loss_fn(model(x[idx_b]), y[idx_b])
            loss.backward()
            opt.step()
            total += loss.item()
            batches += 1
        print(f"epoch {epoch + 1} seconds {time.perf_counter() - start:.4f} cpu {time.process_time() - cpu:.4f} "
              f"loss {total / batches:.5f}", flush=True)


if __name__ == "__main__":
    main()
