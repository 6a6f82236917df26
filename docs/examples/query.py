# docs/examples/query.py: python3 docs/examples/query.py results/quickstart/sweep
import sys

import duckdb
from annft_results import ResultSet

results = ResultSet(sys.argv[1])  # refuses a directory without a whole result set
runs, predictions = results.sql_table("runs"), results.sql_table("predictions")
# RMSD per configuration and how the runs ended
print(duckdb.sql(f"""
    SELECT mode, width, count(*) AS runs, round(avg(rmsd_mev), 2) AS mean_rmsd_mev,
           round(min(rmsd_mev), 2) AS best_rmsd_mev, string_agg(DISTINCT outcome, ', ') AS outcomes
    FROM {runs} GROUP BY mode, width ORDER BY mode, width"""))
# every network's binding energy of 56Fe and 208Pb, by Z and N
print(duckdb.sql(f"""
    SELECT a || element AS nuclide, mode, width, run, round(prediction_mev, 2) AS prediction_mev
    FROM {predictions} WHERE (z = 26 AND n = 30) OR (z = 82 AND n = 126)
    ORDER BY a, mode, width, run"""))
results.check_unchanged()  # no job committed into the directory while it was read
