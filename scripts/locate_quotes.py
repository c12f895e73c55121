#!/usr/bin/env python3
"""Check (and optionally repair) the source spans of the stances in a stance dataset.

Every stance in a dataset (docs/dataset-format.md) may carry a `quote` and a `source` span
{document, start, end}: byte offsets [start, end) into the UTF-8 text of one of the dataset's
documents. The importer requires the quote to equal the text of that span "up to runs of white
space". Counting bytes by hand in a report with hard line breaks and accented letters is error
prone, so coders write the quote and let this tool find the offsets.

Usage:
    scripts/locate_quotes.py DATASET.json            check every span, exit 1 on any problem
    scripts/locate_quotes.py --fix DATASET.json      fill in / correct the spans, rewrite the file
    scripts/locate_quotes.py --fix -o OUT.json IN.json   ... and write the result elsewhere

What is checked, for each stance with a `source`:
  * the document is in the file (a span into a document that only lives in the database cannot be
    checked here and is reported as skipped);
  * start and end are integers with 0 <= start <= end <= size of the text in bytes;
  * both offsets fall on UTF-8 character boundaries (not on a continuation byte);
  * the quote, with every run of white space written as one space and white space at either end
    dropped, equals the span's text normalised the same way. This is the importer's rule
    (`collapse_whitespace` in src/io/dataset_json.cpp), so the two never disagree; spans written by
    --fix never start or end on white space anyway.
Documents with a `sha256` are also checked against their text.

With --fix, a stance whose span is missing or wrong is located by searching its quote in its
document, insensitive to white space (a line break in the text matches a space in the quote). The
quote must occur exactly once; a quote that is not found, or found more than once, is an error
and the span is left as it was (write a longer quote to make it unique). A span that already
checks out is kept as it is, even if its quote occurs elsewhere too. A stance with a quote but no
`source` gets one when the dataset holds exactly one document. The rewritten file keeps every key
and value but is laid out anew (see `format_json`); with -o, a document `path` stays relative to
the *input* file's folder, so write next to it.

Exit status: 0 when every span checks out (after fixing, with --fix), 1 when any stance has a
problem, 2 when the dataset or a document cannot be read. Standard library only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import signal
import sys
from dataclasses import dataclass, field

# The six ASCII white space characters, exactly the set the importer collapses. A no-break space
# (U+00A0) counts as a letter on both sides, so the tool never accepts a quote the importer refuses.
WHITE_SPACE = frozenset(" \t\n\r\f\v")


def collapse_white_space(text: str) -> str:
    """Writes every run of white space as one space and drops white space at either end."""
    out: list[str] = []
    in_run = False
    for char in text:
        if char in WHITE_SPACE:
            if not in_run:
                out.append(" ")
            in_run = True
        else:
            out.append(char)
            in_run = False
    return "".join(out).strip(" ")


@dataclass
class NormalisedText:
    """A document's text with white space runs collapsed, and where each character came from.

    `text[i]` is the i-th character of the collapsed text; its bytes in the original UTF-8 text are
    `[byte_start[i], byte_end[i])` (a collapsed run maps to the whole run). This is what lets a
    white-space-insensitive match be turned back into exact byte offsets.
    """

    text: str
    byte_start: list[int] = field(default_factory=list)
    byte_end: list[int] = field(default_factory=list)

    @classmethod
    def of(cls, raw: bytes) -> "NormalisedText":
        decoded = raw.decode("utf-8")
        chars: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        offset = 0
        in_run = False
        for char in decoded:
            size = len(char.encode("utf-8"))
            if char in WHITE_SPACE and in_run:
                ends[-1] = offset + size  # extend the one space that stands for the whole run
            else:
                chars.append(" " if char in WHITE_SPACE else char)
                starts.append(offset)
                ends.append(offset + size)
            in_run = char in WHITE_SPACE
            offset += size
        return cls("".join(chars), starts, ends)

    def find_all(self, needle: str) -> list[int]:
        """Every index where `needle` starts in the collapsed text (overlapping matches included)."""
        hits: list[int] = []
        start = self.text.find(needle)
        while start != -1:
            hits.append(start)
            start = self.text.find(needle, start + 1)
        return hits


@dataclass
class Document:
    id: str
    raw: bytes
    normalised: NormalisedText | None = None

    def normalised_text(self) -> NormalisedText:
        if self.normalised is None:
            self.normalised = NormalisedText.of(self.raw)
        return self.normalised


class DatasetError(Exception):
    """The dataset or one of its documents cannot be read: nothing can be checked."""


def load_documents(dataset: dict, dataset_path: str) -> tuple[dict[str, Document], list[str]]:
    """Reads every document's text (inline `text` or a file at `path`); returns them and any problems."""
    documents: dict[str, Document] = {}
    problems: list[str] = []
    base = os.path.dirname(os.path.abspath(dataset_path))
    for index, entry in enumerate(dataset.get("documents", [])):
        where = f"$.documents[{index}]"
        doc_id = entry.get("id")
        if not isinstance(doc_id, str):
            raise DatasetError(f"{where}: document without an id")
        if "text" in entry:
            raw = entry["text"].encode("utf-8")
        elif "path" in entry:
            path = os.path.join(base, entry["path"])
            try:
                with open(path, "rb") as handle:
                    raw = handle.read()
            except OSError as error:
                raise DatasetError(f"{where}.path: cannot read {path}: {error.strerror}") from error
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError as error:
                raise DatasetError(f"{where}.path: {path} is not valid UTF-8 (byte {error.start})") from error
        else:
            raise DatasetError(f"{where}: document \"{doc_id}\" has neither text nor path")
        expected = entry.get("sha256")
        if expected is not None:
            actual = hashlib.sha256(raw).hexdigest()
            if actual != expected.lower():
                problems.append(f"{where}.sha256: document \"{doc_id}\": text has SHA-256 {actual}, "
                                f"the dataset says {expected}")
        documents[doc_id] = Document(doc_id, raw)
    return documents, problems


