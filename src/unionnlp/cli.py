"""The ``unionnlp`` command: tag reports in batches, train and evaluate theme models.

A thin layer over :mod:`unionnlp.batch` and :mod:`unionnlp.export`, and the only
place that configures logging. Exit status: 0 all files succeeded, 1 some failed
(or another error), 2 a usage error or a run refused before it starts (a ConfigError).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import signal
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ._env import AtLeast, cpu_count, single_threaded_blas, start_pool_server
from .errors import ConfigError, UnionNLPError, printable

if TYPE_CHECKING:
    from .batch import JsonRecord

__all__ = ["main"]

logger = logging.getLogger(__name__)
#: The progress lines of a batch whose stderr is no terminal: news, not warnings, logged at
#: INFO and let through unless -q (:func:`_logging`).
progress_logger = logging.getLogger(f"{__name__}.progress")

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

_SEGMENTERS = ("auto", "jieba", "rjieba")
MAX_INPUT_MB = 32  # unionnlp.readers.MAX_INPUT_BYTES, without importing the readers here
PART_MB = 4  # unionnlp.readers.PART_BYTES
#: The names of unionnlp.export.WRITERS, without importing the writers to build the parser.
_FORMATS = ("jsonl", "json", "csv", "csv-reports", "html", "xlsx")

_EPILOG = """\
examples:
  unionnlp tag report.docx                    JSON Lines on stdout
  unionnlp tag reports/ -o tags.jsonl         every report under reports/
  unionnlp tag 'reports/**/*.pdf' -o tags.csv --workers 4
  unionnlp tag reports/ -o tags.jsonl --resume    continue an interrupted run
  unionnlp tag reports/ -o batch.html         one page to read in a browser
  unionnlp tag reports/ -o tags.jsonl --scheduler tcp://10.0.0.5:8786
  unionnlp train labels.jsonl -o themes.npz
  unionnlp evaluate --model themes.npz --labels held_out.jsonl
"""

_TAG_EPILOG = """\
inputs: files, directories (walked recursively for .txt .text .md .docx .doc .wps .html .htm
        .shtml .xhtml .mht .mhtml .rtf .pdf)
and glob patterns (quote them; ** recurses).

formats: jsonl (default), json (an array), csv (one row per paragraph), csv-reports
(one row per report), html (one self-contained page), xlsx (Excel: a sheet each of
reports, paragraphs, figures, keywords). Without --format the extension of -o decides
(.jsonl .json .csv .html .xlsx; another extension is a usage error); without -o,
JSON Lines go to stdout.

OUT is never half-written: it is replaced atomically when the batch is done. A
JSONL run keeps its records as they arrive in a hidden journal beside OUT
(.OUT.partial), so --resume can continue an interrupted run: files already done
with the same SHA-256 are kept, failed ones are tried again, and OUT ends with
every record in input order.

--scheduler sends one task per file to a Dask cluster (pip install
'unionnlp[distributed]'); workers read the files themselves, so they must see them
at the same absolute paths (a shared filesystem).

exit status: 0 all files tagged, 1 some failed, 2 usage error or refusal (such as
Dask workers that cannot import unionnlp, or run another version of it).

examples:
  unionnlp tag a.txt b.docx
  unionnlp tag reports/ -o tags.jsonl --workers 8
  unionnlp tag reports/ -o tags.jsonl --resume
  unionnlp tag 'reports/**/*.html' --format csv-reports -o summary.csv
"""


class _Formatter(logging.Formatter):
    """``unionnlp: warning: message``, like the command's own error lines."""

    def format(self, record: logging.LogRecord) -> str:
        return f"unionnlp: {record.levelname.lower()}: {super().format(record)}"


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("unionnlp")
    except PackageNotFoundError:
        from . import __version__

        return __version__


