#!/usr/bin/env python3
"""Writes activities/core/src/test/resources/fixtures/stats-reference.json.

The reference values the Java statistics (dev.tollgate.activities.stats) and the model metrics are
tested against: SciPy for the Kolmogorov-Smirnov test, the chi-square test and the distribution
tails, scikit-learn for the metrics, and numpy for the PSI and the z-test (neither library has them;
their formulas are written out below exactly as the Java Javadoc states them).

Every case is seeded, so a rerun with the pinned versions in requirements.txt reproduces the file
byte for byte. Inputs are rounded to a few decimals before anything is computed: that keeps the file
small, makes ties (which KS must handle like SciPy) common, and the rounded values are exactly the
doubles Java parses back.

    python3 -m venv /tmp/stats-venv
    /tmp/stats-venv/bin/pip install -r activities/core/src/test/python/requirements.txt
    /tmp/stats-venv/bin/python activities/core/src/test/python/make_stats_fixtures.py
"""

import json
import math
import pathlib
import platform
import warnings

import numpy as np
import scipy
import sklearn
from scipy import special, stats
from sklearn import metrics

OUT = (pathlib.Path(__file__).resolve().parents[1]
       / "resources" / "fixtures" / "stats-reference.json")
PSI_EPSILON = 1e-4
MAX_AUTO_N = 10000  # scipy.stats.ks_2samp: exact when both samples have at most this many values


def compact(v):
    """A double as JSON: whole numbers without ".0" (the file is mostly sample data), -0.0 kept."""
    v = float(v)
    if v.is_integer() and abs(v) < 2 ** 53 and not (v == 0 and math.copysign(1, v) < 0):
        return int(v)
    return v


def floats(values):
    return [compact(v) for v in np.asarray(values, dtype=float).ravel()]


def ints(values):
    return [int(v) for v in np.asarray(values).ravel()]


# ---------------------------------------------------------------- Kolmogorov-Smirnov

def kstwo_region(n, x):
    """Which method scipy.stats.kstwo.sf uses at (n, x); mirrors scipy/stats/_ksstats.py."""
    if x <= 0.5 / n:
        return "below-support"
    if x >= 1:
        return "above-support"
    t = n * x
    if t <= 1:
        return "ruben-gambino-low"
    if t >= n - 1:
        return "ruben-gambino-high"
    if x >= 0.5:
        return "smirnov"
    nxx = t * x
    if n <= 140:
        return "durbin" if nxx <= 0.754693 else "pomeranz" if nxx <= 4 else "smirnov"
    if nxx >= 370:
        return "zero"
    if nxx >= 2.2:
        return "smirnov"
    return "durbin" if n <= 100000 and n * x ** 1.5 <= 1.4 else "pelz-good"


def ks_case(name, a, b):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        r = stats.ks_2samp(a, b)
    fell_back = any("Switching to" in str(w.message) for w in caught)
    exact = max(len(a), len(b)) <= MAX_AUTO_N and not fell_back
    case = {"name": name, "reference": floats(a), "current": floats(b),
            "statistic": float(r.statistic), "pvalue": float(r.pvalue),
            "sign": int(r.statistic_sign), "method": "exact" if exact else "asymptotic"}
    if not exact:
        m, n = sorted([float(len(a)), float(len(b))], reverse=True)
        en = int(np.round(m * n / (m + n)))
        case["effective_n"] = en
        case["kstwo_region"] = kstwo_region(en, float(r.statistic))
    return case


def ks_cases():
    rng = np.random.default_rng(5001)
    cases = [
        ks_case("exact-equal-sizes-ties", rng.integers(0, 8, 40), rng.integers(1, 9, 40)),
        ks_case("exact-unequal-sizes-ties", np.round(rng.normal(0, 1, 37), 1),
                np.round(rng.normal(0.3, 1, 53), 1)),
        ks_case("exact-identical", np.arange(20.0), np.arange(20.0)[::-1]),
        ks_case("exact-separated", np.arange(15.0), np.arange(100.0, 125.0)),
        ks_case("exact-one-value", np.array([3.0]), np.array([1.0, 2.0, 3.0, 4.0, 5.0])),
        ks_case("exact-negative-zero", np.array([-0.0, 0.0, 1.0, -1.0, 2.0]),
                np.array([0.0, 0.0, -0.0, 3.0, -2.0, 0.5])),
        ks_case("exact-medium-shift", np.round(rng.normal(0, 1, 2500), 2),
                np.round(rng.normal(0.1, 1, 3000), 2)),
        ks_case("exact-equal-lognormal", np.round(rng.lognormal(0, 1, 3000), 2),
                np.round(rng.lognormal(0.02, 1, 3000), 2)),
        ks_case("exact-at-size-limit", rng.poisson(20, 10000), rng.poisson(21, 250)),
        # Asymptotic cases: one sample just above SciPy's exact limit, values scaled to integers
        # (the test only sees order and ties) to keep the file small.
        ks_case("asymptotic-normal-shift", np.round(rng.normal(0, 100, 10001)),
                np.round(rng.normal(6, 100, 4000))),
        ks_case("asymptotic-no-shift", np.round(rng.uniform(0, 1000, 10001)),
                np.round(rng.uniform(0, 1000, 6000))),
        ks_case("asymptotic-unbalanced", rng.poisson(5, 10001), rng.poisson(5.6, 60)),
        ks_case("asymptotic-skewed", np.round(rng.lognormal(0, 1, 10001) * 100),
                np.round(rng.lognormal(0.08, 1.1, 3000) * 100)),
        ks_case("asymptotic-strong-drift", rng.poisson(3, 10001), rng.poisson(6, 500)),
    ]
    return cases


