"""Errors that name the report and the problem, so one bad report can be reported and skipped."""


class ReportError(Exception):
    def __init__(self, path, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason
