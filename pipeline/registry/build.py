"""extracted/registry/: people, positions, agencies, agency_people, agency_reports and warnings of the corpus,
rebuilt from the per-report tables after every run and swapped in as one folder."""

from __future__ import annotations

from pathlib import Path

from ..write import csv_bytes, write_report_dir
from .agencies import AGENCY_COLUMNS, AGENCY_PEOPLE_COLUMNS, AGENCY_REPORT_COLUMNS, build_agencies
from .people import PEOPLE_COLUMNS, POSITION_COLUMNS, WARNING_COLUMNS, build_people
from .sources import read_all

REGISTRY_DIR = "registry"
REGISTRY_TABLES = {
    "people": PEOPLE_COLUMNS,
    "positions": POSITION_COLUMNS,
    "agencies": AGENCY_COLUMNS,
    "agency_people": AGENCY_PEOPLE_COLUMNS,
    "agency_reports": AGENCY_REPORT_COLUMNS,
    "warnings": WARNING_COLUMNS,
}


def registry_tables(out: Path) -> dict[str, list[dict]]:
    reports = read_all(out)
    people, positions, warnings = build_people(reports)
    agencies, agency_people, agency_reports = build_agencies(reports, positions)
    return {"people": people, "positions": positions, "agencies": agencies, "agency_people": agency_people,
            "agency_reports": agency_reports, "warnings": warnings}


def write_registry(out: Path) -> Path:
    tables = registry_tables(out)
    files = {f"{name}.csv": csv_bytes(REGISTRY_TABLES[name], rows) for name, rows in tables.items()}
    return write_report_dir(out, REGISTRY_DIR, files)
