"""The base of every export format (kept apart from the registry in ``__init__``, which
imports the formats: a format never imports its own package)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping
from typing import Any, ClassVar

__all__ = ["Writer"]


class Writer(ABC):
    """Writes records, as :func:`unionnlp.batch.tag_files` yields them, to a text stream."""

    name: ClassVar[str]
    #: File name extensions that mean this format (for :func:`format_for_path`).
    extensions: ClassVar[tuple[str, ...]] = ()
    #: Whether the format is bytes (written to a binary stream), not text.
    binary: ClassVar[bool] = False

    @abstractmethod
    def write(self, records: Iterable[Mapping[str, Any]], stream: Any) -> int:
        """Write every record to ``stream`` (text; bytes for a :attr:`binary` format);
        return how many there were."""
