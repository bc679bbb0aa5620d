"""Tag many files: collect the inputs, analyse them in worker processes or on a Dask
cluster, and yield one record per file in input order.

A record is a report dict (:meth:`unionnlp.model.Report.to_dict`) with the SHA-256
of the file's bytes after ``source``, or, for a file that failed, an error record
with the same first keys::

    {"schema": "unionnlp/1", "source": path, "sha256": hex or None,
     "error": {"type": exception class name, "message": text}}

One bad file never costs the others their results. Runners sit behind
:class:`Runner` and the :data:`RUNNERS` registry: ``local`` (a process pool, or the
calling process for one worker) and ``dask`` (``pip install unionnlp[distributed]``).
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import glob
import hashlib
import json
import logging
import os
import re
import signal
import stat
import threading
import time
from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Literal, overload

from ._env import AtLeast, cpu_count, pool_context
from ._regex import regex
from .api import analyze_source
from .errors import (
    ConfigError,
    InputError,
    TimeBudgetError,
    escape_surrogates,
    printable,
    unknown_name,
)
from .export.json import dumps
from .model import DEFAULT, SCHEMA, Options, Part
from .readers import MAX_INPUT_BYTES, PART_BYTES

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

    from distributed import Client

__all__ = [
    "DEFAULT_TIME_BUDGET",
    "RUNNERS",
    "AtLeast",
    "Collection",
    "DaskRunner",
    "Item",
    "JsonRecord",
    "LocalRunner",
    "Output",
    "PartOf",
    "Result",
    "Runner",
    "Tagger",
    "collect",
    "error_record",
    "expand",
    "file_sha256",
    "get_runner",
    "is_error",
    "item_key",
    "item_sha256",
    "pattern_finds",
    "provenance",
    "record_key",
    "record_name",
    "reusable_records",
    "tag_files",
    "within_budget",
]

logger = logging.getLogger(__name__)

#: One output record: a report dict with ``sha256``, or an error record.
Result = dict[str, Any]


@dataclass(frozen=True)
class JsonRecord:
    """A record as its line of JSON, made in the process that analysed the file, with what
    a batch reads of it: the parent of a worker pool then writes JSON Lines without
    decoding and encoding every record again."""

    #: The record's line of JSON (:func:`unionnlp.export.json.dumps`), without a newline.
    text: str
    #: :func:`item_key` of the input the record describes.
    key: str
    #: The line a batch logs when the file failed (None: it did not).
    failure: str | None = None
    #: The record's warnings.
    warnings: tuple[str, ...] = ()

    @classmethod
    def of(cls, record: Mapping[str, Any], item: Item | None = None) -> JsonRecord:
        """The record of ``item``, encoded (without the item, keyed by :func:`record_key`)."""
        return cls(dumps(record), record_key(record) if item is None else item_key(item),
                   _failure_line(record) if is_error(record) else None,
                   tuple(record.get("warnings") or ()))

    def record(self) -> Result:
        """The record itself, decoded."""
        record: Result = json.loads(self.text)
        return record


#: What a runner yields for each input: its record, or with ``as_json`` the record encoded.
Output = Result | JsonRecord

_GLOB_MAGIC = regex(r"[*?[]")
#: Seconds a file may take in a batch by default (a 1 MB report takes about one).
DEFAULT_TIME_BUDGET = 300.0
_CHUNK = 1 << 20


# --- inputs -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PartOf:
    """One part of a large text file, tagged as an input of its own (see :func:`expand`)."""

    path: str
    part: Part

    def __str__(self) -> str:
        return f"{self.path} (part {self.part.index})"


#: What a batch tags: a file, or a part of one.
Item = str | PartOf


def expand(paths: Iterable[str], *, max_bytes: int = MAX_INPUT_BYTES,
           part_bytes: int = PART_BYTES) -> list[Item]:
    """The files, with every plain-text file over ``max_bytes`` replaced by its parts
    (:func:`unionnlp.readers.split_parts`: about ``part_bytes`` each, none over
    ``max_bytes``), so that it is tagged in bounded memory instead of refused. A file that
    cannot be cut stays whole and gets its error record."""
    from .readers import split_parts

    out: list[Item] = []
    for path in paths:
        try:
            big = os.path.isfile(path) and os.path.getsize(path) > max_bytes
        except OSError:
            big = False
        if not big:
            out.append(path)
            continue
        try:
            out += [PartOf(path, part)
                    for part in split_parts(path, part_bytes, max_bytes=max_bytes)]
        except InputError as exc:
            logger.warning("%s; not read in parts", printable(str(exc)))
            out.append(path)
    return out


def item_key(item: Item) -> str:
    """How an input is known in a JSONL batch: its path as given, and a part's index after
    a NUL (which no file name holds). Unlike a record's name, one key is one file: the
    lone surrogates of undecodable bytes stay, so ``a<0xff>.txt`` and ``a\\xff.txt`` differ."""
    if isinstance(item, PartOf):
        return f"{item.path}\0{item.part.index}"
    return item


def _name_key(item: Item) -> str:
    """:func:`record_key` of the record an input gets."""
    if isinstance(item, PartOf):
        return f"{record_name(item.path)}\0{item.part.index}"
    return record_name(item)


def record_key(record: Mapping[str, Any]) -> str:
    """How a record names its input: :func:`item_key` for a file whose name is UTF-8. A
    record writes undecodable name bytes as ``\\xff`` escapes, so two files can share it."""
    part = record.get("part")
    source = str(record.get("source"))
    return f"{source}\0{part['index']}" if isinstance(part, Mapping) else source


@dataclass(frozen=True)
class Collection:
    """The files to tag, in order without duplicates, and the arguments that matched none
    (unpacks as ``files, missing``); also the files that folders held in formats unionnlp
    does not read (``skipped``: .doc, .wps, images …) and the folders that could not be
    listed, with the reason (``unreadable``)."""

    files: Sequence[Path]
    missing: Sequence[str]
    skipped: Sequence[Path] = field(default_factory=list)
    unreadable: Sequence[tuple[str, str]] = field(default_factory=list)

    def __iter__(self) -> Iterator[Any]:
        return iter((self.files, self.missing))


def collect(paths: Iterable[str | os.PathLike[str]]) -> Collection:
    """Expand files, directories and glob patterns into the list of files to tag.

    A file named explicitly is kept whatever its extension (reading it reports an
    unsupported one); directories are walked recursively and glob matches filtered,
    both keeping only supported extensions and skipping hidden entries, in sorted
    order, never following a symbolic link to a directory (so a link loop ends). A file
    reached twice is kept at its first place. An argument that yields no file is
    returned in ``missing``: what to do about it is the caller's choice.
    """
    from .readers import SUPPORTED_EXTENSIONS

    def supported(path: Path) -> bool:
        return path.suffix.lower() in SUPPORTED_EXTENSIONS

    files: list[Path] = []
    seen: set[Path] = set()
    missing: list[str] = []
    skipped: list[Path] = []
    unreadable: list[tuple[str, str]] = []

    def walk(root: Path) -> Iterator[Path]:
        for path in _walk(root, unreadable):
            if supported(path):
                yield path
            else:
                skipped.append(path)

    for item in paths:
        text = os.fspath(item)
        path = Path(text)
        found: list[Path]
        if path.is_dir():
            found = list(walk(path))
        elif path.exists() or path.is_symlink():
            found = [path]
        elif _GLOB_MAGIC.search(text):
            found = []
            for match in _glob(text):
                if match.is_dir() and not match.is_symlink():
                    found.extend(walk(match))
                elif match.is_file() and supported(match):
                    found.append(match)
        else:
            found = []
        if not found:
            missing.append(text)
        for file in found:
            if file not in seen:
                seen.add(file)
                files.append(file)
    return Collection(files, missing, skipped, unreadable)


def _walk(root: Path, unreadable: list[tuple[str, str]]) -> Iterator[Path]:
    """Files under ``root``, depth first, names sorted, hidden ones skipped, symbolic links
    to directories not followed; folders that cannot be listed go to ``unreadable``."""

    def failed(exc: OSError) -> None:
        unreadable.append((str(exc.filename or root), exc.strerror or str(exc)))

    for directory, dirnames, filenames in os.walk(root, onerror=failed):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield Path(directory, name)


def _glob(pattern: str) -> list[Path]:
    """Paths matching a glob pattern, sorted. ``**`` matches any number of folders, found
    by a walk that does not follow symbolic links to directories (the standard library's
    recursive glob does, and never ends in a link loop); names starting with a dot match
    only a pattern part that starts with one."""
    if "**" not in pattern:
        return sorted(Path(m) for m in glob.glob(pattern))
    parts = pattern.replace(os.sep, "/").split("/")
    fixed = next(i for i, part in enumerate(parts) if _GLOB_MAGIC.search(part))
    base = "/".join(parts[:fixed]) or ("/" if pattern.startswith("/") else ".")
    wanted = re.compile(_glob_regex(parts[fixed:]))
    found = []
    for directory, dirnames, filenames in os.walk(base):
        dirnames.sort()
        for name in (*dirnames, *filenames):
            full = os.path.join(directory, name)
            rel = os.path.relpath(full, base).replace(os.sep, "/")
            if wanted.fullmatch(rel):
                found.append(Path(full) if base != "." or pattern.startswith("./") else Path(rel))
    return sorted(found)


def pattern_finds(pattern: str, path: str) -> bool:
    """Whether :func:`collect` could find the file ``path`` by ``pattern``: a glob (no
    existing path) that matches it or a folder above it, both made absolute."""
    if os.path.lexists(pattern) or not _GLOB_MAGIC.search(pattern):
        return False
    wanted = re.compile(_glob_regex(os.path.abspath(pattern).replace(os.sep, "/").split("/")))
    parts = os.path.abspath(path).replace(os.sep, "/").split("/")
    return any(wanted.fullmatch("/".join(parts[:i])) for i in range(len(parts), 1, -1))


def _glob_regex(parts: Sequence[str]) -> str:
    """A regular expression for the path parts of a glob pattern (``**`` any folders)."""
    out = []
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        if part == "**":
            out.append("(?:[^/.][^/]*/)*" if not last else "(?:[^/.][^/]*(?:/|$))*")
            continue
        out.append(("" if part.startswith(".") else "(?![.])") + _part_regex(part)
                   + ("" if last else "/"))
    return "".join(out)


def _part_regex(part: str) -> str:
    """One path part of a glob (``*``, ``?``, ``[…]``, ``[!…]``) as a regular expression."""
    out = []
    i = 0
    while i < len(part):
        char = part[i]
        close = part.find("]", i + 2) if char == "[" else -1
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif close > 0:
            body = part[i + 1:close]
            negate = body[:1] in ("!", "^")
            body = re.escape(body[1:] if negate else body).replace("\\-", "-")
            out.append(f"[{'^/' if negate else ''}{body}]")
            i = close
        else:
            out.append(re.escape(char))
        i += 1
    return "".join(out)


def record_name(path: str) -> str:
    """How a file is named in its record: as given, except that the lone surrogates which
    stand for a name's undecodable bytes become ``\\xff`` escapes (a record must be
    writable as UTF-8), and any other lone surrogate a ``\\ud800`` one."""
    return escape_surrogates(path)


def file_sha256(path: str | os.PathLike[str]) -> str | None:
    """Hex SHA-256 of a file's bytes, or None when it cannot be read or is no regular file
    (a FIFO or a device would never end)."""
    digest = hashlib.sha256()
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        with open(path, "rb") as handle:
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
    except (OSError, ValueError):  # ValueError: a NUL in the name, which read() names
        return None
    return digest.hexdigest()


def item_sha256(item: Item) -> str | None:
    """:func:`file_sha256` of a file, or the SHA-256 of a part's bytes."""
    if not isinstance(item, PartOf):
        return file_sha256(item)
    digest = hashlib.sha256()
    try:
        if not stat.S_ISREG(os.stat(item.path).st_mode):
            return None
        with open(item.path, "rb") as handle:
            handle.seek(item.part.start)
            left = item.part.stop - item.part.start
            while left > 0 and (chunk := handle.read(min(_CHUNK, left))):
                digest.update(chunk)
                left -= len(chunk)
    except (OSError, ValueError):
        return None
    return digest.hexdigest()


