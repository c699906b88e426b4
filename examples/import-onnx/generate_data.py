"""Writes deliveries.csv for the import example: synthetic, seeded, Python's standard library only.

    python3 examples/import-onnx/generate_data.py [out.csv] [seed] [rows]

Defaults: deliveries.csv beside this script, seed 42, 4,000 rows. The same seed writes the same
bytes. One row per food delivery:

    distance_km, items, hour, rain_mm, courier_trips (deliveries the courier made before),
    minutes (from order to door)

The relationship is real: preparation grows with the items, riding with the distance, rush hours
(12:00-13:00, 18:00-20:00) and rain slow everything down, experienced couriers are quicker;
Gaussian noise of sd 4 minutes on top. A good model gets close to rmse 4 (the random forest of
make_model.py: ~4.2, r2 ~0.85).
"""

import math
import random
import sys
from pathlib import Path

HEADER = ["distance_km", "items", "hour", "rain_mm", "courier_trips", "minutes"]


def delivery(rng):
    distance = min(15.0, rng.expovariate(1 / 3.0) + 0.3)
    items = 1 + min(9, int(rng.expovariate(1 / 2.0)))
    hour = rng.choices(range(10, 24), weights=[2, 4, 9, 8, 4, 3, 3, 4, 9, 10, 8, 5, 3, 2])[0]
    rain = 0.0 if rng.random() < 0.75 else rng.expovariate(1 / 3.0)
    trips = int(rng.expovariate(1 / 300))
    rush = 1.25 if hour in (12, 13, 18, 19, 20) else 1.0
    minutes = ((8 + 1.5 * items) * rush + 3.2 * distance * (1 + 0.04 * rain)
               + 6 * math.exp(-trips / 50) + rng.gauss(0, 4))
    return [f"{distance:.2f}", str(items), str(hour), f"{rain:.1f}", str(trips),
            f"{max(5.0, minutes):.1f}"]


def write(out, seed, rows):
    rng = random.Random(seed)
    lines = [",".join(HEADER)] + [",".join(delivery(rng)) for _ in range(rows)]
    Path(out).write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv):
    out = argv[1] if len(argv) > 1 else Path(__file__).resolve().parent / "deliveries.csv"
    seed = int(argv[2]) if len(argv) > 2 else 42
    rows = int(argv[3]) if len(argv) > 3 else 4000
    write(out, seed, rows)
    print(f"wrote {rows} rows to {out} (seed {seed})")


if __name__ == "__main__":
    main(sys.argv)