def on_char_boundary(raw: bytes, offset: int) -> bool:
    """True when `offset` starts a character (or is the end): the byte there is no continuation byte."""
    return offset == len(raw) or (raw[offset] & 0xC0) != 0x80


def check_span(stance: dict, document: Document) -> str | None:
    """Returns why the stance's span is wrong, or None when it checks out."""
    source = stance["source"]
    start, end = source.get("start"), source.get("end")
    missing = [name for name in ("start", "end") if name not in source]
    if missing:
        return f"no {' and no '.join(missing)}"
    if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool) or isinstance(end, bool):
        return "start and end must be integers"
    size = len(document.raw)
    if not 0 <= start <= end <= size:
        return f"span [{start}, {end}) does not lie within the document's {size} bytes"
    for name, offset in (("start", start), ("end", end)):
        if not on_char_boundary(document.raw, offset):
            return f"{name} {offset} falls inside a UTF-8 character"
    quote = stance.get("quote")
    if quote is None:
        return None  # Nothing to compare; the span itself is well-formed.
    span_text = collapse_white_space(document.raw[start:end].decode("utf-8"))
    quote_text = collapse_white_space(quote)
    if span_text != quote_text:
        return f"quote differs from the text at [{start}, {end}): {describe_difference(quote_text, span_text)}"
    return None


def describe_difference(quote: str, span: str) -> str:
    """Shows where a quote and its span's text part ways, with a little context from each."""
    at = next((i for i, (a, b) in enumerate(zip(quote, span)) if a != b), min(len(quote), len(span)))
    context = max(0, at - 20)
    return (f"from character {at}: quote has {shorten(quote[context:at + 30], 50)!r}, "
            f"text has {shorten(span[context:at + 30], 50)!r}")


def locate(quote: str, document: Document) -> tuple[int, int] | str:
    """Finds the quote in the document, white space insensitive; returns (start, end) or a reason."""
    needle = collapse_white_space(quote)
    if not needle:
        return "the quote is empty"
    normalised = document.normalised_text()
    hits = normalised.find_all(needle)
    if not hits:
        return f"quote not found in document \"{document.id}\""
    if len(hits) > 1:
        places = ", ".join(str(normalised.byte_start[hit]) for hit in hits)
        return f"quote found {len(hits)} times in document \"{document.id}\" (at bytes {places}); make it longer"
    first = hits[0]
    last = first + len(needle) - 1
    return normalised.byte_start[first], normalised.byte_end[last]


# The order in which docs/dataset-format.md lists a stance's keys (and `stance export` writes them).
STANCE_KEYS = ("id", "actor", "includes", "speaker", "topic", "proposition", "meeting", "agenda_item", "position",
               "score", "breadth", "quote", "paraphrase", "source", "reported_by", "confidence", "coder",
               "coded_at", "stated_on")


def reorder_stance(stance: dict) -> None:
    """Puts the stance's keys in documented order (a newly added `source` would otherwise come last)."""
    ordered = {key: stance[key] for key in STANCE_KEYS if key in stance}
    ordered.update((key, value) for key, value in stance.items() if key not in ordered)
    stance.clear()
    stance.update(ordered)