class _Version(argparse.Action):
    """``--version``, looked up only when asked: the metadata lookup would cost every
    ``tag`` run about 0.03 s before its worker pool can start."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: Any, option_string: str | None = None) -> None:
        print(f"{parser.prog} {_version()}")
        parser.exit()


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0, got {text}")
    return value


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def _parser() -> argparse.ArgumentParser:
    verbosity = argparse.ArgumentParser(add_help=False)
    loudness = verbosity.add_mutually_exclusive_group()
    loudness.add_argument("-q", "--quiet", action="store_true", help="only errors; no progress bar or lines, no summary")
    loudness.add_argument("-v", "--verbose", action="count", default=0, help="more log output (-vv: debug)")

    # What changes the analysis itself, for every command that analyses.
    analysis = argparse.ArgumentParser(add_help=False)
    analysis.add_argument("--model", metavar="M", help="theme model trained with `unionnlp train`")
    analysis.add_argument("--segmenter", choices=_SEGMENTERS, default="auto",
                          help="word segmenter (default: auto)")
    analysis.add_argument("--top-k", type=_positive, metavar="K",
                          help="keywords per report, at most (default 10; fewer where the "
                               "rest weigh under a hundredth of the best)")
    analysis.add_argument("--summary-sentences", type=_positive, metavar="N",
                          help="sentences in the report's summary, exactly (default 3, and a "
                               "fourth when three hold fewer than 140 characters)")

    parser = argparse.ArgumentParser(
        prog="unionnlp",
        description="Structure, keywords, themes, summaries and key figures from Chinese trade-union work reports.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action=_Version, help="show program's version number and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    tag = commands.add_parser(
        "tag",
        parents=[verbosity, analysis],
        help="analyse reports and write structured, tagged records",
        description="Analyse reports and write one structured, tagged record per file.",
        epilog=_TAG_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    tag.add_argument("paths", nargs="+", metavar="PATH",
                     help="files, directories or glob patterns; - reads one report from stdin")
    tag.add_argument("-o", "--output", metavar="OUT", help="output file (default, or -: stdout)")
    tag.add_argument("--format", choices=_FORMATS, help="output format (default: from OUT's extension, else jsonl)")
    where = tag.add_mutually_exclusive_group()
    where.add_argument("--workers", type=_positive, metavar="N", help="worker processes (default: one per CPU)")
    where.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler, e.g. tcp://host:8786")
    tag.add_argument("--resume", action="store_true", help="continue an interrupted JSONL run in OUT")
    tag.add_argument("--max-size", type=_positive_float, metavar="MB", default=None,
                     help=f"largest file read, in MB (default {MAX_INPUT_MB:g})")
    tag.add_argument("--stream", action="store_true",
                     help="tag a text file over --max-size in parts (cut after a blank line, "
                          "else after a line; none over --max-size), one record each, instead "
                          "of refusing it")
    tag.add_argument("--part-size", type=_positive_float, metavar="MB", default=None,
                     help=f"the size of a part with --stream, in MB (default {PART_MB:g}, "
                          "or half --max-size when that is less)")
    tag.add_argument("--timeout", type=_positive_float, metavar="SECONDS", default=None,
                     help="seconds one file may take before it is given up (default 300; "
                          "not on a Dask cluster, where files run without a time limit)")
    tag.add_argument("--force", action="store_true",
                     help="write OUT even where a later run would read it as an input")
    tag.set_defaults(handler=_tag)

    show = commands.add_parser(
        "show",
        parents=[verbosity, analysis],
        help="print a report's outline, themes, keywords, summary and figures",
        description="Analyse reports and print each as a readable outline on the terminal.",
        epilog="example:\n  unionnlp show examples/sample_report.txt",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    show.add_argument("paths", nargs="+", metavar="FILE", help="report files")
    show.set_defaults(handler=_show)

    train = commands.add_parser(
        "train",
        parents=[verbosity],
        help="train a theme model from labelled paragraphs",
        description='Train a theme model from a JSONL file of {"text": ..., "labels": [...]} lines.',
        epilog="example:\n  unionnlp train labels.jsonl -o themes.npz",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    train.add_argument("labels", metavar="LABELS.jsonl", help="labelled paragraphs")
    train.add_argument("-o", "--output", metavar="MODEL", required=True, help="where to save the model")
    train.set_defaults(handler=_train)

    evaluate = commands.add_parser(
        "evaluate",
        parents=[verbosity],
        help="score the theme model, or the whole pipeline on real-shaped pages",
        description=(
            "Score a theme model (default: the packaged one) on the written corpus's held-out "
            "split; with --real, score the whole pipeline (line roles, headlines, paragraph "
            "boundaries, themes) on the real-shaped twins of corpus/real, per kind of page."),
        epilog=("examples:\n  unionnlp evaluate\n  unionnlp evaluate --model themes.npz --labels held_out.jsonl\n"
                "  unionnlp evaluate --real                 held-out twins, a table per kind\n"
                "  unionnlp evaluate --real --kind news --json\n"
                "  unionnlp evaluate --real --wrapped       the same twins hard-wrapped, as from a PDF\n"
                "  unionnlp evaluate --real --limit 1       one twin of each kind (a quick check)"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    evaluate.add_argument("--model", metavar="M", help="model to score (default: the packaged taxonomy)")
    evaluate.add_argument("--labels", metavar="LABELS.jsonl",
                          help="score on your own held-out labelled paragraphs (as for train)")
    evaluate.add_argument("--real", action="store_true",
                          help="score the pipeline on the real-shaped twins (corpus/real)")
    evaluate.add_argument("--split", choices=("test", "train", "all"), default="test",
                          help="with --real: which twins (default: test, the held-out ones)")
    evaluate.add_argument("--kind", action="append", metavar="KIND",
                          help="with --real: only this kind of page (repeatable)")
    evaluate.add_argument("--limit", type=_positive, metavar="N",
                          help="with --real: the first N twins of each kind")
    evaluate.add_argument("--segmenter", choices=_SEGMENTERS, default="auto",
                          help="word segmenter (default: auto)")
    evaluate.add_argument("--json", action="store_true", help="with --real: JSON instead of a table")
    evaluate.add_argument("--wrapped", action="store_true",
                          help="with --real: the twins hard-wrapped at 22-36 characters as a PDF's "
                               "text extraction breaks lines (ragged ends, half without blank lines)")
    evaluate.set_defaults(handler=_evaluate)
    return parser


class _Terminated(BaseException):
    """SIGTERM (``timeout``, systemd, ``kill``): unwind like Ctrl-C, so that the worker pool
    is shut down and the journal closed, instead of dying where the signal lands."""


def _on_sigterm(signum: int, frame: Any) -> None:
    raise _Terminated


def main(argv: list[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    single_threaded_blas()
    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        with contextlib.suppress(ValueError):  # not the main thread: leave signals alone
            signal.signal(signal.SIGTERM, _on_sigterm)
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error argparse already printed
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    with _logging(-1 if args.quiet else args.verbose):
        try:
            status: int = args.handler(args)
        except ConfigError as exc:
            return _fail(str(exc), EXIT_USAGE)
        except UnionNLPError as exc:
            return _fail(str(exc), EXIT_FAILED)
        except KeyboardInterrupt:
            return _fail("interrupted", 130)
        except _Terminated:
            return _fail("terminated", 143)
        except BrokenPipeError:
            _silence_stdout()
            return EXIT_FAILED
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            return _fail(f"{where}{exc.strerror or exc}", EXIT_FAILED)
        return status


def _fail(message: str, status: int) -> int:
    print(f"unionnlp: error: {message}", file=sys.stderr)
    return status


def _silence_stdout() -> None:
    """After a closed pipe (``unionnlp tag … | head``), keep Python from failing at exit."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


