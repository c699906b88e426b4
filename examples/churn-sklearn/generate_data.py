"""Writes customers.csv for the churn example: synthetic, seeded, Python's standard library only.

    python3 examples/churn-sklearn/generate_data.py [out.csv] [seed] [rows]

Defaults: customers.csv beside this script, seed 42, 5,000 rows. The same seed writes the same bytes.
One row per customer of a mobile operator, with whether they left within the quarter:

    tenure_months, monthly_charges, contract_months, support_calls, late_payments, data_usage_gb,
    churned (yes/no)

The relationship is real and noisy: new customers on month-to-month contracts who call support
often, pay late and pay a lot leave; long contracts and heavy data users stay. About 30% of the
customers leave; a good classifier reaches accuracy ~0.82 and AUC ~0.87, not 1.0, because who
leaves is drawn at random from each customer's probability.
"""

import math
import random
import sys
from pathlib import Path

HEADER = ["tenure_months", "monthly_charges", "contract_months", "support_calls",
          "late_payments", "data_usage_gb", "churned"]


def customer(rng):
    contract = rng.choices([1, 12, 24], weights=[5, 3, 2])[0]
    tenure = min(72, int(rng.expovariate(1 / (8 + contract))) + 1)
    charges = max(10.0, rng.gauss(65, 22))
    calls = min(12, int(rng.expovariate(1 / 1.5)))
    late = min(6, int(rng.expovariate(1 / 0.6)))
    usage = max(0.0, rng.gauss(12, 6))
    # The log-odds of leaving: what makes a customer go, minus what keeps them.
    score = (-0.4 + 0.8 * calls + 0.9 * late + 0.045 * (charges - 65)
             - 0.08 * tenure - {1: 0.0, 12: 1.6, 24: 3.2}[contract] - 0.07 * (usage - 12))
    churned = rng.random() < 1 / (1 + math.exp(-score))
    return [str(tenure), f"{charges:.2f}", str(contract), str(calls), str(late),
            f"{usage:.1f}", "yes" if churned else "no"]


def write(out, seed, rows):
    rng = random.Random(seed)
    lines = [",".join(HEADER)] + [",".join(customer(rng)) for _ in range(rows)]
    Path(out).write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv):
    out = argv[1] if len(argv) > 1 else Path(__file__).resolve().parent / "customers.csv"
    seed = int(argv[2]) if len(argv) > 2 else 42
    rows = int(argv[3]) if len(argv) > 3 else 5000
    write(out, seed, rows)
    print(f"wrote {rows} rows to {out} (seed {seed})")


if __name__ == "__main__":
    main(sys.argv)
