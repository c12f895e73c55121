#!/usr/bin/env python3
"""Cut the small UNGA test fixture (tests/data/unga/) out of the real tables.

Rows are copied byte for byte (never re-written by a CSV writer), so quoting quirks and byte spans in
the fixture are those of the real files. Usage: scripts/cut_unga_fixture.py [SHARED_DATA_DIR]
(default ../shared/data, i.e. /work/shared/data beside the checkout).
"""
import os
import sys

# Roll calls chosen to cover the mapping's corner cases (see tests/data/unga/SOURCE.md).
RCIDS = {5, 77, 128, 874, 1974, 1975, 3386, 3538, 3539, 3611, 4260, 5479, 5550, 9144}

here = os.path.dirname(os.path.abspath(__file__))
shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "shared", "data")
out = os.path.join(here, "..", "tests", "data", "unga")


def cut(source, target, keep):
    with open(source, "rb") as src, open(target, "wb") as dst:
        header = src.readline()
        dst.write(header)
        for line in src:
            if keep(line):
                dst.write(line)


def rcid_of(line):
    return int(line.split(b",", 1)[0])


for table in ("un_votes", "un_roll_calls", "un_roll_call_issues"):
    cut(os.path.join(shared, "unvotes", table + ".csv"), os.path.join(out, table + ".csv"),
        lambda line: rcid_of(line) in RCIDS)
cut(os.path.join(shared, "voeten_unvotes_2016", "votes_full_codes.csv"), os.path.join(out, "votes_full_codes.csv"),
    lambda line: rcid_of(line) in RCIDS)
cut(os.path.join(shared, "voeten_unvotes_2016", "ccode_to_country.csv"), os.path.join(out, "ccode_to_country.csv"),
    lambda line: True)