@contextlib.contextmanager
def _logging(verbosity: int) -> Iterator[None]:
    """Log to stderr at ERROR (-q), WARNING, INFO (-v) or DEBUG (-vv), a batch's progress
    lines (INFO) too unless -q; keep jieba's dictionary-loading chatter out unless -v.
    Undone on exit, so ``main`` can run twice."""
    level = {-1: logging.ERROR, 0: logging.WARNING, 1: logging.INFO}.get(verbosity, logging.DEBUG)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Formatter())
    root, jieba = logging.getLogger(), logging.getLogger("jieba")
    saved = root.level, jieba.level, progress_logger.level
    quiet_jieba = AtLeast(logging.WARNING)
    root.addHandler(handler)
    root.setLevel(level)
    if verbosity >= 0:
        progress_logger.setLevel(logging.INFO)
    if verbosity < 1:
        jieba.setLevel(logging.WARNING)
        jieba.addFilter(quiet_jieba)
    else:
        jieba.setLevel(logging.DEBUG)  # what jieba sets on import; stated so worker processes copy it
    try:
        yield
    finally:
        root.removeHandler(handler)
        jieba.removeFilter(quiet_jieba)
        root.setLevel(saved[0])
        jieba.setLevel(saved[1])
        progress_logger.setLevel(saved[2])


# --- tag ----------------------------------------------------------------------------------------


