"""Large text files tagged part by part: where they are cut, how each part reads, and the
records a batch gives for them."""

from __future__ import annotations

import csv
import io
import itertools
import json
from pathlib import Path

import pytest

import unionnlp
from unionnlp.batch import PartOf, expand, item_key, record_key, tag_files
from unionnlp.cli import MAX_INPUT_MB, PART_MB, main
from unionnlp.errors import InputError, UnsupportedFormatError
from unionnlp.export import write
from unionnlp.model import Part
from unionnlp.readers import MAX_INPUT_BYTES, PART_BYTES, read_part, split_parts
from unionnlp.twins import load_twins


@pytest.fixture(scope="module")
def long_text(seed_text: str) -> str:
    """Real-shaped reports one after another, as a yearly dump of them would be."""
    return "\n\n".join([seed_text, *(t.text for t in load_twins("train")[:90])])


def test_the_command_line_defaults_are_the_readers(seed_text: str) -> None:
    assert MAX_INPUT_MB * 1024 * 1024 == MAX_INPUT_BYTES
    assert PART_MB * 1024 * 1024 == PART_BYTES


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_parts_end_after_a_blank_line_and_decode_alone(tmp_path: Path, long_text: str,
                                                       encoding: str) -> None:
    path = tmp_path / "year.txt"
    data = long_text.encode(encoding, errors="replace")
    path.write_bytes(data)
    parts = split_parts(path, 20_000)
    assert len(parts) > 5
    assert parts[0].start == 0 and parts[-1].stop == len(data)
    assert all(a.stop == b.start for a, b in itertools.pairwise(parts))  # nothing lost or read twice
    assert [p.index for p in parts] == list(range(len(parts)))
    for part in parts[:-1]:
        # After a blank line where the next 20,000 bytes hold one, else after a line break.
        window = data[part.start + 20_000:part.start + 40_000]
        assert data[part.start:part.stop].endswith(b"\n\n" if b"\n\n" in window else b"\n")
        assert part.stop - part.start >= 20_000
    assert sum(data[p.start:p.stop].endswith(b"\n\n") for p in parts[:-1]) >= len(parts) // 2
    texts = [read_part(path, p).text for p in parts]
    assert "".join(texts) == data.decode(encoding).replace("\r\n", "\n")
    assert {read_part(path, p).encoding for p in parts} == {encoding.replace("-", "")
                                                             if encoding == "gb18030" else encoding}


def test_a_text_without_blank_lines_is_cut_after_a_line(tmp_path: Path, long_text: str) -> None:
    path = tmp_path / "wrapped.txt"
    path.write_text(long_text.replace("\n\n", "\n"), encoding="utf-8")
    parts = split_parts(path, 20_000)
    assert len(parts) > 5
    assert all(path.read_bytes()[p.start:p.stop].endswith(b"\n") for p in parts[:-1])


def _far_apart(long_text: str, every: int) -> str:
    """The text with a blank line only where ``every`` bytes have gone by since the last:
    a dump made by a tool that keeps paragraphs on lines of their own, and a blank line
    only between batches of pages."""
    out: list[str] = []
    since = 0
    for paragraph in (p for p in long_text.split("\n") if p.strip()):
        if since > every:
            out.append("")
            since = 0
        out.append(paragraph)
        since += len(paragraph.encode("utf-8")) + 1
    return "\n".join(out) + "\n"