def shorten(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass
class Tally:
    ok: int = 0
    fixed: int = 0
    skipped: int = 0
    errors: int = 0


def process(dataset: dict, documents: dict[str, Document], fix: bool, out=sys.stdout) -> Tally:
    """Checks (and with `fix`, repairs in place) every stance's span; prints one line per stance."""
    tally = Tally()
    only_document = next(iter(documents)) if len(documents) == 1 else None
    for index, stance in enumerate(dataset.get("stances", [])):
        label = f"$.stances[{index}] {stance.get('id', '?')}"
        source = stance.get("source")
        quote = stance.get("quote")
        if source is None:
            if quote is None:
                print(f"SKIP   {label}: no quote and no source", file=out)
                tally.skipped += 1
                continue
            if not fix:
                print(f"ERROR  {label}: has a quote but no source span", file=out)
                tally.errors += 1
                continue
            if only_document is None:
                print(f"ERROR  {label}: no source, and the dataset does not hold exactly one document "
                      f"to search", file=out)
                tally.errors += 1
                continue
            source = stance["source"] = {"document": only_document}
        if not isinstance(source, dict):
            print(f"ERROR  {label}: source is not an object", file=out)
            tally.errors += 1
            continue
        doc_id = source.get("document")
        document = documents.get(doc_id)
        if document is None:
            print(f"SKIP   {label}: document \"{doc_id}\" is not in this file; cannot check", file=out)
            tally.skipped += 1
            continue
        problem = check_span(stance, document)
        if problem is None:
            tally.ok += 1
            print(f"OK     {label} [{source['start']}, {source['end']})", file=out)
            continue
        if not fix or quote is None:
            print(f"ERROR  {label}: {problem}", file=out)
            tally.errors += 1
            continue
        found = locate(quote, document)
        if isinstance(found, str):
            print(f"ERROR  {label}: {problem}; cannot fix: {found}", file=out)
            tally.errors += 1
            continue
        old = (source.get("start"), source.get("end"))
        source["start"], source["end"] = found
        # Keep the documented key order: document, start, end, page (and source after paraphrase).
        stance["source"] = {key: source[key] for key in ("document", "start", "end", "page") if key in source}
        reorder_stance(stance)
        still = check_span(stance, document)
        if still is not None:  # a safety net: a located span should always check out
            print(f"ERROR  {label}: located at [{found[0]}, {found[1]}) but {still}", file=out)
            tally.errors += 1
            continue
        print(f"FIXED  {label}: [{old[0]}, {old[1]}) -> [{found[0]}, {found[1]})", file=out)
        tally.fixed += 1
    return tally


def format_json(value, indent: int = 0, width: int = 150) -> str:
    """Compact where it fits, one member per line where it does not; two-space indentation.

    Small entities (an actor, a membership, a source span) stay on one line, so a hand-coded
    dataset reads like a table while a long stance is laid out field by field.
    """
    compact = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    if len(compact) + indent <= width or not isinstance(value, (dict, list)) or not value:
        return compact
    pad = " " * (indent + 2)
    if isinstance(value, dict):
        members = [f"{pad}{json.dumps(key, ensure_ascii=False)}: {format_json(item, indent + 2, width)}"
                   for key, item in value.items()]
        return "{\n" + ",\n".join(members) + "\n" + " " * indent + "}"
    members = [pad + format_json(item, indent + 2, width) for item in value]
    return "[\n" + ",\n".join(members) + "\n" + " " * indent + "]"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check or fix the quote spans of a stance dataset.")
    parser.add_argument("dataset", help="a stance dataset (JSON, format version 1)")
    parser.add_argument("--fix", action="store_true",
                        help="locate each quote whose span is missing or wrong and rewrite the dataset")
    parser.add_argument("-o", "--output", help="with --fix: write here instead of over DATASET")
    args = parser.parse_args(argv)
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `... | head` should end quietly, not with a traceback
    if args.output and not args.fix:
        parser.error("--output needs --fix")

    try:
        with open(args.dataset, encoding="utf-8") as handle:
            dataset = json.load(handle)
    except OSError as error:
        print(f"{args.dataset}: cannot read: {error.strerror}", file=sys.stderr)
        return 2
    except json.JSONDecodeError as error:
        print(f"{args.dataset}:{error.lineno}:{error.colno}: malformed JSON: {error.msg}", file=sys.stderr)
        return 2
    if not isinstance(dataset, dict):
        print(f"{args.dataset}: the top level is not a JSON object", file=sys.stderr)
        return 2

    try:
        documents, document_problems = load_documents(dataset, args.dataset)
    except DatasetError as error:
        print(f"{args.dataset}: {error}", file=sys.stderr)
        return 2
    for problem in document_problems:
        print(f"ERROR  {problem}")

    tally = process(dataset, documents, args.fix)
    errors = tally.errors + len(document_problems)

    if args.fix and (tally.fixed or args.output):
        target = args.output or args.dataset
        with open(target, "w", encoding="utf-8") as handle:
            handle.write(format_json(dataset) + "\n")
        print(f"wrote {target}")

    print(f"{args.dataset}: {tally.ok} ok, {tally.fixed} fixed, {tally.skipped} skipped, {errors} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
