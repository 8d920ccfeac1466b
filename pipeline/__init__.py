"""Information extraction from Traditional Chinese (Taiwan) reports: people, titles, agencies,
statistics, recommendations, sessions and roles, as contract tables (see README.md)."""

__version__ = "0.1.0"
