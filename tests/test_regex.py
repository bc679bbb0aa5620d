"""Patterns compiled from the cache of compiled programs are the patterns re.compile builds;
a damaged or foreign cache is never trusted."""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from unionnlp import _regex, cache

pytestmark = pytest.mark.skipif(sys.version_info < (3, 11),
                                reason="the cache needs re's internals of Python 3.11+")

#: The kinds of pattern the package compiles: Han classes, named groups, look-behinds,
#: verbose alternations, lone surrogates, flags.
PATTERNS = [
    (r"^[\u4e00-\u9fff·]{2,4}[、，,]", 0),
    (r"(?P<num>\d+)(?P<unit>万元|名|个)(?<![0-9]{2}个)", 0),
    ("^(?:\n  第\\s*\\d+\\s*版\n| 责任编辑.*$\n)", re.VERBOSE | re.MULTILINE),
    ("[\udc80-\udcff]", 0),
    (r"charset\s*=\s*([a-z0-9_-]+)", re.IGNORECASE),
]


@pytest.fixture
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty cache directory, and the module's state as in a new process."""
    monkeypatch.setenv("UNIONNLP_CACHE", str(tmp_path))
    saved = _regex._known, dict(_regex._fresh)
    cache.cache_dir.cache_clear()
    _regex._known = None
    _regex._fresh.clear()
    yield tmp_path
    cache.cache_dir.cache_clear()
    _regex._known = saved[0]
    _regex._fresh.clear()
    _regex._fresh.update(saved[1])


def _new_process() -> None:
    """What a new process knows: nothing but the cache file."""
    _regex._known = None
    _regex._fresh.clear()


def test_cached_patterns_are_the_ones_re_compiles(fresh_cache: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    for pattern, flags in PATTERNS:
        assert _regex.regex(pattern, flags) == re.compile(pattern, flags)
    _regex._save()
    [saved] = fresh_cache.glob("regex-*.json")
    _new_process()

    def refuse(*args: object) -> None:
        raise AssertionError("compiled instead of read from the cache")

    monkeypatch.setattr(_regex.re, "compile", refuse)
    built = [_regex.regex(pattern, flags) for pattern, flags in PATTERNS]
    monkeypatch.undo()
    for found, (pattern, flags) in zip(built, PATTERNS, strict=True):
        assert found == re.compile(pattern, flags)
        assert found.groupindex == re.compile(pattern, flags).groupindex
    assert built[1].search("共有42名职工").group("num", "unit") == ("42", "名")
    assert saved.read_bytes().isascii()


def test_a_damaged_cache_file_is_not_read(fresh_cache: Path) -> None:
    pattern, flags = PATTERNS[0]
    _regex.regex(pattern, flags)
    _regex._save()
    [saved] = fresh_cache.glob("regex-*.json")
    head, _, body = saved.read_bytes().partition(b"\n")
    saved.write_bytes(head + b"\n" + body.replace(b"19968", b"19969"))  # a Han bound moved
    _new_process()
    assert _regex._read(saved) == {}
    assert _regex.regex(pattern, flags).match("张明、") is not None


def test_a_program_sre_refuses_is_compiled_anew(fresh_cache: Path) -> None:
    """A file whose checksum holds but whose program is not valid SRE code (another user
    cannot write there, but another unionnlp could have had a bug)."""
    pattern, flags = PATTERNS[1]
    _regex.regex(pattern, flags)
    _regex._save()
    [saved] = fresh_cache.glob("regex-*.json")
    programs = _regex._read(saved)
    for program in programs.values():
        program[1] = [999_999] * len(program[1])
    body = json.dumps(programs).encode("ascii")
    header = {"format": _regex.FORMAT, "sha256": hashlib.sha256(body).hexdigest()}
    saved.write_bytes(json.dumps(header).encode() + b"\n" + body)
    _new_process()
    assert _regex.regex(pattern, flags) == re.compile(pattern, flags)


def test_a_cache_that_cannot_be_written_costs_nothing_but_the_cache(fresh_cache: Path) -> None:
    pattern, flags = PATTERNS[2]
    _regex.regex(pattern, flags)
    (_regex._path() / "in-the-way").mkdir(parents=True)  # a directory where the file goes
    _regex._save()  # no exception out of an exit handler, no file left behind
    assert sorted(p.name for p in fresh_cache.iterdir()) == [_regex._path().name]
    _new_process()
    assert _regex.regex(pattern, flags) == re.compile(pattern, flags)


@pytest.mark.slow
def test_a_second_process_compiles_nothing(tmp_path: Path, seed_text: str) -> None:
    """The first process saves its programs when it exits; the next compiles none of the
    patterns analysis needs, and its report is the first one's."""
    import subprocess

    script = (
        "import json, sys, unionnlp\n"
        "from unionnlp import _regex\n"
        "report = unionnlp.analyze(sys.stdin.read())\n"
        "print(json.dumps([len(_regex._fresh), report.to_dict()], ensure_ascii=False))\n"
    )
    env = {**os.environ, "UNIONNLP_CACHE": str(tmp_path)}
    runs = [json.loads(subprocess.run([sys.executable, "-c", script], input=seed_text,
                                      capture_output=True, text=True, env=env,
                                      check=True).stdout) for _ in range(2)]
    assert runs[0][0] > 100  # compiled and kept for the next process
    assert list(tmp_path.glob("regex-*.json"))
    assert runs[1][0] == 0
    assert runs[1][1] == runs[0][1]
