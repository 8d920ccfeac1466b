"""Across reports: the report dates, a people and agency registry built from the per-report tables,
and a DuckDB database of every table, so one can ask who held which post when."""