class _Tally:
    """Counts successes and failures of the records passing through; with ``every``
    seconds, also logs a progress line that often (for logs, where no bar is drawn)."""

    def __init__(self, total: int = 0, every: float | None = None) -> None:
        self.succeeded = 0
        self.failed = 0
        self.total = total
        self.every = every

    def count(self, records: Iterable[Any]) -> Iterator[Any]:
        """The records (dicts or :class:`unionnlp.batch.JsonRecord`), counted."""
        import time

        from .batch import is_error

        last = time.monotonic()
        for record in records:
            if is_error(record):
                self.failed += 1
            else:
                self.succeeded += 1
            if self.every is not None and time.monotonic() - last >= self.every:
                last = time.monotonic()
                done = self.succeeded + self.failed
                progress_logger.info("progress: %d of %d files tagged, %d failed", done,
                                     self.total, self.failed)
            yield record


def _tag(args: argparse.Namespace) -> int:
    if _pool_likely(args):
        start_pool_server()  # its warm-up overlaps this process's imports and collecting
    from .batch import (
        DEFAULT_TIME_BUDGET,
        collect,
        expand,
        item_key,
        provenance,
        reusable_records,
        tag_files,
    )
    from .export import WRITERS, format_for_path, write
    from .export.json import iter_jsonl

    # "-o -" is standard output, as "-" among the paths is standard input.
    output: str | None = None if args.output == "-" else args.output
    if output and not args.format and format_for_path(output, default="") == "":
        known = sorted({e for w in WRITERS.values() for e in w.extensions})
        return _fail(f"{printable(output)}: unknown output extension; use one of "
                     f"{', '.join(known)} or --format", EXIT_USAGE)
    fmt: str = args.format or (format_for_path(output) if output else "jsonl")
    if "-" in args.paths and args.paths != ["-"]:
        return _fail("- (standard input) cannot be mixed with files", EXIT_USAGE)
    if output and not os.path.isdir(os.path.dirname(os.path.abspath(output))):
        return _fail(f"{printable(output)}: the directory does not exist", EXIT_USAGE)
    if args.model and not os.path.isfile(args.model):
        return _fail(f"{printable(args.model)}: no such model file", EXIT_USAGE)
    if args.paths == ["-"]:
        return _tag_stdin(args, output, fmt)
    if args.resume and not output:
        return _fail("--resume needs -o OUT (the JSONL file of the interrupted run)", EXIT_USAGE)
    if args.resume and fmt != "jsonl":
        return _fail(f"--resume continues JSONL output only, not {fmt}", EXIT_USAGE)
    options = _options(args)
    max_mb = args.max_size or MAX_INPUT_MB
    max_bytes = int(max_mb * 1024 * 1024)
    if args.stream and args.part_size is not None and args.part_size > max_mb:
        return _fail(f"--part-size {args.part_size:g} MB is larger than --max-size {max_mb:g} MB, "
                     "so every part would be over the size limit", EXIT_USAGE)

    if args.scheduler and args.timeout:
        logger.warning("--timeout does not apply on a Dask cluster (its worker threads cannot "
                       "be stopped): files there run without a time limit")
    found = collect(args.paths)
    files, missing = found
    # An existing folder with nothing to tag tonight is no mistake; a name that matches
    # nothing is a typo, which should not cost a long batch half its inputs.
    empty = [pattern for pattern in missing if os.path.isdir(pattern)]
    if len(empty) < len(missing):
        for pattern in missing:
            if pattern not in empty:
                _fail(f"{printable(pattern)}: no such file, or no report files in it",
                      EXIT_USAGE)
        return EXIT_USAGE
    for folder in empty:
        logger.warning("%s: no report files in this folder", printable(folder))
    if output is not None:
        files = _without_output(files, output, args.paths)
        if clash := _output_clash(output, files, args.paths, args.force):
            return _fail(clash, EXIT_USAGE)
    for folder, reason in found.unreadable:
        logger.error("%s: cannot list this folder (%s); its files are not tagged",
                     printable(folder), reason)
    paths = [str(f) for f in files]
    # With --stream a text file over the size limit is tagged in parts, one record each.
    part_bytes = int((args.part_size or min(PART_MB, max_mb / 2)) * 1024 * 1024)
    items = (expand(paths, max_bytes=max_bytes, part_bytes=part_bytes) if args.stream
             else list(paths))
    keys = [item_key(i) for i in items]  # as records are placed

    reused: dict[str, dict[str, Any]] = {}
    if args.resume and output is not None:
        earlier = [p for p in (output, _journal(output)) if os.path.exists(p)]
        reused = reusable_records(items, (r for p in earlier for r in iter_jsonl(p)))
        made = provenance(options)
        other = {json.dumps(r.get("provenance"), sort_keys=True) for r in reused.values()
                 if r.get("provenance") != made}
        if other and not args.force:
            return _fail(f"{printable(output)}: records there were made with other settings "
                         f"({', '.join(sorted(other))}, now {json.dumps(made, sort_keys=True)}); "
                         "run without --resume to redo them, or pass --force to keep them",
                         EXIT_USAGE)
    todo = [i for i, k in zip(items, keys, strict=True) if k not in reused]
    progress = not args.quiet and sys.stderr.isatty()
    tally = _Tally(len(todo), None if progress or args.quiet else _PROGRESS_EVERY)
    # JSON Lines are written as the workers encoded them.
    records = tally.count(tag_files(todo, workers=args.workers, options=options,
                                    scheduler=args.scheduler, progress=progress,
                                    max_bytes=max_bytes,
                                    time_budget=args.timeout or DEFAULT_TIME_BUDGET,
                                    as_json=fmt == "jsonl",
                                    # The journal keeps each record as it comes; OUT is reordered.
                                    in_order=not (fmt == "jsonl" and output is not None)))
    with _progress_safe_logging(progress), _exclusive(output):
        if fmt == "jsonl" and output is not None:
            _write_jsonl_file(output, keys, reused, records, resume=args.resume)
        elif fmt == "jsonl":
            stream = _utf8_stdout()
            for record in records:
                stream.write(record.text + "\n")
        else:
            write(records, output if output is not None else _utf8_stdout(), fmt=fmt)

    if not args.quiet:
        done = f", {len(reused)} already done" if args.resume else ""
        print(
            f"tagged {len(todo)} file{'' if len(todo) == 1 else 's'}: {tally.succeeded} "
            f"succeeded, {tally.failed} failed{done}",
            file=sys.stderr,
        )
        if found.skipped:
            kinds = Counter(p.suffix.lower() or "no extension" for p in found.skipped)
            listed = ", ".join(f"{k} {n}" for k, n in sorted(kinds.items()))
            print(f"skipped {len(found.skipped)} files in folders, in formats unionnlp does not "
                  f"read ({listed}); save them as .docx, .pdf or .txt to tag them", file=sys.stderr)
    return EXIT_FAILED if tally.failed or found.unreadable else EXIT_OK