# --- records ------------------------------------------------------------------------------------


def error_record(
    source: str, error_type: str, message: str, *, sha256: str | None = None
) -> Result:
    """The record of a file that could not be analysed; lone surrogates (a file name's
    undecodable bytes) in ``source`` and ``message`` become ``\\xff`` escapes."""
    return {
        "schema": SCHEMA,
        "source": record_name(source),
        "sha256": sha256,
        "error": {"type": error_type, "message": record_name(message)},
    }


def is_error(record: Mapping[str, Any] | JsonRecord) -> bool:
    """Whether a record (or an encoded one) describes a failed file."""
    if isinstance(record, JsonRecord):
        return record.failure is not None
    return record.get("error") is not None


def _with_sha256(report: dict[str, Any], sha256: str | None,
                 provenance: Mapping[str, str] | None = None) -> Result:
    head = {"schema": report["schema"], "source": report["source"], "sha256": sha256}
    tail = {"provenance": dict(provenance)} if provenance else {}
    return head | {k: v for k, v in report.items() if k not in head} | tail


@functools.cache
def provenance(options: Options = DEFAULT) -> dict[str, str]:
    """What made a record: the unionnlp version, the theme model (the packaged one's data
    key and a hash of its bytes, or a hash of the user's model file) and a hash of the options. ``--resume`` reuses
    only records made alike."""
    from . import __version__

    if options.model is None:
        from .store import packaged
        from .themes import PACKAGED_MODEL, default_classifier

        # The data key names what the model was fitted on, its bytes how (a context stage
        # that reads more features is refitted on the same data).
        fitted = hashlib.sha256(packaged(PACKAGED_MODEL, "theme model")).hexdigest()[:12]
        model = f"packaged:{default_classifier().data_key_ or 'unknown'}:{fitted}"
    else:
        model = "file:" + (file_sha256(options.model) or "unreadable")[:16]
    # The model is known by its bytes above, not by how its path was spelt (a Dask run
    # makes it absolute).
    chosen = dataclasses.asdict(options) | {"model": None if options.model is None else "file"}
    settings = json.dumps(chosen, sort_keys=True, default=str)
    return {"unionnlp": __version__, "model": model,
            "options": hashlib.sha256(settings.encode()).hexdigest()[:12]}


