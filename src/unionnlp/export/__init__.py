"""Write a batch's records in one format: the last stage, and the only one that makes files.

Writers sit in a registry by format name:

=========== ==========================================================
jsonl       one record a line (the default; what ``--resume`` continues)
json        one JSON array, a record a line
csv         one row per paragraph, UTF-8 with a BOM so Excel reads Chinese
csv-reports one row per report, with the same BOM
html        one self-contained page (no network): outline, themes, charts
xlsx        an Excel workbook: reports, paragraphs, figures, keywords
=========== ==========================================================

:func:`write` writes to a text stream, or to a path atomically: the records go
to a temporary file in the same directory, which replaces the path only once
complete, so a reader never sees half a file.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, BinaryIO, TextIO

from ..errors import ConfigError, unknown_name
from ._base import Writer

__all__ = [
    "WRITERS",
    "Writer",
    "atomic_binary_file",
    "atomic_text_file",
    "format_for_path",
    "get_writer",
    "write",
]


def _registry() -> dict[str, Writer]:
    from .csv import CsvReportsWriter, CsvWriter
    from .html import HtmlWriter
    from .json import JsonlWriter, JsonWriter
    from .xlsx import XlsxWriter

    writers: list[Writer] = [JsonlWriter(), JsonWriter(), CsvWriter(), CsvReportsWriter(),
                             HtmlWriter(), XlsxWriter()]
    return {w.name: w for w in writers}


#: Writers by format name.
WRITERS: dict[str, Writer] = _registry()


def get_writer(name: str) -> Writer:
    """The writer of a format; an unknown name raises a ConfigError listing the valid ones."""
    try:
        return WRITERS[name]
    except KeyError:
        raise unknown_name("export format", name, WRITERS) from None


def format_for_path(path: str | os.PathLike[str], default: str = "jsonl") -> str:
    """The format a file name implies (``out.csv`` → ``csv``), else ``default``."""
    extension = os.path.splitext(os.fspath(path))[1].lower()
    for writer in WRITERS.values():
        if extension in writer.extensions:
            return writer.name
    return default


def write(
    records: Iterable[Mapping[str, Any]],
    dest: str | os.PathLike[str] | TextIO,
    *,
    fmt: str = "jsonl",
) -> int:
    """Write records in format ``fmt`` to a stream, or atomically to a path; return the count."""
    writer = get_writer(fmt)
    if isinstance(dest, (str, os.PathLike)):
        if writer.binary:
            with atomic_binary_file(dest) as raw:
                return writer.write(records, raw)
        with atomic_text_file(dest) as stream:
            return writer.write(records, stream)
    if writer.binary:
        buffer = getattr(dest, "buffer", None)
        if buffer is None:
            raise ConfigError(f"the {fmt} format is binary: write it to a file (-o out.{fmt})")
        dest.flush()
        return writer.write(records, buffer)
    return writer.write(records, dest)


@contextlib.contextmanager
def atomic_binary_file(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """:func:`atomic_text_file` for bytes."""
    with _atomic(path, "wb") as stream:
        yield stream


@contextlib.contextmanager
def atomic_text_file(path: str | os.PathLike[str]) -> Iterator[TextIO]:
    """A UTF-8 text file (``\\n`` newlines untranslated) that appears at ``path`` only when
    the block completes; on an error the temporary file is removed and ``path`` is untouched."""
    with _atomic(path, "w", encoding="utf-8", newline="") as stream:
        yield stream


@contextlib.contextmanager
def _atomic(path: str | os.PathLike[str], mode: str, **kwargs: Any) -> Iterator[Any]:
    target = os.path.abspath(os.fspath(path))
    file = _Deferred(target, mode, kwargs)
    try:
        yield file
        with file.stream() as stream:
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(file.temporary, target)
    except BaseException:
        file.discard()
        raise


class _Deferred:
    """A temporary file beside ``target``, created at its first use: a writer that reads
    every record first (HTML, Excel) leaves nothing behind when the batch is killed."""

    def __init__(self, target: str, mode: str, kwargs: dict[str, Any]) -> None:
        self._target, self._mode, self._kwargs = target, mode, kwargs
        self._stream: Any = None
        self.temporary = ""

    def stream(self) -> Any:
        """The open file, created now if it was not yet."""
        if self._stream is None:
            handle, self.temporary = _create_beside(self._target)
            self._stream = open(handle, self._mode, **self._kwargs)
        return self._stream

    def discard(self) -> None:
        """Close and remove the file, if it was created."""
        if self._stream is not None:
            with contextlib.suppress(OSError):
                self._stream.close()
            with contextlib.suppress(OSError):
                os.unlink(self.temporary)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream(), name)


def _create_beside(target: str) -> tuple[int, str]:
    """Create a hidden temporary file next to ``target``; mode 0o666 lets the umask decide,
    as for any new file (``tempfile`` would make it 0o600)."""
    directory, name = os.path.split(target)
    while True:
        temporary = os.path.join(directory, f".{name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), temporary
        except FileExistsError:
            continue
