"""Rebuilds Table I (mean +- std RMSD per width and mode) and Fig. 13 (RMSD against r = depth/width)
from table `runs` of a sweep, and checks them against the sweep's own `table1`.

    python3 docs/examples/table1_fig13.py results/quickstart/sweep [OUT_DIR]

Table I's rule: a run is kept when it finished (`status = ok`) and its RMSD is a number not above
the cutoff (`table.cutoff-mev`, 100 MeV by default, recorded as `table1.cutoff_mev`); the std is the
population standard deviation (numpy's default, ddof = 0) of the kept runs. Writes
OUT_DIR/fig13.png (default: the current directory).
"""
import os
import sys

import matplotlib

matplotlib.use("Agg")  # no display: write files only
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from annft_results import ResultSet

CONFIGURATION = ["activation", "mode", "protocol", "width", "depth"]
OUTCOMES = ["converged", "plateau", "linear-fit", "dead", "diverged"]


def table1(runs, cutoff_mev):
    """Per configuration: r, mean and population std of the kept runs' RMSD, runs kept and trained,
    and the runs by outcome (`runs.outcome`: converged, plateau, linear-fit, dead, diverged)."""
    runs = runs.assign(kept=(runs.status == "ok") & np.isfinite(runs.rmsd_mev) & (runs.rmsd_mev <= cutoff_mev))
    rows = []
    for key, group in runs.groupby(CONFIGURATION, sort=True):
        kept = group.rmsd_mev[group.kept].to_numpy()
        rows.append(dict(zip(CONFIGURATION, key), r=group.r.iloc[0],
                         mean_rmsd_mev=kept.mean() if kept.size else np.nan,
                         std_rmsd_mev=kept.std() if kept.size else np.nan,
                         runs_kept=kept.size, runs_total=len(group),
                         **{"runs_" + o.replace("-", "_"): int((group.outcome == o).sum()) for o in OUTCOMES}))
    return pd.DataFrame(rows)


def figure13(table, r_star, path):
    """RMSD against r (log axis), mean +- std of the kept runs, one series per (activation, mode, depth),
    r* (paper Eq. 50, from annft's table1) as a vertical line."""
    fig, ax = plt.subplots(figsize=(6.4, 4.2))
    for value in sorted(set(r_star)):
        ax.axvline(value, color="red", linewidth=1, label=f"r* = {value:.4f}")
    for (activation, mode, protocol, depth), series in table.groupby(["activation", "mode", "protocol", "depth"]):
        series = series.sort_values("r")
        label = f"{activation} {mode.upper()} l_out={depth}" + ("" if protocol == "default" else f" {protocol}")
        ax.errorbar(series.r, series.mean_rmsd_mev, yerr=series.std_rmsd_mev, marker="o", capsize=3, label=label)
    ax.set_xscale("log")
    ax.set_xlabel("r = depth / width")
    ax.set_ylabel("RMSD (MeV)")
    ax.set_title("Fig. 13: RMSD against the aspect ratio")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def main(directory, out_dir):
    results = ResultSet(directory)
    runs = results.read("runs")
    annft = results.read("table1")
    results.check_unchanged()
    cutoff = annft.cutoff_mev.iloc[0]
    table = table1(runs, cutoff)
    # The same numbers as annft's table1, configuration by configuration.
    both = table.merge(annft, on=CONFIGURATION, suffixes=("", "_annft"), validate="one_to_one")
    if len(both) != len(annft) or len(both) != len(table):
        raise SystemExit(f"{len(table)} configurations rebuilt, {len(annft)} in table1")
    for column in ("mean_rmsd_mev", "std_rmsd_mev", "runs_kept", "runs_total") + tuple(
            "runs_" + o.replace("-", "_") for o in OUTCOMES):
        a, b = both[column].to_numpy(float), both[column + "_annft"].to_numpy(float)
        if not np.allclose(a, b, rtol=1e-12, atol=1e-12, equal_nan=True):
            raise SystemExit(f"rebuilt {column} differs from table1: {a} against {b}")
    print(f"Table I (runs kept at RMSD <= {cutoff:g} MeV; equal to the sweep's table1):")
    for row in table.itertuples():
        print(f"  {row.activation} {row.mode:5s} width {row.width:5d} depth {row.depth} r = {row.r:.4f}: "
              f"{row.mean_rmsd_mev:8.2f} +- {row.std_rmsd_mev:6.2f} MeV ({row.runs_kept} of {row.runs_total} runs; "
              f"{row.runs_converged} converged)")
    path = os.path.join(out_dir, "fig13.png")
    figure13(table, annft.r_star.dropna(), path)
    print(f"wrote {path}")


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        raise SystemExit("usage: table1_fig13.py RESULTS_DIR [OUT_DIR]")
    main(sys.argv[1], sys.argv[2] if len(sys.argv) == 3 else ".")