def kstwo_cases():
    points = [(10, 0.04), (10, 0.08), (200, 0.004), (10, 0.95), (10, 0.6), (3, 0.5), (20, 0.5),
              (50, 0.1), (50, 0.2), (100, 0.15), (100, 0.25), (140, 0.07), (137, 0.1),
              (1000, 0.06), (1000, 0.7), (1000, 0.02), (1000, 0.01), (5000, 0.015),
              (5000, 0.005), (300, 0.0275), (100000, 0.0005), (500000, 0.003), (500000, 0.001),
              (2000000, 0.0015), (10000, 0.2), (60, 0.15), (60, 0.3)]
    return [{"n": n, "x": x, "sf": float(stats.kstwo.sf(x, n)), "region": kstwo_region(n, x)}
            for n, x in points]


def smirnov_cases():
    # n >= 20000 with small x are summed with a stride in Java (SmirnovDistribution.stridedSum).
    points = [(2, 0.7), (3, 0.5), (10, 0.3), (10, 0.55), (20, 0.5), (100, 0.2), (1000, 0.05),
              (1000, 0.1), (50000, 0.01), (500000, 0.002), (2000000, 0.001), (20001, 0.011),
              (30000, 0.05), (100000, 0.0048), (250000, 0.012), (499999, 0.0021),
              (500000, 0.0135), (999999, 0.0015), (999999, 0.0005)]
    return [{"n": n, "x": x, "sf": float(special.smirnov(n, x))} for n, x in points]


# ---------------------------------------------------------------- PSI (the Java Javadoc's definition)

