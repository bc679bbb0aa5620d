"""Model files as plain arrays and JSON with a checksum: what unionnlp writes and reads
instead of pickles, so that a model or cache file placed by anyone can never run code.

A file is an ``.npz`` archive (read with ``allow_pickle=False``) holding the named
numeric arrays and one ``__meta__`` member: UTF-8 JSON with the file's format name and a
SHA-256 over the metadata and every array's name, dtype, shape and bytes. Strings (term
vocabularies) are stored as one NUL-separated UTF-8 array, see :func:`pack_strings`.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import secrets
import stat
import struct
import zipfile
import zlib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from .errors import ModelError

__all__ = ["MAX_MODEL_BYTES", "pack_strings", "packaged", "read_arrays", "read_weights",
           "unpack_strings", "write_arrays", "write_weights"]

#: The largest model file, and the largest size its arrays may expand to, that is read.
MAX_MODEL_BYTES = 512 * 1024 * 1024

_META = "__meta__"
_KINDS = frozenset("biuf")  # bool, signed and unsigned integers, floats: nothing else


def packaged(path: str, what: str) -> bytes:
    """The bytes of a model file shipped in the package (``path`` relative to it);
    :class:`~unionnlp.errors.ModelError` naming ``what`` when the installation lacks it."""
    from importlib.resources import files

    try:
        return files("unionnlp").joinpath(path).read_bytes()
    except OSError as exc:
        raise ModelError(f"the packaged {what} is missing: {exc}") from exc


def pack_strings(strings: Sequence[str]) -> np.ndarray:
    """Strings as one uint8 array (NUL-separated UTF-8); none may contain NUL."""
    if any("\0" in s for s in strings):
        raise ModelError("a model string contains NUL")
    return np.frombuffer("\0".join(strings).encode("utf-8"), dtype=np.uint8)


def unpack_strings(array: np.ndarray, count: int | None = None) -> list[str]:
    """The strings of :func:`pack_strings`; ``count`` checks how many there are."""
    strings = array.tobytes().decode("utf-8").split("\0") if array.size else []
    if count is not None and len(strings) != count:
        raise ModelError(f"expected {count} strings, found {len(strings)}")
    return strings


def _digest(meta: Mapping[str, Any], arrays: Mapping[str, np.ndarray]) -> str:
    h = hashlib.sha256(json.dumps(meta, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    for name in sorted(arrays):
        a = np.ascontiguousarray(arrays[name])
        h.update(f"\0{name}\0{a.dtype.str}\0{a.shape}\0".encode())
        h.update(a.tobytes())
    return h.hexdigest()


def write_arrays(path: str | os.PathLike[str], fmt: str, meta: Mapping[str, Any],
                 arrays: Mapping[str, np.ndarray], *, compress: bool = False) -> None:
    """Write ``arrays`` and JSON ``meta`` under the format name ``fmt``, atomically.

    Uncompressed by default: models and caches are read at every process's start, where
    inflating them cost a fresh process 30 ms, and a wheel compresses them anyway."""
    for name, a in arrays.items():
        if name == _META or a.dtype.kind not in _KINDS:
            raise ModelError(f"cannot store array {name!r} of dtype {a.dtype}")
    body = {"format": fmt, **meta}
    header = {"sha256": _digest(body, arrays), "meta": body}
    blob = np.frombuffer(json.dumps(header, sort_keys=True, ensure_ascii=False).encode("utf-8"),
                         dtype=np.uint8)
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    members: dict[str, Any] = {_META: blob, **arrays}
    (np.savez_compressed if compress else np.savez)(buffer, **members)
    while True:  # a name of its own per call: a Dask worker's threads may write this file at once
        tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            handle = tmp.open("xb")  # mode 0o666 less the umask, as for any new file
        except FileExistsError:
            continue
        break
    try:
        with handle:
            handle.write(buffer.getvalue())
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def read_arrays(source: str | os.PathLike[str] | bytes, fmt: str,
                where: str | None = None) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """The metadata and arrays of a file written by :func:`write_arrays` in format ``fmt``.

    Raises :class:`~unionnlp.errors.ModelError` naming ``where`` (default: the path) for
    anything else: another format, a damaged or altered file, an oversized archive.
    """
    name = where or ("<model bytes>" if isinstance(source, bytes) else str(source))
    try:
        data = source if isinstance(source, bytes) else _read_bounded(Path(source))
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            expanded = sum(info.file_size for info in archive.infolist())
            if expanded > MAX_MODEL_BYTES:
                raise ModelError(f"{name}: model archive expands to {expanded} bytes "
                                 f"(limit {MAX_MODEL_BYTES})")
        with np.load(io.BytesIO(data), allow_pickle=False) as npz:
            arrays = {key: npz[key] for key in npz.files}
        header = json.loads(arrays.pop(_META).tobytes().decode("utf-8"))
        meta, checksum = header["meta"], header["sha256"]
    except ModelError:
        raise
    # A damaged archive fails in zipfile, zlib or numpy's header parser in many ways.
    except (OSError, ValueError, KeyError, TypeError, UnicodeDecodeError, zipfile.BadZipFile,
            EOFError, zlib.error, NotImplementedError, struct.error) as exc:
        raise ModelError(f"{name}: not a readable unionnlp model file ({exc})") from exc
    if not isinstance(meta, dict) or meta.get("format") != fmt:
        found = meta.get("format") if isinstance(meta, dict) else None
        raise ModelError(f"{name}: expected a {fmt} file, found {found!r}")
    if any(a.dtype.kind not in _KINDS for a in arrays.values()):
        raise ModelError(f"{name}: model file holds non-numeric arrays")
    if _digest(meta, arrays) != checksum:
        raise ModelError(f"{name}: checksum mismatch (the file is damaged or was altered)")
    return meta, arrays


def write_weights(path: str | os.PathLike[str], fmt: str, weights: Mapping[str, float],
                  meta: Mapping[str, Any]) -> None:
    """Write a linear model, a weight for each named feature, and its ``meta`` (see
    :func:`write_arrays`)."""
    names = sorted(weights)
    write_arrays(path, fmt, {**meta, "n": len(names)},
                 {"names": pack_strings(names),
                  "weights": np.array([weights[n] for n in names], dtype=float)})


def read_weights(source: str | os.PathLike[str] | bytes, fmt: str, where: str | None,
                 *, features: str, what: str) -> tuple[dict[str, float], dict[str, Any]]:
    """The weights and metadata written by :func:`write_weights`; a
    :class:`~unionnlp.errors.ModelError` naming ``what`` when the file was made for other
    ``features`` or lacks a part."""
    name = where or ("<model bytes>" if isinstance(source, bytes) else str(source))
    meta, arrays = read_arrays(source, fmt, where)
    if meta.get("features") != features:
        raise ModelError(f"{name}: {what} made for other features")
    try:
        names = unpack_strings(arrays["names"], meta["n"])
        return dict(zip(names, arrays["weights"].tolist(), strict=True)), meta
    except (KeyError, ValueError) as exc:
        raise ModelError(f"{name}: {what} lacks {exc}") from exc


def _read_bounded(path: Path) -> bytes:
    # Checked before opening: opening a FIFO would wait for a writer forever.
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        raise ModelError(f"{path}: not a regular file")
    if info.st_size > MAX_MODEL_BYTES:
        raise ModelError(f"{path}: model file larger than {MAX_MODEL_BYTES} bytes")
    with path.open("rb") as f:
        # read(n) sets aside n bytes: ask for what the file holds (and one more, to see
        # whether it grew past the limit since).
        data = f.read(info.st_size + 1)
    if len(data) > MAX_MODEL_BYTES:
        raise ModelError(f"{path}: model file larger than {MAX_MODEL_BYTES} bytes")
    return data