_PROGRESS_EVERY = 30.0  # seconds between progress lines when stderr is no terminal


def _pool_likely(args: argparse.Namespace) -> bool:
    """Whether ``tag`` will run a local worker pool: more than one worker, and a folder, a
    pattern or several files (one file runs in this process)."""
    paths: list[str] = args.paths
    if args.scheduler is not None or "-" in paths or (args.workers or cpu_count()) < 2:
        return False
    return len(paths) > 1 or os.path.isdir(paths[0]) or any(c in paths[0] for c in "*?[")


def _options(args: argparse.Namespace) -> Any:
    from .model import Options

    chosen = {"segmenter": args.segmenter, "model": args.model}
    if getattr(args, "top_k", None) is not None:
        chosen["top_k"] = args.top_k
    if getattr(args, "summary_sentences", None) is not None:
        chosen["summary_sentences"] = args.summary_sentences
    return Options(**chosen)


def _tag_stdin(args: argparse.Namespace, output: str | None, fmt: str) -> int:
    """``tag -``: one report read from standard input (decoded like a .txt file), analysed
    in this process within ``--timeout``, as a batch's file is."""
    unusable = {"--resume": (args.resume, "there is no earlier run of it to continue"),
                "--stream": (args.stream, "it is read whole, up to --max-size"),
                "--scheduler": (args.scheduler, "Dask workers cannot read this process's stdin")}
    for name, (given, why) in unusable.items():
        if given:
            return _fail(f"{name} does not go with - (standard input): {why}", EXIT_USAGE)
    from .api import analyze_source
    from .batch import DEFAULT_TIME_BUDGET, Tagger, error_record, within_budget
    from .export import write

    options = _options(args)
    Tagger(options).warm()  # outside the time budget, as a batch's workers warm up
    data = _stdin_bytes(args.max_size)
    try:
        with within_budget(args.timeout or DEFAULT_TIME_BUDGET, "-"):
            report = analyze_source(_stdin_source(data), options)
        record = report.to_dict()
    except ConfigError:
        raise
    except UnionNLPError as exc:
        record = error_record("-", type(exc).__name__, str(exc))
    if record.get("error"):
        logger.error("%s", printable(record["error"]["message"]))
    for warning in record.get("warnings") or ():
        logger.warning("%s", printable(warning))
    with _exclusive(output):
        write([record], output if output is not None else _utf8_stdout(), fmt=fmt)
    return EXIT_FAILED if record.get("error") else EXIT_OK


