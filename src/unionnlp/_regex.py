"""unionnlp's regular expressions, compiled once per machine instead of once per process.

Compiling the package's patterns costs every fresh process 0.1-0.2 s of CPU, most of it in
``re``'s pure-Python optimiser of character classes over the Han range. The programs ``re``
compiles are kept in the user's cache directory (JSON behind a SHA-256, one file per
Python build) and handed straight to ``_sre``, which validates a program before it runs
it. A program is kept only once its pattern, built from it, equals the one ``re.compile``
builds; on another Python, a damaged file or a changed ``re``, patterns are compiled the
usual way.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import logging
import os
import re
import sys
import threading
from functools import cache
from pathlib import Path
from typing import Any

__all__ = ["FORMAT", "regex"]

log = logging.getLogger(__name__)

FORMAT = "unionnlp-regex/1"
#: Programs one file keeps (the package has about 160 patterns).
_MAX_PATTERNS = 1000

_lock = threading.Lock()
_known: dict[str, list[Any]] | None = None  # programs read from the cache file
_fresh: dict[str, list[Any]] = {}  # programs compiled by this process, not yet saved
_saving = False  # whether _save is registered to run at exit


@cache
def _internals() -> tuple[Any, Any, Any] | None:
    """``re``'s parser and code generator and ``_sre`` (Python 3.11 and later), or None."""
    try:
        import _sre
        from re import _compiler, _parser  # type: ignore[attr-defined]
    except ImportError:
        return None
    return _parser, _compiler, _sre


def _path() -> Path:
    import _sre

    from .cache import cache_dir

    build = f"{sys.implementation.cache_tag}|{sys.version}|{_sre.MAGIC}|{_sre.CODESIZE}"
    return cache_dir() / f"regex-{hashlib.sha256(build.encode()).hexdigest()[:16]}.json"


def _read(path: Path) -> dict[str, list[Any]]:
    """The programs of a cache file: a header line (format, SHA-256 of the rest), then
    the programs as JSON; nothing when the file is missing or does not check out."""
    try:
        head, _, body = path.read_bytes().partition(b"\n")
        header = json.loads(head)
        if (header.get("format") != FORMAT
                or header.get("sha256") != hashlib.sha256(body).hexdigest()):
            return {}
        found = json.loads(body)
    except (OSError, ValueError, AttributeError):
        return {}
    return found if isinstance(found, dict) else {}


def _save() -> None:
    """Add this process's new programs to the cache file (atomically: another process may
    be writing it too)."""
    with _lock:
        if not _fresh:
            return
        try:
            path = _path()
            merged = {**_read(path), **_fresh}
            if len(merged) > _MAX_PATTERNS:
                return
            # ASCII: a pattern may hold lone surrogates, which JSON escapes.
            body = json.dumps(merged, sort_keys=True).encode("ascii")
            header = json.dumps({"format": FORMAT,
                                 "sha256": hashlib.sha256(body).hexdigest()}).encode()
            temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            try:
                temporary.write_bytes(header + b"\n" + body)
                os.replace(temporary, path)
            finally:
                temporary.unlink(missing_ok=True)
            _fresh.clear()
        except (OSError, ValueError) as exc:
            log.debug("could not save the compiled patterns: %s", exc)


def _program(pattern: str, flags: int, internals: tuple[Any, Any, Any]) -> list[Any]:
    """What ``re._compiler.compile`` hands to ``_sre.compile`` for ``pattern``."""
    parser, compiler, _ = internals
    parsed = parser.parse(pattern, flags)
    code = compiler._code(parsed, flags)
    groups = parsed.state.groupdict
    index: list[str | None] = [None] * parsed.state.groups
    for name, i in groups.items():
        index[i] = name
    return [flags | parsed.state.flags, list(code), parsed.state.groups - 1, dict(groups), index]


def _build(pattern: str, program: list[Any], sre: Any) -> re.Pattern[str]:
    flags, code, groups, groupindex, indexgroup = program
    built: re.Pattern[str] = sre.compile(pattern, flags, code, groups, groupindex,
                                         tuple(indexgroup))
    return built


def regex(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the cache when this Python compiled it before."""
    global _known, _saving
    internals = _internals()
    if internals is None:
        return re.compile(pattern, flags)
    flags = int(flags)
    key = f"{flags}:{pattern}"
    with _lock:
        if _known is None:
            _known = _read(_path())
        known = _known.get(key)
    if known is not None:
        try:
            return _build(pattern, known, internals[2])
        except Exception:  # a program this _sre refuses: compile it anew
            log.debug("a cached pattern did not load; compiling it", exc_info=True)
    compiled = re.compile(pattern, flags)
    try:
        program = _program(pattern, flags, internals)
        kept = _build(pattern, program, internals[2]) == compiled
    except Exception:  # re's internals are not what this module knows
        log.debug("could not take the program of a pattern", exc_info=True)
        kept = False
    if kept:
        with _lock:
            if not _saving:
                atexit.register(_save)
                _saving = True
            _fresh[key] = program
    return compiled