def reusable_records(items: Sequence[Item], records: Iterable[Mapping[str, Any]]) -> dict[str, Result]:
    """Records from an earlier run that still describe one of ``items``, by :func:`item_key`.

    A record is reused when it succeeded and its ``sha256`` is that of the file (or the
    part, cut at the same bytes) now; error records are never reused, so failed files are
    tried again. Two files whose names a record writes alike (``a<0xff>.txt``,
    ``a\\xff.txt``) each reuse only a record of their own bytes.
    """
    wanted: dict[str, list[Item]] = {}
    for item in items:
        wanted.setdefault(_name_key(item), []).append(item)
    candidates: dict[str, dict[str, Result]] = {}  # by record key, then by sha256
    for record in records:
        key = record_key(record)
        if key in wanted and not is_error(record) and record.get("sha256"):
            candidates.setdefault(key, {})[str(record["sha256"])] = dict(record)
    out: dict[str, Result] = {}
    for key, by_sha256 in candidates.items():
        for item in wanted[key]:
            found = by_sha256.get(item_sha256(item) or "")
            if found is None or (isinstance(item, PartOf)
                                 and found.get("part") != item.part.to_dict()):
                continue
            out[item_key(item)] = found
    return out


@dataclass(frozen=True)
class Tagger:
    """Analyse one file into a record; picklable, so every worker runs the same object."""

    options: Options = DEFAULT
    #: The largest file read (see :func:`unionnlp.readers.read`).
    max_bytes: int = MAX_INPUT_BYTES
    #: Seconds one file may take; then it gets an error record (None: no limit). Enforced
    #: where the file runs in a process's main thread on a POSIX system (pool workers, the
    #: calling process), with SIGALRM; not on Dask's worker threads.
    time_budget: float | None = DEFAULT_TIME_BUDGET
    #: Whether runners hand on each record as a :class:`JsonRecord`, encoded where it is made.
    as_json: bool = False

    def __call__(self, item: Item, location: str | None = None) -> Result:
        """The record of a file or part; read it from ``location`` when given (a worker's
        view of the file).

        Never raises an :class:`Exception`: a failure becomes an error record.
        """
        from .readers import read, read_part

        path = item.path if isinstance(item, PartOf) else item
        part = item.part if isinstance(item, PartOf) else None
        where = path if location is None else location
        # A file name whose bytes are not UTF-8 holds lone surrogates: escaped in the record,
        # which must be writable as UTF-8, while the file is still opened by its real name.
        shown = record_name(path)
        sha256: str | None = None
        try:
            sha256 = item_sha256(PartOf(where, part) if part else where)
            with within_budget(self.time_budget, shown):
                if part is None:
                    source = read(where, max_bytes=self.max_bytes)
                else:
                    source = read_part(where, part, max_bytes=self.max_bytes)
                if location is not None or shown != path:
                    source = replace(source, path=shown, warnings=tuple(
                        _as_given(w, path, where) for w in source.warnings))
                report = analyze_source(source, self.options)
                if part is not None:
                    from .structure import as_part

                    # Where the file goes on after the part, its end says nothing of the file.
                    report = as_part(report, part, goes_on=part.stop < os.path.getsize(where))
        except Exception as exc:  # a batch keeps going whatever one file does
            failed = error_record(shown, type(exc).__name__, _message(exc, path, where),
                                  sha256=sha256)
            return failed if part is None else failed | {"part": part.to_dict()}
        return _with_sha256(report.to_dict(), sha256, provenance(self.options))

    def made(self, item: Item, location: str | None = None) -> Output:
        """The record of a file or part as runners hand it on (see :attr:`as_json`)."""
        return self.finish(self(item, location), item)

    def finish(self, record: Output, item: Item | None = None) -> Output:
        """A record (of ``item``) as runners hand it on: encoded when :attr:`as_json` is set."""
        if self.as_json and not isinstance(record, JsonRecord):
            return JsonRecord.of(record, item)
        return record

    def warm(self) -> None:
        """Load the segmenter and models now, so the first file is not slower than the rest."""
        from .pipeline import warm

        warm(self.options)


