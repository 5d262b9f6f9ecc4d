#!/usr/bin/python3
"""Ship scikit-learn's 8x8 digits (1,797 rows) as datasets/digits/digits.csv with a header row.

Usage (run once; the output is committed):

    /usr/bin/python3 tools/datasets/digits_csv_with_header.py \
        /usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz datasets/digits/digits.csv

The source has no header: 64 pixel counts (0..16, row by row) then the digit. The header names
pixel (r, c) of the 8x8 image p<r><c> (p00 ... p77) and the last column digit.
"""
import gzip
import sys

src, out = sys.argv[1], sys.argv[2]
rows = gzip.open(src, "rt").read().splitlines()
for i, row in enumerate(rows):
    if len(row.split(",")) != 65:
        sys.exit(f"{src}: row {i + 1} has {len(row.split(','))} fields, expected 65")
header = ",".join([f"p{r}{c}" for r in range(8) for c in range(8)] + ["digit"])
with open(out, "w") as f:
    f.write(header + "\n" + "\n".join(rows) + "\n")
print(f"wrote {len(rows)} rows to {out}")
