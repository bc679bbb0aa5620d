"""Process settings that only the command line and its worker processes make."""

from __future__ import annotations

import os
import sys

__all__ = ["single_threaded_blas"]

#: BLAS thread pools spin on the small matrices unionnlp multiplies and cost ~15% CPU for
#: nothing; the command parallelises by worker processes instead (a user's setting wins).
_SINGLE_THREADED = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def single_threaded_blas() -> None:
    """Ask numpy's BLAS for one thread, unless the user chose; only before numpy loads."""
    if "numpy" not in sys.modules:
        for name in _SINGLE_THREADED:
            os.environ.setdefault(name, "1")