def test_no_part_exceeds_the_size_limit_where_blank_lines_are_far_apart(
        tmp_path: Path, long_text: str) -> None:
    path = tmp_path / "dump.txt"
    data = _far_apart(long_text, 45_000).encode("utf-8")
    path.write_bytes(data)
    limit, size = 30_000, 20_000
    gaps = [len(g) for g in data.split(b"\n\n")]
    assert len(gaps) > 3 and min(gaps[:-1]) > limit  # no blank line within reach, mostly
    parts = split_parts(path, size, max_bytes=limit)
    assert parts[0].start == 0 and parts[-1].stop == len(data)
    assert all(a.stop == b.start for a, b in itertools.pairwise(parts))
    assert max(p.stop - p.start for p in parts) <= limit
    for part in parts[:-1]:
        chunk = data[part.start:part.stop]
        # After a blank line where one ends within the limit, else after a line.
        blank = data.find(b"\n\n", part.start + size, part.start + limit)
        assert chunk.endswith(b"\n\n" if blank >= 0 else b"\n")
        assert not read_part(path, part, max_bytes=limit).warnings  # whole lines: nothing to say
    assert sum(data[p.start:p.stop].endswith(b"\n\n") for p in parts) >= 1


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_a_line_longer_than_the_limit_is_cut_between_characters(
        tmp_path: Path, long_text: str, encoding: str) -> None:
    # A document-sharing site's page flattened to one line, its byline's surname written
    # in a character outside the BMP (four bytes in both encodings).
    flat = long_text[:40_000].replace("\n", "").replace("记者 黄仕强", "记者 𠮷仕强")
    assert flat.count("𠮷") == 1
    path = tmp_path / "flat.txt"
    data = flat.encode(encoding)
    path.write_bytes(data)
    # A cut that would fall inside a character falls before it.
    for char in ("𠮷", "仕", "记"):
        at = data.index(char.encode(encoding))
        for into in range(1, len(char.encode(encoding))):
            assert split_parts(path, at + into, max_bytes=at + into)[0].stop == at
    for size in (9_997, 10_000, 10_001, 10_002, 10_003):
        parts = split_parts(path, size, max_bytes=size + 3)
        assert len(parts) > 5 and parts[-1].stop == len(data)
        assert all(a.stop == b.start for a, b in itertools.pairwise(parts))
        assert max(p.stop - p.start for p in parts) <= size
        texts = [data[p.start:p.stop].decode(encoding) for p in parts]  # strict: no cut character
        assert "".join(texts) == flat
    sources = [read_part(path, p, max_bytes=size + 3) for p in parts]
    assert "".join(s.text for s in sources) == flat
    # Where it cut is said in the parts on both sides, with the byte offset.
    first, second = sources[0].warnings, sources[1].warnings
    assert first == (f"{path}: part 0 is cut inside a line, at byte {parts[0].stop:,}: no line "
                     "ended within the size limit; part 1 goes on with it",)
    assert len(second) == 2 and second[0] == (
        f"{path}: part 1 starts inside a line, at byte {parts[1].start:,}, where part 0 was "
        "cut: no line ended within the size limit")
    assert len(sources[-1].warnings) == 1 and "starts inside a line" in sources[-1].warnings[0]