def _stdin_bytes(max_size: float | None) -> bytes:
    """Standard input's bytes, up to the size limit (``--max-size`` MB)."""
    from .readers import read_upto

    limit = (max_size or MAX_INPUT_MB) * 1024 * 1024
    data = read_upto(sys.stdin.buffer, int(limit) + 1)
    if len(data) > limit:
        raise ConfigError("-: standard input is over the size limit (--max-size)")
    return data


def _stdin_source(data: bytes) -> Any:
    """Standard input's bytes as a report's source, decoded as a .txt file's are."""
    from .model import Source
    from .readers import decode_text

    text, encoding, warnings = decode_text(data, "-")
    if not text.strip() and not warnings:
        warnings = ("-: standard input holds no text",)
    return Source(text.replace("\r\n", "\n").replace("\r", "\n"), path="-", format="text",
                  encoding=encoding, warnings=warnings)


def _without_output(files: Sequence[Any], output: str, paths: Sequence[str]) -> list[Any]:
    """The files to tag, less ``output`` where a folder or a pattern found it (the output
    of an earlier run with ``--force``): run again, the same command does the same."""
    target = os.path.realpath(output)
    if any(os.path.realpath(p) == target for p in paths):
        return list(files)  # named as an input: refused by _output_clash
    return [f for f in files if os.path.realpath(f) != target]


def _output_clash(output: str, files: Sequence[Any], paths: Sequence[str], force: bool) -> str | None:
    """Why writing ``output`` would destroy an input or feed the next run, or None."""
    from .batch import pattern_finds
    from .readers import SUPPORTED_EXTENSIONS

    target = os.path.realpath(output)
    if any(os.path.realpath(f) == target for f in files):
        return f"{printable(output)}: the output is one of the inputs; choose another file"
    if force or os.path.splitext(output)[1].lower() not in SUPPORTED_EXTENSIONS:
        return None
    for path in paths:
        folder = os.path.realpath(path)
        if os.path.isdir(folder) and os.path.commonpath([folder, target]) == folder:
            return (f"{printable(output)}: the output is inside the input folder "
                    f"{printable(path)}, where the next run would read it as a report; "
                    "write it elsewhere, or pass --force")
        if pattern_finds(path, output):
            return (f"{printable(output)}: the output matches the input pattern "
                    f"{printable(path)}, so the next run would read it as a report; "
                    "write it elsewhere, or pass --force")
    return None


@contextlib.contextmanager
def _exclusive(output: str | None) -> Iterator[None]:
    """Hold an exclusive lock on ``output`` (and so its journal) while it is written: a
    second run writing the same file stops with a clear error instead of mixing records."""
    if output is None:
        yield
        return
    # The file itself, whatever link names it: two runs writing it hold the same lock.
    directory, name = os.path.split(os.path.realpath(output))
    lock_path = os.path.join(directory, f".{name}.lock")
    handle = open(lock_path, "a+b")  # held until the block ends
    try:
        try:
            import fcntl
        except ImportError:  # Windows: no advisory locks here
            fcntl = None  # type: ignore[assignment]
        if fcntl is not None:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                raise ConfigError(f"{printable(output)}: the output is in use by another "
                                  "unionnlp run (wait for it, or write elsewhere)") from exc
        yield
    finally:
        handle.close()
        with contextlib.suppress(OSError):
            os.unlink(lock_path)


def _show(args: argparse.Namespace) -> int:
    from .api import analyze_file, analyze_source

    options = _options(args)
    failed = 0
    stream = _utf8_stdout()
    for number, path in enumerate(args.paths):
        try:
            if path == "-":
                report = analyze_source(_stdin_source(_stdin_bytes(None)), options)
            else:
                report = analyze_file(path, options=options)
        except UnionNLPError as exc:
            _fail(printable(str(exc)), EXIT_FAILED)
            failed += 1
            continue
        except Exception as exc:  # as in a batch, one file's failure is a line, not a traceback
            logger.debug("analysing %s failed", printable(path), exc_info=True)
            _fail(f"{printable(path)}: {type(exc).__name__}: {printable(str(exc))}", EXIT_FAILED)
            failed += 1
            continue
        if number:
            stream.write("\n")
        stream.write(outline(report) + "\n")
    return EXIT_FAILED if failed else EXIT_OK


