"""stance: what governments state and vote at meetings, with the source sentence (docs/python.md).

    import stance
    db = stance.Database("nato.db")
    db.import_dataset("data/general-debate/nld-russia-ukraine.json")
    db.evolution("NL", "Rusland", by="year").to_pandas()

Errors are stance.Error and its kinds: NotFoundError (.candidates), InvalidInputError (.where),
StorageError (.code), BusyError and SchemaVersionError, with the messages the CLI prints.
"""

from ._stance import (
    BusyError,
    Error,
    InvalidInputError,
    NotFoundError,
    SchemaVersionError,
    StorageError,
    version,
)
from ._database import Database, Network
from ._records import Records, Result

__version__ = version

__all__ = [
    "BusyError", "Database", "Error", "InvalidInputError", "Network", "NotFoundError", "Records", "Result",
    "SchemaVersionError", "StorageError", "version",
]
