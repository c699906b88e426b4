#!/usr/bin/env python3
"""Writes the benchmark's regression data set as CSV: seeded, so every run makes the same bytes.

Columns: f00..f19 (uniform on [0, 1)), y (a nonlinear function of f00..f09 plus Gaussian noise),
holdout (1 for the rows both harnesses score, 0 for the rows they train on; 20 %, drawn at
random with the same seed). f10..f19 are pure noise features. Java and Python read this one file,
so they see the same numbers and the same split.

    python3 benchmarks/generate_data.py --rows 100000 --out benchmarks/data/regression-100k.csv
"""

import argparse
import hashlib

import numpy as np

FEATURES = 20
HOLDOUT_SHARE = 0.2
NOISE_SD = 1.0


def target(x: np.ndarray) -> np.ndarray:
    """Friedman #1 on f00..f04 plus an interaction, a periodic term and a kink on f05..f09."""
    return (
        10 * np.sin(np.pi * x[:, 0] * x[:, 1])
        + 20 * (x[:, 2] - 0.5) ** 2
        + 10 * x[:, 3]
        + 5 * x[:, 4]
        + 5 * x[:, 5] * x[:, 6]
        + 3 * np.cos(2 * np.pi * x[:, 7])
        + 4 * np.abs(x[:, 8] - x[:, 9])
    )


def generate(rows: int, seed: int):
    rng = np.random.default_rng(seed)
    # Rounded first, so the target is a function of exactly the values written to the file.
    x = np.round(rng.random((rows, FEATURES)), 6)
    y = np.round(target(x) + rng.normal(0.0, NOISE_SD, rows), 6)
    holdout = np.zeros(rows, dtype=np.int64)
    holdout[rng.permutation(rows)[: round(rows * HOLDOUT_SHARE)]] = 1
    return x, y, holdout


def write(path: str, x: np.ndarray, y: np.ndarray, holdout: np.ndarray) -> str:
    header = ",".join([f"f{j:02d}" for j in range(FEATURES)] + ["y", "holdout"])
    digest = hashlib.sha256()
    with open(path, "wb") as out:
        line = (header + "\n").encode()
        digest.update(line)
        out.write(line)
        chunk = 50_000
        for start in range(0, len(y), chunk):
            end = min(start + chunk, len(y))
            rows = [
                ",".join(f"{v:.6f}" for v in xs) + f",{yv:.6f},{h}\n"
                for xs, yv, h in zip(x[start:end].tolist(), y[start:end].tolist(), holdout[start:end].tolist())
            ]
            data = "".join(rows).encode()
            digest.update(data)
            out.write(data)
    return digest.hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, required=True)
    parser.add_argument("--seed", type=int, default=20260401)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    x, y, holdout = generate(args.rows, args.seed)
    print(f"{args.out}: {args.rows} rows, sha256 {write(args.out, x, y, holdout)}")


if __name__ == "__main__":
    main()
