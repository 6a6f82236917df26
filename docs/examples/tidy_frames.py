"""Loads a sweep's result directory into tidy pandas frames.

    python3 docs/examples/tidy_frames.py results/quickstart/sweep

`runs`: one row per trained network. `predictions`: one row per network and nuclide, joined to its
run (by the run's key) and to the nuclide's AME2020 binding energy (by Z and N, from table `dataset`
where the job wrote it, else from `residuals`, which carries it per nuclide), with the residual
B_exp - B_pred. Prints both frames' shapes and every network's prediction for 56Fe and 208Pb.
"""
import sys

import pandas as pd

from annft_results import RUN_KEY, ResultSet


def nuclides(results):
    """AME2020's binding energy per nuclide (z, n, a, element, binding_energy_mev) of the sweep's data set."""
    if results.has("dataset"):
        frame = results.read("dataset")
    else:
        frame = results.read("residuals", columns=["z", "n", "a", "binding_energy_mev"])
    return frame.drop_duplicates(["z", "n"])[[c for c in frame.columns if c in
                                              ("z", "n", "a", "element", "binding_energy_mev", "estimated")]]


def tidy(results):
    """(runs, predictions): predictions joined to their run and to the nuclide by (z, n)."""
    runs = results.read("runs")
    predictions = results.read("predictions")
    known = nuclides(results).drop(columns=["a", "element"], errors="ignore")
    joined = predictions.merge(runs[RUN_KEY + ["outcome", "rmsd_mev"]], on=RUN_KEY, how="left", validate="many_to_one")
    joined = joined.merge(known, on=["z", "n"], how="left", validate="many_to_one")
    joined["residual_mev"] = joined["binding_energy_mev"] - joined["prediction_mev"]
    return runs, joined


def main(directory):
    results = ResultSet(directory)
    runs, predictions = tidy(results)
    results.check_unchanged()
    if predictions["binding_energy_mev"].isna().any() or predictions["rmsd_mev"].isna().any():
        raise SystemExit("a prediction found no nuclide or no run to join")
    # A run's RMSD is that of its predictions against AME2020: the join by (z, n) reproduces it.
    rmsd = predictions.groupby(RUN_KEY)["residual_mev"].apply(lambda r: (r ** 2).mean() ** 0.5)
    worst = (rmsd - runs.set_index(RUN_KEY)["rmsd_mev"]).abs().max()
    if not worst <= 1e-9:
        raise SystemExit(f"RMSDs from the joined predictions differ from runs.rmsd_mev by up to {worst} MeV")
    print(f"runs: {runs.shape[0]} rows x {runs.shape[1]} columns; predictions: {predictions.shape[0]} rows "
          f"({predictions[['z', 'n']].drop_duplicates().shape[0]} nuclides); RMSD from the joined predictions "
          f"matches runs.rmsd_mev to {worst:.1e} MeV")
    pd.set_option("display.width", 160)
    chosen = predictions[((predictions.z == 26) & (predictions.n == 30)) | ((predictions.z == 82) & (predictions.n == 126))]
    print(chosen[["element", "a", "mode", "width", "run", "outcome", "binding_energy_mev", "prediction_mev",
                  "residual_mev"]].sort_values(["a", "mode", "width", "run"]).to_string(index=False))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: tidy_frames.py RESULTS_DIR")
    main(sys.argv[1])