def test_a_stream_run_tags_every_part_within_the_limit(tmp_path: Path, long_text: str) -> None:
    dump = tmp_path / "dump.txt"
    dump.write_text(_far_apart(long_text, 70_000), encoding="utf-8")
    flat = tmp_path / "flat.txt"
    flat.write_text(long_text[:60_000].replace("\n", ""), encoding="gb18030")
    out = tmp_path / "tags.jsonl"
    # A part a little under the limit: before, one ran on to a blank line past it.
    assert main(["tag", str(dump), str(flat), "-q", "--workers", "1", "-o", str(out),
                 "--stream", "--max-size", "0.06", "--part-size", "0.05"]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert all(r.get("error") is None for r in records)
    limit = int(0.06 * 1024 * 1024)
    assert max(r["part"]["stop_byte"] - r["part"]["start_byte"] for r in records) <= limit
    flat_parts = [r for r in records if r["source"] == str(flat)]
    assert len(flat_parts) > 1 and all(r["encoding"] == "gb18030" for r in flat_parts)
    assert all(any("inside a line" in w for w in r["warnings"]) for r in flat_parts)


def test_a_small_or_empty_file_is_one_part(tmp_path: Path, seed_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert split_parts(empty) == [Part(0, 0, 0)]
    assert split_parts(seed_path) == [Part(0, 0, seed_path.stat().st_size)]


def test_what_cannot_be_cut_is_refused_by_name(tmp_path: Path, long_text: str) -> None:
    wide = tmp_path / "wide.txt"
    wide.write_text(long_text, encoding="utf-16")
    with pytest.raises(UnsupportedFormatError, match=r"wide\.txt: UTF-16"):
        split_parts(wide, 20_000)
    page = tmp_path / "page.html"
    page.write_text("<p>工会</p>", encoding="utf-8")
    with pytest.raises(UnsupportedFormatError, match=r"page\.html: only plain text"):
        split_parts(page)
    with pytest.raises(InputError, match=r"missing\.txt: no such file"):
        split_parts(tmp_path / "missing.txt")


def test_analyze_stream_covers_the_file_one_report_per_part(tmp_path: Path,
                                                           long_text: str) -> None:
    path = tmp_path / "year.txt"
    path.write_text(long_text, encoding="utf-8")
    reports = list(unionnlp.analyze_stream(path, part_bytes=60_000))
    assert len(reports) > 2
    assert [r.part.index for r in reports if r.part] == list(range(len(reports)))
    for report in reports:
        assert report.source == str(path)
        assert report.keywords and report.articles
        assert report.to_dict()["part"]["stop_byte"] > report.to_dict()["part"]["start_byte"]
    # Each part is analysed as the text it holds: the same as analysing that text alone.
    part = reports[1].part
    assert part is not None
    alone = unionnlp.analyze(path.read_bytes()[part.start:part.stop].decode("utf-8"),
                             source=str(path))
    same = {"part": None, "encoding": "utf-8"}  # what a string cannot say
    assert alone.to_dict() | same == reports[1].to_dict() | same


def test_a_batch_tags_a_large_file_in_parts_only_when_asked(tmp_path: Path, long_text: str,
                                                            seed_path: Path) -> None:
    big = tmp_path / "year.txt"
    big.write_text(long_text, encoding="utf-8")
    limit = 100_000
    refused = list(tag_files([big], workers=1, max_bytes=limit))
    assert len(refused) == 1 and "--stream" in refused[0]["error"]["message"]

    records = list(tag_files([seed_path, big], workers=1, max_bytes=limit, stream=True,
                             part_bytes=50_000))
    assert records[0]["source"] == str(seed_path) and records[0]["part"] is None
    parts = records[1:]
    assert len(parts) > 2
    assert [r["part"]["index"] for r in parts] == list(range(len(parts)))
    assert {r["source"] for r in parts} == {str(big)}
    assert all(r.get("error") is None and r["sha256"] for r in parts)
    assert len({r["sha256"] for r in parts}) == len(parts)  # each part's own bytes
    # Tables (CSV, Excel, HTML) name a part in its source cell.
    buffer = io.StringIO()
    write(records, buffer, fmt="csv")
    cells = [row[0] for row in csv.reader(io.StringIO(buffer.getvalue()))]
    assert f"{big} (part 1)" in cells and str(seed_path) in cells
    items = expand([str(seed_path), str(big)], max_bytes=limit, part_bytes=50_000)
    assert isinstance(items[1], PartOf)
    assert [item_key(i) for i in items] == [record_key(r) for r in records]


def test_the_command_line_streams_and_resumes_parts(tmp_path: Path, long_text: str) -> None:
    big = tmp_path / "year.txt"
    big.write_text(long_text, encoding="utf-8")
    out = tmp_path / "tags.jsonl"
    args = ["tag", str(big), "-q", "--workers", "1", "-o", str(out), "--max-size", "0.1"]
    assert main(args) == 1  # refused: over the limit
    assert "--stream" in json.loads(out.read_text(encoding="utf-8"))["error"]["message"]

    assert main([*args, "--stream", "--part-size", "0.05"]) == 0
    first = out.read_bytes()
    records = [json.loads(line) for line in first.splitlines()]
    assert len(records) > 2 and [r["part"]["index"] for r in records] == list(range(len(records)))
    # A resumed run reuses every part whose bytes did not change: the same output.
    assert main([*args, "--stream", "--part-size", "0.05", "--resume"]) == 0
    assert out.read_bytes() == first


def test_a_stray_byte_does_not_make_a_long_utf8_line_cut_inside_characters(tmp_path: Path) -> None:
    # A flattened UTF-8 dump with one stray byte at its head (from a blind review): every
    # part is cut between characters, and the text comes back whole but for that byte.
    line = "县总工会开展送温暖活动慰问困难职工发放慰问金" * 100
    path = tmp_path / "dump.txt"
    path.write_bytes(b"\xff" + line.encode("utf-8"))
    for size in (1000, 1001, 1002):
        parts = split_parts(path, size, max_bytes=size)
        assert all(p.stop - p.start <= size for p in parts)
        text = "".join(read_part(path, p, max_bytes=size).text for p in parts)
        assert text == "\ufffd" + line, size
