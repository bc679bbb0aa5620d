"""Where unionnlp keeps what it computes once: the user's cache directory, never the package.

jieba's dictionary cache, jieba's general IDF as checked arrays and the programs of
unionnlp's compiled regular expressions live there (models ship in the package). The directory is
created private (0700) and used only while it is a real directory owned by this user that
nobody else may write to; otherwise a fresh private temporary directory is used instead
(removed when the process exits), so that no other user can plant a file that unionnlp (or
jieba) reads.
"""

from __future__ import annotations

import atexit
import logging
import os
import shutil
import stat
import tempfile
from functools import cache
from pathlib import Path

__all__ = ["cache_dir", "is_private_dir"]

log = logging.getLogger(__name__)


def is_private_dir(path: Path) -> bool:
    """True when ``path`` is a directory (not a symlink) owned by this user and not writable
    by group or others."""
    try:
        info = path.lstat()
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode):
        return False
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return False
    return not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


@cache
def cache_dir() -> Path:
    """The cache directory (``UNIONNLP_CACHE`` overrides it), created private on demand;
    when it cannot be created or is not private to this user, a new private temporary one."""
    override = os.environ.get("UNIONNLP_CACHE")
    if override:
        path = Path(override)
    else:
        import platformdirs

        path = Path(platformdirs.user_cache_dir("unionnlp", appauthor=False))
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        problem = None if is_private_dir(path) else "it is not a directory private to this user"
    except OSError as exc:
        problem = str(exc)
    if problem is None:
        return path
    fallback = Path(tempfile.mkdtemp(prefix="unionnlp-cache-"))
    # The temporary directory is this process's alone: it goes when the process ends.
    atexit.register(shutil.rmtree, fallback, ignore_errors=True)
    log.warning("not using cache directory %s (%s); using %s", path, problem, fallback)
    return fallback
