"""unionnlp: structure, keywords, themes, summaries and key figures from Chinese union reports.

``import unionnlp`` does no work: every name below is loaded on first use.

>>> import unionnlp
>>> report = unionnlp.analyze_file("report.txt")          # doctest: +SKIP
>>> [k.term for k in report.keywords]                      # doctest: +SKIP
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

if TYPE_CHECKING:
    from .api import (
        analyze,
        analyze_file,
        analyze_stream,
        explain,
        explain_clauses,
        keywords,
        to_frames,
    )
    from .batch import tag_files
    from .corpus import load_corpus
    from .errors import (
        ConfigError,
        CorpusError,
        CorruptFileError,
        DecodeError,
        InputError,
        ModelError,
        UnionNLPError,
        UnsupportedFormatError,
    )
    from .figures import extract_figures
    from .model import (
        SCHEMA,
        THEMES,
        Article,
        Figure,
        Keyword,
        Options,
        Paragraph,
        Part,
        Report,
        Section,
    )
    from .readers import read
    from .structure import parse
    from .themes import ThemeClassifier, load_classifier, train_from_jsonl

_EXPORTS = {
    "Article": "model",
    "ConfigError": "errors",
    "CorpusError": "errors",
    "CorruptFileError": "errors",
    "DecodeError": "errors",
    "Figure": "model",
    "InputError": "errors",
    "Keyword": "model",
    "ModelError": "errors",
    "Options": "model",
    "Paragraph": "model",
    "Part": "model",
    "Report": "model",
    "SCHEMA": "model",
    "Section": "model",
    "THEMES": "model",
    "ThemeClassifier": "themes",
    "UnionNLPError": "errors",
    "UnsupportedFormatError": "errors",
    "analyze": "api",
    "analyze_file": "api",
    "analyze_stream": "api",
    "explain": "api",
    "explain_clauses": "api",
    "extract_figures": "figures",
    "keywords": "api",
    "load_classifier": "themes",
    "load_corpus": "corpus",
    "parse": "structure",
    "read": "readers",
    "tag_files": "batch",
    "to_frames": "api",
    "train_from_jsonl": "themes",
}

__all__ = [
    "SCHEMA",
    "THEMES",
    "Article",
    "ConfigError",
    "CorpusError",
    "CorruptFileError",
    "DecodeError",
    "Figure",
    "InputError",
    "Keyword",
    "ModelError",
    "Options",
    "Paragraph",
    "Part",
    "Report",
    "Section",
    "ThemeClassifier",
    "UnionNLPError",
    "UnsupportedFormatError",
    "__version__",
    "analyze",
    "analyze_file",
    "analyze_stream",
    "explain",
    "explain_clauses",
    "extract_figures",
    "keywords",
    "load_classifier",
    "load_corpus",
    "parse",
    "read",
    "tag_files",
    "to_frames",
    "train_from_jsonl",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'unionnlp' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