#: How the outline marks a paragraph of each kind: text, a table row, a photo caption.
_MARKS = {"text": "¶", "table": "▤", "caption": "▣"}


def outline(report: Any, width: int = 60) -> str:
    """A report as a readable outline: titles, sections with their paragraphs' themes
    (¶ text, ▤ a table row with its cells apart by bars, ▣ a caption), keywords, summary,
    figures and what was set aside."""
    from .model import THEMES

    def cut(text: str) -> str:
        text = " ".join(text.split())
        return text if len(text) <= width else text[: width - 1] + "…"

    names = {t: THEMES.get(t, t) for t in report.theme_shares}
    shares = "  ".join(f"{names[t]} {v:.0%}" for t, v in report.theme_shares.items())
    lines = [f"{printable(report.source or '<text>')}  ({report.format or 'text'}"
             f"{', ' + report.encoding if report.encoding else ''}; "
             f"{len(report.articles)} article(s), {len(report.paragraphs)} paragraphs)",
             *(f"warning: {printable(w)}" for w in report.warnings),
             f"themes (share of the text carrying each; a paragraph may carry several): {shares}",
             "keywords: " + " · ".join(k.term for k in report.keywords),
             "summary:"]
    lines += [f"  - {cut(s)}" for s in report.summary]
    for article in report.articles:
        lines.append("")
        lines += [x for x in (article.title and f"# {article.title}",
                              article.subtitle and f"  {article.subtitle}",
                              article.byline and "  " + " / ".join(article.byline.split("\n")))
                  if x]
        for section in article.sections:
            if section.heading:
                lines.append(f"{'  ' * section.level}{section.heading}")
            indent = "  " * (section.level + 1)
            for p in section.paragraphs:
                themes = ", ".join(names.get(t, t) for t in p.themes) or "-"
                text = " | ".join(p.text.split("\t")) if p.kind == "table" else p.text
                lines.append(f"{indent}{_MARKS[p.kind]} {cut(text)}  [{themes}]")
    if report.figures:
        lines.append("")
        lines.append("figures: " + " · ".join(
            f"{f.text} ({f.subject})" if f.subject else f.text for f in report.figures[:20])
            + (f" … {len(report.figures) - 20} more" if len(report.figures) > 20 else ""))
    if report.dropped:
        lines.append("set aside: " + " | ".join(cut(d) for d in report.dropped))
    return "\n".join(lines)


def _progress_safe_logging(progress: bool) -> contextlib.AbstractContextManager[Any]:
    if not progress:
        return contextlib.nullcontext()
    from tqdm.contrib.logging import logging_redirect_tqdm

    manager: contextlib.AbstractContextManager[Any] = logging_redirect_tqdm()
    return manager


def _utf8_stdout() -> Any:
    """stdout, switched to UTF-8 when a locale would otherwise mangle Chinese."""
    stream = sys.stdout
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
    if encoding != "utf8" and hasattr(stream, "reconfigure"):
        stream.reconfigure(encoding="utf-8")
    return stream


def _journal(path: str) -> str:
    """Where a JSONL run keeps its records as they arrive, until ``path`` is written whole."""
    directory, name = os.path.split(os.path.abspath(path))
    return os.path.join(directory, f".{name}.partial")


def _write_jsonl_file(
    path: str,
    keys: Sequence[str],
    reused: Mapping[str, Mapping[str, Any]],
    records: Iterable[JsonRecord],
    *,
    resume: bool,
) -> None:
    """Write a JSONL batch so that ``path`` is never half-written and an interrupted run
    can be resumed.

    Records go to a journal beside ``path`` as they arrive; at the end ``path`` is
    replaced atomically by every record in input order (the reused ones from an earlier
    run, then the journal's) and the journal is removed. A journal already in that order
    (no record reused between new ones) becomes ``path`` itself, with no second pass.
    """
    from .export import atomic_binary_file
    from .export.json import dumps

    journal = _journal(path)
    written: list[str] = []  # record keys in journal order, with each line's bytes
    where: dict[str, tuple[int, int]] = {}
    offset = 0

    def note(key: str, line: bytes) -> None:
        nonlocal offset
        written.append(key)
        where[key] = (offset, len(line))
        offset += len(line)

    with atomic_binary_file(journal) as stream:  # a fresh journal, holding only whole records
        for key in keys:
            if resume and key in reused:
                line = (dumps(reused[key]) + "\n").encode("utf-8")
                stream.write(line)
                note(key, line)
    with open(journal, "ab") as stream:
        for record in records:
            line = (record.text + "\n").encode("utf-8")
            stream.write(line)
            stream.flush()
            note(record.key, line)
        in_order = len(where) == len(written) and written == [k for k in keys if k in where]
        if in_order:
            os.fsync(stream.fileno())
    if in_order:
        os.replace(journal, path)  # once closed: Windows renames no open file
        return
    _reorder_jsonl(journal, path, keys, where)
    os.unlink(journal)


