"""Importing staff lists, absences and coverage rules from CSV or Excel (.xlsx) files.

Every row is checked before anything is written; any error raises ``ImportFailed``
listing each problem as "archivo.csv, fila 7, columna 'hasta': ..." and the
database stays as it was. Column formats: docs/import-formats.md.
"""

from roster.importing.absences import import_absences
from roster.importing.common import ImportResult
from roster.importing.coverage import import_coverage
from roster.importing.staff import import_staff
from roster.services.errors import ImportFailed

__all__ = ["ImportFailed", "ImportResult", "import_absences", "import_coverage", "import_staff"]
