"""Results as plain records: lists of dicts and dicts, with .to_pandas() where pandas is installed.

Every query returns the library's own JSON form of its result (docs/queries.md), parsed: so the field
names are the documented ones, and a result prints, compares and serialises like any dict or list.
"""


def _pandas():
    try:
        import pandas
    except ImportError as missing:  # pandas is optional: the records work without it
        raise ImportError(
            "to_pandas() needs pandas; install it (Debian: apt-get install python3-pandas)"
        ) from missing
    return pandas


class Records(list):
    """A list of records (dicts), one per row; .to_pandas() makes a DataFrame of them."""

    def to_pandas(self):
        """A pandas.DataFrame, one row per record; nested fields become dotted columns."""
        return _pandas().json_normalize(list(self))


class Result(dict):
    """A query's result (a dict of its documented fields) whose main table is `rows_field`.

    Fields read as attributes too (result.periods is result["periods"]); list fields of records are
    Records, so result.periods.to_pandas() works, and result.to_pandas() gives the main table.
    """

    def __init__(self, fields, rows_field):
        super().__init__(
            {key: Records(value) if _is_records(value) else value for key, value in fields.items()}
        )
        self._rows_field = rows_field

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def to_pandas(self):
        """The main table (for example an agreement's periods) as a pandas.DataFrame."""
        return Records(self.get(self._rows_field) or []).to_pandas()


def _is_records(value):
    return isinstance(value, list) and all(isinstance(item, dict) for item in value)