@contextlib.contextmanager
def within_budget(seconds: float | None, path: str) -> Iterator[None]:
    """Raise :class:`TimeBudgetError` naming ``path`` in the block once ``seconds`` have
    passed (None: never); a SIGALRM timer, so only in a POSIX process's main thread."""
    if (not seconds or not hasattr(signal, "setitimer")
            or threading.current_thread() is not threading.main_thread()):
        yield
        return

    fired: list[bool] = []

    def error() -> TimeBudgetError:
        return TimeBudgetError(path, f"analysis took longer than the per-file budget of "
                                     f"{seconds:g} s (raise it with --timeout)")

    def expired(signum: int, frame: Any) -> None:
        fired.append(True)
        raise error()

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    if fired:
        # The handler's exception landed where Python swallows it (a garbage-collector
        # callback, a destructor) and the work went on: the budget was still exceeded.
        raise error()


def _message(exc: Exception, path: str, where: str) -> str:
    if isinstance(exc, InputError) and where != path and exc.path == where:
        return f"{printable(path)}: {exc.problem}"
    return str(exc) or type(exc).__name__


def _as_given(warning: str, path: str, where: str) -> str:
    """A reader's warning about the file read at ``where``, naming it as its record does
    (``path`` as given, undecodable bytes escaped): what a Dask worker reads is the
    absolute path, and a record must be writable as UTF-8."""
    if where != path and warning.startswith(f"{where}: "):
        warning = path + warning[len(where):]
    return record_name(warning)


# --- runners ------------------------------------------------------------------------------------


class Runner(ABC):
    """Runs a :class:`Tagger` over files, yielding records in the order of the files."""

    name: ClassVar[str]

    @abstractmethod
    def run(self, tagger: Tagger, paths: Sequence[Item]) -> Iterator[Output]:
        """One record per path, in order; a file's failure is its record, never an exception."""

    def run_as_done(self, tagger: Tagger, paths: Sequence[Item]) -> Iterator[tuple[int, Output]]:
        """Each path's index and record as soon as it is made (any order): what a journal
        needs, so an interrupted run keeps every finished file. By default, :meth:`run`'s."""
        produced = self.run(tagger, paths)
        try:
            yield from enumerate(produced)
        finally:
            if hasattr(produced, "close"):
                produced.close()

    @classmethod
    @abstractmethod
    def configure(cls, *, workers: int | None, scheduler: str | Client | None) -> Runner:
        """Build the runner from :func:`tag_files` settings, rejecting those it cannot use."""

    def check(self, tagger: Tagger) -> None:
        """Raise :class:`ConfigError` now, before any file is read, when the runner could
        not tag a single file (a cluster whose workers cannot run unionnlp); called once
        by :func:`tag_files`. By default, nothing to check."""
        return None


class _EitherOrder(Runner):
    """A runner that yields its records in input order or as they are made, from one
    :meth:`_run`."""

    def run(self, tagger: Tagger, paths: Sequence[Item]) -> Iterator[Output]:
        for _, record in self._run(tagger, paths, ordered=True):
            yield record

    def run_as_done(self, tagger: Tagger, paths: Sequence[Item]) -> Iterator[tuple[int, Output]]:
        yield from self._run(tagger, paths, ordered=False)

    @abstractmethod
    def _run(self, tagger: Tagger, paths: Sequence[Item],
             ordered: bool) -> Iterator[tuple[int, Output]]:
        """(index, record) pairs, in input order when ``ordered``, else as they are made."""


