"""JSON Lines and JSON array output, byte for byte the same on every run, and reading JSONL back."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, TextIO

from ._base import Writer

__all__ = ["JsonWriter", "JsonlWriter", "dumps", "iter_jsonl", "ordered"]

logger = logging.getLogger(__name__)

# Top-level keys in output order: batch fields first, then Report.to_dict()'s own order.
_KEY_ORDER = (
    "schema",
    "source",
    "sha256",
    "error",
    "format",
    "encoding",
    "traditional",
    "date",
    "keywords",
    "summary",
    "theme_shares",
    "figures",
    "dropped",
    "articles",
    "part",
    "warnings",
    "provenance",
)


def ordered(record: Mapping[str, Any]) -> dict[str, Any]:
    """The record with its top-level keys in the fixed output order, unknown keys last."""
    out = {key: record[key] for key in _KEY_ORDER if key in record}
    out.update((key, value) for key, value in record.items() if key not in out)
    return out


def dumps(record: Mapping[str, Any]) -> str:
    """One record as one line of JSON (no newline), Chinese left readable."""
    return json.dumps(ordered(record), ensure_ascii=False, sort_keys=False)


class JsonlWriter(Writer):
    """One record per line: streamable, appendable, what ``unionnlp tag --resume`` reads."""

    name = "jsonl"
    extensions = (".jsonl", ".ndjson")

    def write(self, records: Iterable[Mapping[str, Any]], stream: TextIO) -> int:
        count = 0
        for record in records:
            stream.write(dumps(record) + "\n")
            count += 1
        return count


class JsonWriter(Writer):
    """A JSON array with one record per line, written as the records arrive."""

    name = "json"
    extensions = (".json",)

    def write(self, records: Iterable[Mapping[str, Any]], stream: TextIO) -> int:
        count = 0
        for record in records:
            stream.write(("[\n" if count == 0 else ",\n") + dumps(record))
            count += 1
        stream.write("[]\n" if count == 0 else "\n]\n")
        return count


def iter_jsonl(path: str | os.PathLike[str]) -> Iterator[dict[str, Any]]:
    """The records of a JSONL file an interrupted run may have left.

    A last line without its newline is a record cut short and is skipped silently;
    another line that is not a JSON object is skipped with a warning.
    """
    with open(path, "rb") as stream:
        for number, raw in enumerate(stream, start=1):
            if not raw.endswith(b"\n"):
                # What a full disk or a kill leaves: possibly cut inside a character.
                logger.debug("%s:%d: ignoring an incomplete last line", os.fspath(path), number)
                return
            try:
                record = json.loads(raw.decode("utf-8"))
            except ValueError:  # UnicodeDecodeError included
                record = None
            if isinstance(record, dict):
                yield record
            elif raw.strip():
                logger.warning("%s:%d: not a JSON record, ignored", os.fspath(path), number)
