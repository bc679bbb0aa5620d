"""Where unionnlp keeps what it computes once: the user's cache directory, never the package."""

from __future__ import annotations

import logging
import os
import tempfile
from functools import cache
from pathlib import Path

__all__ = ["cache_dir"]

log = logging.getLogger(__name__)


@cache
def cache_dir() -> Path:
    """The cache directory (``UNIONNLP_CACHE`` overrides it), created on demand; when it
    cannot be created (a read-only home), a private folder in the temporary directory."""
    override = os.environ.get("UNIONNLP_CACHE")
    if override:
        path = Path(override)
    else:
        import platformdirs

        path = Path(platformdirs.user_cache_dir("unionnlp", appauthor=False))
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        user = os.getuid() if hasattr(os, "getuid") else os.getpid()
        fallback = Path(tempfile.gettempdir()) / f"unionnlp-cache-{user}"
        log.warning("cannot use cache directory %s (%s); using %s", path, exc, fallback)
        fallback.mkdir(mode=0o700, parents=True, exist_ok=True)
        path = fallback
    return path