class LocalRunner(_EitherOrder):
    """A pool of worker processes on this machine; one worker runs in the calling process.

    Each worker loads the dictionary and models once, when it starts. Files go to the
    workers in tasks: a file, or up to four consecutive small ones (32 KB together). At
    most ``max_in_flight`` tasks (default four per worker) run or wait at once, a new one
    submitted as soon as any finishes, so a slow file never idles the other workers; at
    most 256 finished records wait behind a slow one, so memory stays flat however long
    the batch. A worker that dies
    (a crash, the OOM killer) costs only the file it was on: the pool is restarted and
    the files of that task, each run again alone, get their records, an error record
    for the one that kills its worker again.
    """

    name = "local"

    def __init__(self, *, workers: int | None = None, max_in_flight: int | None = None) -> None:
        if workers is not None and workers < 1:
            raise ConfigError(f"workers must be >= 1, got {workers}")
        if max_in_flight is not None and max_in_flight < 1:
            raise ConfigError(f"max_in_flight must be >= 1, got {max_in_flight}")
        self.workers = workers
        self.max_in_flight = max_in_flight

    @classmethod
    def configure(cls, *, workers: int | None, scheduler: str | Client | None) -> LocalRunner:
        if scheduler is not None:
            raise ConfigError("a scheduler address needs the 'dask' runner, not 'local'")
        return cls(workers=workers)

    def __repr__(self) -> str:
        return f"LocalRunner(workers={self.workers!r}, max_in_flight={self.max_in_flight!r})"

    def _run(self, tagger: Tagger, paths: Sequence[Item],
             ordered: bool) -> Iterator[tuple[int, Output]]:
        workers = min(self.workers or cpu_count(), len(paths))
        if workers <= 1:
            # Loaded before the first file's time budget starts, as a pool worker is: an
            # import cut short by the budget's alarm would break every later file.
            if paths:
                tagger.warm()
            for index, path in enumerate(paths):
                yield index, tagger.made(path)
            return
        yield from self._pool_run(tagger, paths, workers, ordered)

    def _pool_run(self, tagger: Tagger, paths: Sequence[Item], workers: int,
                  ordered: bool) -> Iterator[tuple[int, Output]]:
        """(index, record) pairs, in input order when ``ordered``, else as tasks finish.

        Tasks are submitted as any finishes, so one slow file never idles the other
        workers; with ``ordered``, submitting pauses only while _MAX_HELD records wait
        behind an unfinished one."""
        limit = self.max_in_flight or 4 * workers
        context = pool_context()
        levels = _logging_thresholds()

        def new_pool() -> ProcessPoolExecutor:
            return ProcessPoolExecutor(
                max_workers=workers,
                mp_context=context,
                initializer=_init_worker,
                initargs=(tagger, levels, os.getpid()),
            )

        pool = new_pool()
        # Each task as (its first input's index, its inputs) by its future.
        running: dict[Future[list[Output]], tuple[int, list[Item]]] = {}
        held: dict[int, list[Output]] = {}  # finished tasks waiting for an earlier one
        held_records = 0
        next_index = 0  # of the next record to yield in order
        start = 0
        todo = _tasks(paths, workers)
        finished = False
        try:
            while True:
                while (len(running) < limit and held_records < _MAX_HELD
                       and (task := next(todo, None)) is not None):
                    running[_submit(pool, tagger, task)] = (start, task)
                    start += len(task)
                if not running:
                    finished = True
                    return
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                # In input order, so that a dead pool's tasks are retried alike every run.
                for future in sorted(done, key=lambda f: running.get(f, (-1, []))[0]):
                    if future not in running:
                        continue  # resubmitted to a new pool below
                    first, task = running.pop(future)
                    try:
                        results = future.result()
                    except BrokenProcessPool:
                        logger.warning("a worker process died; restarting the pool and retrying %s alone",
                                       ", ".join(map(str, task)))
                        pool.shutdown(wait=True, cancel_futures=True)
                        pool = new_pool()
                        running = {
                            (f if _finished(f) else _submit(pool, tagger, t)): (i, t)
                            for f, (i, t) in running.items()
                        }
                        results = [_run_alone(tagger, path, context, levels) for path in task]
                    if not ordered:
                        yield from enumerate(results, first)
                        continue
                    held[first] = results
                    held_records += len(results)
                    while next_index in held:
                        results = held.pop(next_index)
                        held_records -= len(results)
                        yield from enumerate(results, next_index)
                        next_index += len(results)
        finally:
            if finished:
                pool.shutdown(wait=True, cancel_futures=True)
            else:  # interrupted, or the caller stopped early: waiting on workers can hang
                _abandon(pool)


def _abandon(pool: ProcessPoolExecutor) -> None:
    """Stop a pool's workers without waiting on their tasks. A pool whose worker died
    inside a queue operation never finishes a waiting shutdown (seen after Ctrl-C in about
    one run of three)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=5)
        if process.is_alive():
            process.kill()


#: A pool task holds up to this many consecutive files while they total at most _TASK_BYTES:
#: small files then cost the parent fewer round trips (a pickle, a wake-up, a future each),
#: while a large file still goes alone, so the workers share the load evenly.
_TASK_FILES = 4
_TASK_BYTES = 32 * 1024
#: Records a pool holds back behind an unfinished earlier one before it stops submitting
#: more (the memory a batch in input order may spend waiting on one slow file).
_MAX_HELD = 256


def _tasks(paths: Sequence[Item], workers: int) -> Iterator[list[Item]]:
    """The inputs in order, cut into pool tasks; never fewer than four tasks a worker."""
    most = max(1, min(_TASK_FILES, len(paths) // (4 * workers)))
    task: list[Item] = []
    size = 0
    for item in paths:
        item_size = _size(item)
        if task and (len(task) == most or size + item_size > _TASK_BYTES):
            yield task
            task, size = [], 0
        task.append(item)
        size += item_size
    if task:
        yield task


def _size(item: Item) -> int:
    if isinstance(item, PartOf):
        return item.part.stop - item.part.start
    try:
        return os.stat(item).st_size
    except OSError:
        return 0  # its record says why


def _tag_task(tagger: Tagger, task: list[Item]) -> list[Output]:
    """In a pool worker: the records of a task's inputs, in order."""
    return [tagger.made(item) for item in task]


