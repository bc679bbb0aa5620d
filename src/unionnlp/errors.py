"""The one exception tree of unionnlp.

Every error the library raises on purpose is a :class:`UnionNLPError`; a
dependency's error is re-raised as one of these, ``from`` the original, with
the path of the file it concerns::

    UnionNLPError
    ├── InputError                 a file cannot be turned into text
    │   ├── UnsupportedFormatError     extension or content not a report format
    │   ├── DecodeError                bytes that no supported encoding reads
    │   ├── CorruptFileError           a .docx/.pdf that its reader rejects
    │   └── TimeBudgetError            a file's analysis ran past the batch's time budget
    ├── ModelError                 a theme model cannot be loaded, trained or used
    ├── CorpusError                the labelled corpus is malformed
    └── ConfigError                an unknown option, backend or format name, or a
                                   run refused before it starts (a Dask cluster
                                   whose workers cannot run unionnlp)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from os import PathLike

__all__ = [
    "SURROGATE",
    "ConfigError",
    "CorpusError",
    "CorruptFileError",
    "DecodeError",
    "InputError",
    "ModelError",
    "TimeBudgetError",
    "UnionNLPError",
    "UnsupportedFormatError",
    "escape_surrogates",
    "printable",
    "unknown_name",
]

# C0 and C1 controls, DEL, and the lone surrogates that undecodable file-name bytes become.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` with control characters and undecodable bytes escaped (``\\x1b``, ``\\xff``
    as records write them), safe to print on a terminal and to write as UTF-8: a file name
    can hold an escape sequence, or bytes that are not UTF-8."""
    return _UNPRINTABLE.sub(_escape, text)


#: A lone surrogate (half of a UTF-16 pair), as ``surrogateescape`` leaves undecodable bytes.
SURROGATE = re.compile("[\ud800-\udfff]")


def escape_surrogates(text: str) -> str:
    """``text`` with the lone surrogates that stand for a file name's undecodable bytes
    written as ``\\xff`` escapes (any other as ``\\ud800``), and nothing else changed:
    how records and warnings name a file, so that they can be written as UTF-8."""
    return SURROGATE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match[0])
    if 0xDC80 <= code <= 0xDCFF:  # the byte that os.fsdecode could not decode
        return f"\\x{code - 0xDC00:02x}"
    return match[0].encode("unicode_escape", "backslashreplace").decode("ascii")


class UnionNLPError(Exception):
    """Base class of every error unionnlp raises on purpose."""


class InputError(UnionNLPError):
    """A file cannot be turned into report text; ``path`` names it."""

    def __init__(self, path: str | PathLike[str] | None, problem: str) -> None:
        self.path = None if path is None else str(path)
        self.problem = problem
        where = f"{printable(self.path)}: " if self.path else ""
        super().__init__(f"{where}{problem}")


class UnsupportedFormatError(InputError):
    """The file's extension or content is not a format unionnlp reads."""


class DecodeError(InputError):
    """The bytes decode in none of the supported text encodings."""


class CorruptFileError(InputError):
    """A .docx or .pdf that its reader rejects (truncated, encrypted, not really one)."""


class TimeBudgetError(InputError):
    """A file's analysis ran past the batch's per-file time budget."""


class ModelError(UnionNLPError):
    """A theme model cannot be loaded, trained or applied."""


class CorpusError(UnionNLPError):
    """The labelled corpus (packaged or the user's) is malformed."""


class ConfigError(UnionNLPError, ValueError):
    """An unknown option, backend or format name."""


def unknown_name(kind: str, name: str, valid: Iterable[str]) -> ConfigError:
    """Build the error for a name that is not in a registry, listing the valid ones."""
    choices = ", ".join(sorted(valid))
    return ConfigError(f"unknown {kind} {name!r}; choose one of: {choices}")
