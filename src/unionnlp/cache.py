"""Where unionnlp keeps what it computes once: the user's cache directory, never the package."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["cache_dir"]


def cache_dir() -> Path:
    """The cache directory (``UNIONNLP_CACHE`` overrides it), created on demand."""
    override = os.environ.get("UNIONNLP_CACHE")
    if override:
        path = Path(override)
    else:
        import platformdirs

        path = Path(platformdirs.user_cache_dir("unionnlp", appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path