def _submit(pool: ProcessPoolExecutor, tagger: Tagger, task: list[Item]) -> Future[list[Output]]:
    """Submit a task; a pool found dead at submission gives a failed future, retried like the rest."""
    try:
        return pool.submit(_tag_task, tagger, task)
    except BrokenProcessPool as exc:
        failed: Future[list[Output]] = Future()
        failed.set_exception(exc)
        return failed


def _finished(future: Future[list[Output]]) -> bool:
    """Whether a future of a dead pool still holds its result."""
    return future.done() and not future.cancelled() and future.exception() is None


def _run_alone(
    tagger: Tagger, path: Item, context: BaseContext, levels: dict[str, int]
) -> Output:
    with ProcessPoolExecutor(
        max_workers=1, mp_context=context, initializer=_init_worker,
        initargs=(None, levels, os.getpid())
    ) as solo:
        try:
            return solo.submit(tagger.made, path).result()
        except BrokenProcessPool:
            message = (f"{printable(str(path))}: the worker process died while analysing this "
                       "file (crash or out of memory)")
            return tagger.finish(_failed(path, "WorkerCrashed", message), path)


def _failed(item: Item, error_type: str, message: str) -> Result:
    """The error record of an input that failed outside the tagger (its worker died)."""
    if isinstance(item, PartOf):
        return error_record(record_name(item.path), error_type, message,
                            sha256=item_sha256(item)) | {"part": item.part.to_dict()}
    return error_record(record_name(item), error_type, message, sha256=file_sha256(item))


_MIRRORED_LOGGERS = ("", "unionnlp", "jieba")


def _logging_thresholds() -> dict[str, int]:
    """The lowest level each mirrored logger lets through here, filters included."""
    thresholds: dict[str, int] = {}
    for name in _MIRRORED_LOGGERS:
        log = logging.getLogger(name)
        levels = (logging.DEBUG, logging.INFO, logging.WARNING, logging.ERROR, logging.CRITICAL)
        thresholds[name] = next(
            (
                level
                for level in levels
                if log.isEnabledFor(level)
                and log.filter(logging.LogRecord(name, level, __file__, 0, "", None, None))
            ),
            logging.CRITICAL + 1,
        )
    return thresholds