def psi_edges(reference, bins):
    s = np.sort(reference)
    n = len(s)
    ranks = [-(-i * n // bins) - 1 for i in range(1, bins)]  # ceil(i*n/bins) - 1, in integers
    edges = []
    for edge in s[ranks]:
        if edge < s[-1] and (not edges or edge > edges[-1]):
            edges.append(edge)
    return np.array(edges, dtype=float)


def psi_index(expected, actual):
    e = np.maximum(expected, PSI_EPSILON)
    a = np.maximum(actual, PSI_EPSILON)
    return float(np.sum((a - e) * np.log(a / e)))


def psi_case(name, reference, current, bins):
    edges = psi_edges(reference, bins)
    ref_shares = np.bincount(np.searchsorted(edges, reference, side="left"),
                             minlength=len(edges) + 1) / len(reference)
    cur_shares = np.bincount(np.searchsorted(edges, current, side="left"),
                             minlength=len(edges) + 1) / len(current)
    return {"name": name, "bins": bins, "reference": floats(reference), "current": floats(current),
            "edges": floats(edges), "reference_shares": floats(ref_shares),
            "current_shares": floats(cur_shares), "psi": psi_index(ref_shares, cur_shares)}


def psi_cases():
    rng = np.random.default_rng(5002)
    return [
        psi_case("normal-shift", np.round(rng.normal(0, 1, 2000), 2),
                 np.round(rng.normal(0.3, 1.2, 1500), 2), 10),
        psi_case("heavy-ties", rng.integers(0, 4, 3000), rng.integers(0, 5, 2000), 10),
        psi_case("empty-current-bins", np.round(rng.normal(0, 1, 1000), 2),
                 np.round(rng.normal(3, 0.5, 800), 2), 10),
        psi_case("skewed-5-bins", np.round(rng.lognormal(0, 1, 1500), 2),
                 np.round(rng.lognormal(0.2, 1, 1500), 2), 5),
        psi_case("uniform-20-bins", np.round(rng.uniform(-500, 500, 2000)),
                 np.round(rng.uniform(-400, 600, 2000)), 20),
        psi_case("constant-reference", np.full(100, 7.0), np.round(rng.normal(7, 1, 50), 2), 10),
        psi_case("same-sample", np.round(rng.normal(0, 1, 777), 2),
                 np.round(rng.normal(0, 1, 777), 2), 10),
    ]


def psi_categorical_cases():
    cases = [("stable", [500, 300, 200], [480, 310, 210]),
             ("new-category", [400, 400, 200, 0], [300, 350, 150, 200]),
             ("vanished-category", [100, 50, 25, 25], [120, 80, 0, 0])]
    out = []
    for name, ref, cur in cases:
        r = np.array(ref, dtype=float) / sum(ref)
        c = np.array(cur, dtype=float) / sum(cur)
        out.append({"name": name, "reference_counts": ref, "current_counts": cur,
                    "psi": psi_index(r, c)})
    return out


# ---------------------------------------------------------------- chi-square, z-test, Bonferroni

def chi2_cases():
    rng = np.random.default_rng(5003)
    tables = [("three-categories", [120, 90, 40], [110, 100, 60]),
              ("two-categories", [55, 45], [40, 60]),
              ("new-category", [300, 200, 100, 50, 25, 1], [280, 190, 120, 40, 30, 60]),
              ("strong-drift", [5000, 3000, 2000], [2000, 3000, 5000]),
              ("random-twelve", list(rng.integers(50, 500, 12)), list(rng.integers(50, 500, 12)))]
    out = []
    for name, ref, cur in tables:
        r = stats.chi2_contingency(np.array([ref, cur]), correction=False)
        out.append({"name": name, "reference_counts": ints(ref), "current_counts": ints(cur),
                    "statistic": float(r.statistic), "dof": int(r.dof), "pvalue": float(r.pvalue)})
    return out


def z_case(name, a, b):
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    se = math.sqrt(np.var(a, ddof=1) / len(a) + np.var(b, ddof=1) / len(b))
    z = (np.mean(b) - np.mean(a)) / se
    return {"name": name, "reference": floats(a), "current": floats(b), "statistic": float(z),
            "pvalue": float(2 * stats.norm.sf(abs(z)))}


def z_cases():
    rng = np.random.default_rng(5004)
    return [
        z_case("normal-shift", np.round(rng.normal(10, 2, 1000), 3),
               np.round(rng.normal(10.3, 2.5, 1200), 3)),
        z_case("no-shift", np.round(rng.normal(0, 1, 800), 3), np.round(rng.normal(0, 1, 900), 3)),
        z_case("large-offset", np.round(1e6 + rng.normal(0, 1, 500), 4),
               np.round(1e6 + rng.normal(0.2, 1, 500), 4)),
        z_case("skewed-strong", np.round(rng.exponential(1, 2000), 3),
               np.round(rng.exponential(1.5, 2000), 3)),
    ]


def tail_cases():
    normal = [{"z": z, "two_sided": float(2 * stats.norm.sf(abs(z)))}
              for z in [0.0, 0.5, 1.0, 1.959963984540054, 3.0, 5.0, 10.0, 20.0, 37.0]]
    chi2 = [{"x": x, "dof": k, "sf": float(stats.chi2.sf(x, k))}
            for x, k in [(0.5, 1), (3.841458820694124, 1), (10.0, 3), (2.0, 5), (100.0, 4),
                         (1000.0, 10), (0.01, 20), (30.0, 30), (200.0, 99)]]
    return normal, chi2


def bonferroni_cases():
    p = [0.001, 0.01, 0.02, 0.2, 0.6]
    alpha = 0.05
    return [{"pvalues": p, "alpha": alpha,
             "adjusted": floats(np.minimum(1.0, np.array(p) * len(p))),
             "reject": [bool(v <= alpha / len(p)) for v in p]}]


# ---------------------------------------------------------------- metrics (scikit-learn)

def regression_case(name, y, pred):
    case = {"name": name, "y_true": floats(y), "y_pred": floats(pred),
            "mae": float(metrics.mean_absolute_error(y, pred)),
            "rmse": float(metrics.root_mean_squared_error(y, pred)),
            "r2": float(metrics.r2_score(y, pred))}
    if np.all(y != 0):
        case["mape"] = float(metrics.mean_absolute_percentage_error(y, pred))
    else:
        # scikit-learn divides by max(|y|, eps), so a zero truth makes its mape enormous; the
        # Tollgate convention (RegressionScores) averages over the non-zero truths instead.
        case["mape_sklearn"] = float(metrics.mean_absolute_percentage_error(y, pred))
        nz = y != 0
        case["mape_nonzero_rows"] = float(np.mean(np.abs((y[nz] - pred[nz]) / y[nz])))
    return case


def regression_cases():
    rng = np.random.default_rng(5005)
    y = np.round(rng.uniform(50, 150, 300), 2)
    y2 = np.round(rng.normal(0, 5, 200), 2)
    y2[y2 == 0] = 0.01
    y3 = np.round(rng.normal(3, 2, 100), 1)
    y3[:5] = 0.0
    return [
        regression_case("load-like", y, np.round(y + rng.normal(0, 8, 300), 2)),
        regression_case("signed-targets", y2, np.round(0.8 * y2 + rng.normal(0, 1, 200), 2)),
        regression_case("zero-truths", y3, np.round(y3 + rng.normal(0, 0.5, 100), 1)),
    ]


def classification_case(name, y, proba, labels):
    y = np.asarray(y)
    proba = np.asarray(proba, dtype=float)
    pred = np.asarray(labels)[np.argmax(proba, axis=1)]
    case = {"name": name, "labels": ints(labels), "y_true": ints(y), "y_pred": ints(pred),
            "proba": [floats(row) for row in proba],
            "accuracy": float(metrics.accuracy_score(y, pred)),
            "precision_macro": float(metrics.precision_score(y, pred, average="macro",
                                                             zero_division=0)),
            "recall_macro": float(metrics.recall_score(y, pred, average="macro",
                                                       zero_division=0)),
            "f1_macro": float(metrics.f1_score(y, pred, average="macro", zero_division=0)),
            "log_loss": float(metrics.log_loss(y, proba, labels=labels))}
    if len(labels) == 2:
        case["roc_auc"] = float(metrics.roc_auc_score(y, proba[:, 1]))
        case["precision_binary"] = float(metrics.precision_score(y, pred, zero_division=0))
        case["recall_binary"] = float(metrics.recall_score(y, pred, zero_division=0))
        case["f1_binary"] = float(metrics.f1_score(y, pred, zero_division=0))
    else:
        case["roc_auc_ovr_macro"] = float(metrics.roc_auc_score(
            y, proba, multi_class="ovr", average="macro", labels=labels))
    return case


def softmax(scores):
    e = np.exp(scores - scores.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def classification_cases():
    rng = np.random.default_rng(5006)
    n = 200
    y = rng.integers(0, 2, n)
    p1 = np.round(1 / (1 + np.exp(-(1.5 * (2 * y - 1) + rng.normal(0, 1.5, n)))), 4)
    ties = np.round(p1, 1)
    ties = np.clip(ties, 0.05, 0.95)
    y3 = rng.integers(0, 3, 300)
    s3 = rng.normal(0, 1, (300, 3))
    s3[np.arange(300), y3] += 1.2
    p3 = np.round(softmax(s3), 4)
    p3 = p3 / p3.sum(axis=1, keepdims=True)
    y4 = rng.integers(0, 4, 240)
    s4 = rng.normal(0, 1, (240, 4))
    s4[np.arange(240), y4] += 1.0
    s4[:, 3] -= 5.0  # class 3 is never predicted: its precision is 0/0, scored 0 (zero_division=0)
    p4 = np.round(softmax(s4), 5)
    p4 = p4 / p4.sum(axis=1, keepdims=True)
    return [
        classification_case("binary", y, np.column_stack([1 - p1, p1]), [0, 1]),
        classification_case("binary-tied-scores", y, np.column_stack([1 - ties, ties]), [0, 1]),
        classification_case("three-classes", y3, p3, [0, 1, 2]),
        classification_case("four-classes-one-never-predicted", y4, p4, [0, 1, 2, 3]),
    ]


def main():
    fixture = {
        "generator": "activities/core/src/test/python/make_stats_fixtures.py",
        "versions": {"python": platform.python_version(), "numpy": np.__version__,
                     "scipy": scipy.__version__, "scikit-learn": sklearn.__version__},
        "tolerance": 1e-6,
        "psi_epsilon": PSI_EPSILON,
        "ks_2samp": ks_cases(),
        "kstwo_sf": kstwo_cases(),
        "smirnov_sf": smirnov_cases(),
        "psi": psi_cases(),
        "psi_categorical": psi_categorical_cases(),
        "chi2_contingency": chi2_cases(),
        "z_test": z_cases(),
        "normal_tail": tail_cases()[0],
        "chi2_tail": tail_cases()[1],
        "bonferroni": bonferroni_cases(),
        "regression": regression_cases(),
        "classification": classification_cases(),
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(fixture, indent=None, separators=(",", ":")) + "\n")
    print(f"wrote {OUT} ({OUT.stat().st_size // 1024} KiB)")
    for c in fixture["ks_2samp"]:
        print(f"  ks {c['name']:28s} n={len(c['reference'])}/{len(c['current'])} "
              f"D={c['statistic']:.6g} p={c['pvalue']:.6g} {c['method']} {c.get('kstwo_region', '')}")


if __name__ == "__main__":
    main()