def _reorder_jsonl(journal: str, path: str, order: Sequence[str],
                   where: Mapping[str, tuple[int, int]]) -> None:
    """Write ``path`` atomically with the journal's records in ``order``, copied as bytes
    from where each record's line lies (offset, length), by record key."""
    from .export import atomic_binary_file

    with open(journal, "rb") as stream, atomic_binary_file(path) as out:
        for key in order:
            if key in where:
                start, length = where[key]
                stream.seek(start)
                out.write(stream.read(length))


# --- train, evaluate ----------------------------------------------------------------------------


def _print_json(result: Mapping[str, Any]) -> None:
    def plain(value: Any) -> Any:
        return value.item() if hasattr(value, "item") else str(value)  # numpy scalars

    print(json.dumps(result, ensure_ascii=False, indent=2, default=plain))


def _train(args: argparse.Namespace) -> int:
    try:
        from .themes import train_from_jsonl
    except ImportError as exc:
        return _fail(f"training is not available in this installation: {exc}", EXIT_FAILED)
    _print_json(train_from_jsonl(args.labels, args.output))
    return EXIT_OK


def _evaluate(args: argparse.Namespace) -> int:
    try:
        from .evaluate import evaluate
    except ImportError as exc:
        return _fail(f"evaluation is not available in this installation: {exc}", EXIT_FAILED)
    if args.wrapped and not args.real:
        return _fail("--wrapped hard-wraps the real-shaped twins; it goes with --real", EXIT_USAGE)
    if not args.real:
        _print_json(evaluate(model_path=args.model, labels_path=args.labels))
        return EXIT_OK
    if args.labels:
        return _fail("--labels scores a theme model; it does not go with --real", EXIT_USAGE)
    from .evaluate_real import evaluate_real
    from .twins import KINDS

    unknown = sorted(set(args.kind or ()) - set(KINDS))
    if unknown:
        return _fail(f"unknown kind(s) {', '.join(unknown)}; choose from {', '.join(KINDS)}",
                     EXIT_USAGE)
    result = evaluate_real(None if args.split == "all" else args.split, args.kind,
                           limit=args.limit, segmenter=args.segmenter, model=args.model,
                           wrapped=args.wrapped)
    if args.json:
        _print_json(result)
    else:
        print(_real_table(result))
    return EXIT_OK


def _real_table(result: Mapping[str, Any]) -> str:
    """The per-kind figures of :func:`evaluate_real` as a plain-text table."""
    head = ("kind", "docs", "lines", "line acc", "head P", "head R", "head F1", "para F1",
            "themes model", "themes e2e")
    rows = [head]
    for name, r in [*result["kinds"].items(), ("all", result["overall"])]:
        model = r.get("themes_model", {}).get("macro_f1")
        rows.append((
            name, str(r["documents"]), str(r["lines"]), f"{r['line_role_accuracy']:.3f}",
            f"{r['headlines']['precision']:.3f}", f"{r['headlines']['recall']:.3f}",
            f"{r['headlines']['f1']:.3f}", f"{r['paragraph_boundaries']['f1']:.3f}",
            "-" if model is None else f"{model:.3f}",
            f"{r['themes_end_to_end']['macro_f1']:.3f}",
        ))
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    shape = ", hard-wrapped" if result.get("wrapped") else ""
    lines = [f"real-shaped twins, split {result['split']}{shape}: line-role accuracy, headline and "
             "paragraph-boundary F1, theme macro-F1 (model on annotated paragraphs; end to end)"]
    for row in rows:
        lines.append("  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                               for i, (c, w) in enumerate(zip(row, widths, strict=True))))
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
