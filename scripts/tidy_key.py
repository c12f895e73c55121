#!/usr/bin/env python3
"""Prints the key under which scripts/tidy.sh remembers that a file had no findings, or nothing when
the key cannot be made (the file is then checked, and not remembered).

The key is a hash of everything clang-tidy's verdict on the file depends on: the settings tidy.sh
passes (clang-tidy's version, .clang-tidy, the checks of the file's part of the tree), each compile
command of the file (clang-tidy checks the file once per command), and what clang sees under that
command: the preprocessed text, with the comments (NOLINT, argument comments) and the line markers
that name every header (HeaderFilterRegex). Preprocessing costs about 0.3 CPU seconds a file, some
3 % of checking it. The tree's own path is taken out of the key (as CCACHE_BASEDIR does), so that a
cache kept outside the tree (STANCE_TIDY_CACHE_DIR) serves another clone of the same code.

Usage: tidy_key.py COMPILE_COMMANDS_JSON FILE SETTING...
"""
import hashlib
import json
import os
import shlex
import subprocess
import sys


def preprocessor_arguments(entry):
    """The compile command's flags, less the compiler, its output and the source file."""
    arguments = entry.get("arguments") or shlex.split(entry["command"])
    flags = []
    skip_next = False
    for argument in arguments[1:]:
        if skip_next:
            skip_next = False
        elif argument == "-o":
            skip_next = True
        elif argument not in ("-c", entry["file"]):
            flags.append(argument)
    return flags


ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__))).encode()


def main():
    database, source, settings = sys.argv[1], sys.argv[2], sys.argv[3:]
    digest = hashlib.sha256()
    for setting in settings:
        digest.update(setting.encode() + b"\0")
    with open(database, encoding="utf-8") as commands:
        entries = [entry for entry in json.load(commands) if entry["file"] == source]
    if not entries:
        return
    for entry in entries:
        flags = preprocessor_arguments(entry)
        digest.update(json.dumps([entry["directory"], flags]).encode().replace(ROOT, b"<tree>"))
        # clang++-14 is the compiler clang-tidy-14 is built from: the same predefined macros and
        # header search, so the same text. -w: the warnings are clang-tidy's to report.
        text = subprocess.run(["clang++-14", *flags, "-w", "-E", "-C", source], cwd=entry["directory"],
                              capture_output=True, check=False)
        if text.returncode != 0:
            return
        digest.update(text.stdout.replace(ROOT, b"<tree>"))
    print(digest.hexdigest())


if __name__ == "__main__":
    main()
