#!/usr/bin/env python3
"""Baseline for bench_agreement_matrices: the agreement of every pair of countries in every UN
General Assembly session, as an analyst would compute it with pandas and numpy from the unvotes CSV
files: per session a countries x roll calls table of votes, one-hot per vote kind, and the pair
counts as matrix products (n = roll calls both voted on, agree = identical votes).

Usage: agreement_pandas.py UN_VOTES_CSV UN_ROLL_CALLS_CSV
Prints: read_seconds=... compute_seconds=... sessions=... pairs=... agree_total=...
"""
import sys
import time

import numpy as np
import pandas as pd


def main(votes_csv, roll_calls_csv):
    started = time.perf_counter()
    votes = pd.read_csv(votes_csv, usecols=["rcid", "country", "vote"])
    sessions = pd.read_csv(roll_calls_csv, usecols=["rcid", "session"])
    votes = votes.merge(sessions, on="rcid")
    read = time.perf_counter()

    pairs = 0
    agree_total = 0
    for _, session in votes.groupby("session"):
        table = session.pivot(index="country", columns="rcid", values="vote")
        kinds = [(table == kind).to_numpy(dtype=np.float64) for kind in ("yes", "abstain", "no")]
        voted = kinds[0] + kinds[1] + kinds[2]
        n = voted @ voted.T
        agree = sum(k @ k.T for k in kinds)
        upper = np.triu_indices(len(table), k=1)
        both = n[upper] > 0
        pairs += int(both.sum())
        agree_total += int(agree[upper][both].sum())
        share = agree[upper][both] / n[upper][both]  # the figure itself, as the analysis uses it
        assert share.size == both.sum()
    done = time.perf_counter()
    print(f"read_seconds={read - started:.3f} compute_seconds={done - read:.3f} "
          f"sessions={votes['session'].nunique()} pairs={pairs} agree_total={agree_total}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
