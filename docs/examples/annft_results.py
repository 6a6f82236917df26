"""Reading an annft result directory as annft's own readers do.

A directory holds one whole result set when its manifest `_annft_result_set` (the tables of the one
job that wrote them, one per line, '#' lines are comments) is there and the commit marker
`_annft_committing` is not. Only the tables the manifest lists belong to the set: a directory may
also hold `_sweep_runs/`, `_staging-*` or `_previous-*` directories, which are no tables. A reader
notes the manifest before it reads and checks afterwards that it did not change: a job that
committed into the directory meanwhile would have mixed two result sets.
"""
import glob
import os

import pyarrow.parquet as pq

MANIFEST = "_annft_result_set"
COMMITTING = "_annft_committing"


class ResultSetError(Exception):
    """The directory holds no whole result set, or not the table asked for."""


class ResultSet:
    """The tables of one job run in `directory`, checked against the manifest and the commit marker."""

    def __init__(self, directory):
        self.directory = os.path.abspath(directory)
        self._state = self._read_state()
        self.tables = [line.strip() for line in self._state.splitlines()
                       if line.strip() and not line.strip().startswith("#")]

    def _read_state(self):
        if os.path.exists(os.path.join(self.directory, COMMITTING)):
            raise ResultSetError(f"incomplete result set in {self.directory}: a job was interrupted while committing "
                                 f"its tables; `jobs/annft report {self.directory}` completes or undoes that commit")
        try:
            with open(os.path.join(self.directory, MANIFEST), encoding="utf-8") as f:
                return f.read()
        except FileNotFoundError:
            raise ResultSetError(f"{self.directory} holds no annft result set (no {MANIFEST})") from None

    def files(self, table):
        """The Parquet files of a table the manifest lists."""
        if table not in self.tables:
            raise ResultSetError(f"{self.directory}: no table '{table}' in its result set (it has {', '.join(self.tables)})")
        files = sorted(glob.glob(os.path.join(glob.escape(self.directory), table, "*.parquet")))
        if not files:
            raise ResultSetError(f"{self.directory}: table '{table}' has no Parquet file")
        return files

    def read(self, table, columns=None):
        """A table as a pandas DataFrame."""
        return pq.read_table(self.files(table), columns=columns).to_pandas()

    def sql_table(self, table):
        """A table as DuckDB reads it: `read_parquet([...])` over the table's files."""
        quoted = ", ".join("'" + f.replace("'", "''") + "'" for f in self.files(table))
        return f"read_parquet([{quoted}])"

    def has(self, table):
        return table in self.tables

    def check_unchanged(self):
        """Fails if a job committed into the directory since this result set was opened."""
        if self._read_state() != self._state:
            raise ResultSetError(f"the result set in {self.directory} changed while it was read (a job committed "
                                 "into it); read it again")


RUN_KEY = ["activation", "mode", "protocol", "width", "depth", "run"]
"""Every training table starts with the run's key; the tables of many runs join on it."""