def _init_worker(tagger: Tagger | None, thresholds: dict[str, int], parent: int) -> None:
    """Start a worker: leave Ctrl-C to the parent (which stops the workers, and no worker
    prints a traceback), end it when ``parent`` (the batch's process) ends, log as the
    parent does (jieba's chatter included), then warm up."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _watch(parent)
    for name, level in thresholds.items():
        log = logging.getLogger(name)
        log.setLevel(level)
        log.addFilter(AtLeast(level))
    if tagger is not None:
        tagger.warm()


def _watch(parent: int, every: float = 1.0) -> None:
    """End this process within ``every`` seconds of ``parent``'s end, whatever ended it
    (SIGKILL, the OOM killer): a worker pool must not outlive the run that started it."""
    if os.name != "posix":
        return  # os.kill(pid, 0) is no liveness test elsewhere

    def alive() -> bool:
        try:
            os.kill(parent, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True

    def watch() -> None:
        while alive():
            time.sleep(every)
        os._exit(1)

    threading.Thread(target=watch, name="unionnlp-parent-watch", daemon=True).start()


class DaskRunner(_EitherOrder):
    """A Dask cluster: one task per file, gathered in order (``pip install unionnlp[distributed]``).

    Paths are sent, not file contents: the workers must see the files at the same
    absolute paths as this process (a shared filesystem). Relative paths are made
    absolute for reading, but records name files exactly as given, so they are the
    same bytes as a local run. ``scheduler`` is an address (``tcp://host:8786``) or a
    ``distributed.Client``, which is left open.
    """

    name = "dask"

    def __init__(self, scheduler: str | Client, *, max_in_flight: int = 1000) -> None:
        if max_in_flight < 1:
            raise ConfigError(f"max_in_flight must be >= 1, got {max_in_flight}")
        self.scheduler = scheduler
        self.max_in_flight = max_in_flight

    @classmethod
    def configure(cls, *, workers: int | None, scheduler: str | Client | None) -> DaskRunner:
        if scheduler is None:
            raise ConfigError("the 'dask' runner needs a scheduler address (tcp://host:port)")
        if workers is not None:
            raise ConfigError("with a Dask scheduler the cluster decides the workers; do not set workers")
        return cls(scheduler)

    def __repr__(self) -> str:
        return f"DaskRunner({self.scheduler!r})"

    def check(self, tagger: Tagger) -> None:
        """Ask every worker, once, which unionnlp it imports: a worker without it (or with
        a version whose tasks differ from this process's) would fail every file (an error
        record each, or a run waiting on workers that die unpickling their tasks), so the
        run is refused with a :class:`ConfigError` naming the workers."""
        distributed = _import_distributed()
        client, own = self._client(distributed)
        try:
            _check_workers(client)
        finally:
            if own:
                client.close()

    def _run(self, tagger: Tagger, paths: Sequence[Item],
             ordered: bool) -> Iterator[tuple[int, Output]]:
        distributed = _import_distributed()
        if tagger.options.model is not None:  # the workers' working folder is not ours
            tagger = replace(tagger, options=replace(
                tagger.options, model=os.path.abspath(tagger.options.model)))
        client, own = self._client(distributed)
        from ._dask import WarmWorker

        try:
            client.register_plugin(WarmWorker(tagger.options))
        except Exception:  # an old scheduler or a lost worker: the files still run, cold
            logger.debug("could not register the warm-up plugin", exc_info=True)
        window: deque[tuple[int, Item, Any]] = deque()
        todo = enumerate(paths)
        try:
            while True:
                while len(window) < self.max_in_flight and (nxt := next(todo, None)) is not None:
                    index, path = nxt
                    where = os.path.abspath(path.path if isinstance(path, PartOf) else path)
                    future = client.submit(tagger.made, path, where, pure=False)
                    window.append((index, path, future))
                if not window:
                    return
                if ordered:
                    index, path, future = window.popleft()
                else:
                    distributed.wait([f for _, _, f in window], return_when="FIRST_COMPLETED")
                    index, path, future = next(x for x in window if x[2].done())
                    window.remove((index, path, future))
                try:
                    result: Output = future.result()
                except Exception as exc:  # KilledWorker, lost connection: this file only
                    message = f"{printable(str(path))}: Dask task failed: {exc or type(exc).__name__}"
                    result = tagger.finish(_failed(path, type(exc).__name__, message), path)
                finally:
                    future.release()
                yield index, result
        finally:
            for _, _, future in window:
                future.cancel()
            if own:
                client.close()

    def _client(self, distributed: Any) -> tuple[Any, bool]:
        if not isinstance(self.scheduler, str):
            return self.scheduler, False
        try:
            return distributed.Client(self.scheduler), True
        except (OSError, ValueError) as exc:
            raise ConfigError(f"cannot connect to the Dask scheduler at {self.scheduler}: {exc}") from exc


def _check_workers(client: Any) -> None:
    """Refuse a cluster whose workers cannot import unionnlp, or import another version of
    it (see :meth:`DaskRunner.check`). A cluster with no worker yet is left to wait for them;
    a scheduler that cannot run the probe at all leaves the check to the files."""
    from . import __version__
    from ._dask import installed_version

    try:
        found: dict[str, Any] = client.run(installed_version, on_error="return")
    except Exception:  # an old scheduler, a worker lost meanwhile: each file then says
        logger.debug("could not ask the Dask workers for their unionnlp", exc_info=True)
        return

    def listed(pairs: list[tuple[str, str]]) -> str:
        shown = "; ".join(f"{printable(worker)}: {printable(what)}" for worker, what in pairs[:3])
        more = len(pairs) - 3
        return shown + (f"; and {more} more worker{'s' if more > 1 else ''}" if more > 0 else "")

    broken = sorted((w, str(r) or type(r).__name__) for w, r in found.items()
                    if isinstance(r, BaseException))
    if broken:
        raise ConfigError(
            f"the Dask workers cannot import unionnlp ({listed(broken)}); install unionnlp "
            f"{__version__}, this process's version, on every worker")
    other = sorted((w, f"unionnlp {r} where this process has {__version__}")
                   for w, r in found.items() if r != __version__)
    if other:
        raise ConfigError(
            f"the Dask workers run another version of unionnlp than this process's "
            f"{__version__} ({listed(other)}); install the same version on every worker")


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise ConfigError(
            "the Dask runner needs dask.distributed: pip install 'unionnlp[distributed]'"
        ) from exc
    return distributed


#: Runner classes by name.
RUNNERS: dict[str, type[Runner]] = {"dask": DaskRunner, "local": LocalRunner}


def get_runner(
    name: str, *, workers: int | None = None, scheduler: str | Client | None = None
) -> Runner:
    """The runner called ``name``, configured; an unknown name lists the valid ones."""
    if name not in RUNNERS:
        raise unknown_name("runner", name, RUNNERS)
    return RUNNERS[name].configure(workers=workers, scheduler=scheduler)


# --- the batch ----------------------------------------------------------------------------------


@overload
def tag_files(
    paths: Iterable[str | os.PathLike[str] | PartOf],
    *,
    workers: int | None = None,
    options: Options = DEFAULT,
    scheduler: str | Client | None = None,
    progress: bool = False,
    runner: str | Runner | None = None,
    max_bytes: int = MAX_INPUT_BYTES,
    time_budget: float | None = DEFAULT_TIME_BUDGET,
    stream: bool = False,
    part_bytes: int = PART_BYTES,
    as_json: Literal[False] = False,
    in_order: bool = True,
) -> Iterator[Result]: ...


@overload
def tag_files(
    paths: Iterable[str | os.PathLike[str] | PartOf],
    *,
    workers: int | None = None,
    options: Options = DEFAULT,
    scheduler: str | Client | None = None,
    progress: bool = False,
    runner: str | Runner | None = None,
    max_bytes: int = MAX_INPUT_BYTES,
    time_budget: float | None = DEFAULT_TIME_BUDGET,
    stream: bool = False,
    part_bytes: int = PART_BYTES,
    as_json: Literal[True],
    in_order: bool = True,
) -> Iterator[JsonRecord]: ...


@overload
def tag_files(
    paths: Iterable[str | os.PathLike[str] | PartOf],
    *,
    workers: int | None = None,
    options: Options = DEFAULT,
    scheduler: str | Client | None = None,
    progress: bool = False,
    runner: str | Runner | None = None,
    max_bytes: int = MAX_INPUT_BYTES,
    time_budget: float | None = DEFAULT_TIME_BUDGET,
    stream: bool = False,
    part_bytes: int = PART_BYTES,
    as_json: bool,
    in_order: bool = True,
) -> Iterator[Result] | Iterator[JsonRecord]: ...


def tag_files(
    paths: Iterable[str | os.PathLike[str] | PartOf],
    *,
    workers: int | None = None,
    options: Options = DEFAULT,
    scheduler: str | Client | None = None,
    progress: bool = False,
    runner: str | Runner | None = None,
    max_bytes: int = MAX_INPUT_BYTES,
    time_budget: float | None = DEFAULT_TIME_BUDGET,
    stream: bool = False,
    part_bytes: int = PART_BYTES,
    as_json: bool = False,
    in_order: bool = True,
) -> Iterator[Result] | Iterator[JsonRecord]:
    """Analyse every file; yield one record per path, in the order given (a folder gives
    one record per report file in it, walked as :func:`collect` walks it).

    ``workers`` processes on this machine (default: one per CPU, 1 runs in this
    process), or, with ``scheduler``, the tasks go to that Dask cluster. ``runner``
    picks a runner by name or passes one. ``progress`` shows a tqdm bar on stderr.
    ``max_bytes`` is the largest file read and ``time_budget`` the seconds one file may
    take (None: no limit); a file past either gets an error record. With ``stream``, a
    plain-text file over ``max_bytes`` is tagged in parts of ``part_bytes`` instead, one
    record per part (:func:`expand`); :class:`PartOf` items may also be given directly.
    With ``as_json``, each record comes as a :class:`JsonRecord`, encoded by the process
    that made it: what writing JSON Lines needs, at less cost to this process. With
    ``in_order`` false, records come as soon as they are made, in any order (each names
    its input: :func:`record_key`, :attr:`JsonRecord.key`), as a journal wants them.
    Settings are checked now, before the first file is read, and so is the runner
    (:meth:`Runner.check`: a Dask cluster whose workers cannot import unionnlp, or run
    another version of it, raises :class:`ConfigError`).
    """
    if isinstance(runner, Runner):
        if workers is not None or scheduler is not None:
            raise ConfigError("give either a runner object or workers/scheduler, not both")
        chosen = runner
    else:
        name = runner or ("dask" if scheduler is not None else "local")
        chosen = get_runner(name, workers=workers, scheduler=scheduler)
    if isinstance(paths, (str, bytes, os.PathLike)):
        # One path, not the characters of one: "a/b.txt" would be "a", "/" (the whole
        # filesystem walked), "b", …
        paths = [paths]
    try:
        given = iter(paths)
    except TypeError as exc:
        raise ConfigError(f"tag_files takes an iterable of paths, not {type(paths).__name__}") from exc
    items: list[Item] = []
    for p in given:
        if isinstance(p, PartOf):
            items.append(p)
            continue
        if not isinstance(p, (str, bytes, os.PathLike)):
            raise ConfigError(f"tag_files takes paths (str, bytes or os.PathLike), "
                              f"not {type(p).__name__}")
        p = os.fsdecode(p)
        if os.path.isdir(p):  # a folder stands for the report files in it, as on the command line
            found = collect([p])
            for folder, reason in found.unreadable:
                logger.warning("%s: cannot list this folder (%s); its files are not tagged",
                               printable(folder), reason)
            items += [str(f) for f in found.files]
        else:
            items.append(os.fspath(p))
    if max_bytes < 1:
        raise ConfigError(f"max_bytes must be >= 1, got {max_bytes}")
    if part_bytes < 1:
        raise ConfigError(f"part_bytes must be >= 1, got {part_bytes}")
    if stream and part_bytes > max_bytes:
        raise ConfigError(f"part_bytes ({part_bytes}) must not exceed max_bytes ({max_bytes}): "
                          "every part would be over the size limit")
    if stream:
        items = [x for i in items for x in (
            [i] if isinstance(i, PartOf) else expand([i], max_bytes=max_bytes,
                                                      part_bytes=part_bytes))]
    tagger = Tagger(options, max_bytes, time_budget, as_json)
    if items:
        chosen.check(tagger)
    return _tag(chosen, tagger, items, progress, in_order)


def _tag(runner: Runner, tagger: Tagger, paths: list[Item], progress: bool,
         in_order: bool = True) -> Iterator[Any]:
    produced = runner.run(tagger, paths) if in_order else _as_done(runner, tagger, paths)
    records: Iterator[Output] = produced
    if progress:
        import sys

        from tqdm import tqdm

        records = tqdm(produced, total=len(paths), file=sys.stderr, unit="file", desc="tagging")
    try:
        for made in records:
            record = tagger.finish(made)  # a runner of one's own may give plain records
            if isinstance(record, JsonRecord):
                failure, warnings = record.failure, record.warnings
            else:
                failure = _failure_line(record) if is_error(record) else None
                warnings = tuple(record.get("warnings") or ())
            if failure is not None:
                logger.error("%s", failure)
            for warning in warnings:  # said in a worker, where logs stay; each names its file
                logger.warning("%s", printable(warning))
            yield record
    finally:
        if records is not produced:
            records.close()  # type: ignore[attr-defined]  # the progress bar
        if hasattr(produced, "close"):
            produced.close()  # stops the runner's workers when the caller stops early


def _as_done(runner: Runner, tagger: Tagger, paths: list[Item]) -> Iterator[Output]:
    """The runner's records as they are made, without their indexes."""
    pairs = runner.run_as_done(tagger, paths)
    try:
        for _, made in pairs:
            yield made
    finally:
        if hasattr(pairs, "close"):
            pairs.close()


def _failure_line(record: Mapping[str, Any]) -> str:
    """The line a batch logs for a failed file: its message, named by the file, printable."""
    message = printable(str(record["error"]["message"]))
    source = printable(str(record["source"]))
    return message if message.startswith(source) else f"{source}: {message}"
