"""Process settings that only the command line and its worker processes make, and how those
worker processes start."""

from __future__ import annotations

import logging
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

__all__ = ["AtLeast", "cpu_count", "pool_context", "single_threaded_blas", "start_pool_server"]

#: BLAS thread pools spin on the small matrices unionnlp multiplies and cost ~15% CPU for
#: nothing; the command parallelises by worker processes instead (a user's setting wins).
_SINGLE_THREADED = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def single_threaded_blas() -> None:
    """Ask numpy's BLAS for one thread, unless the user chose; only before numpy loads."""
    if "numpy" not in sys.modules:
        for name in _SINGLE_THREADED:
            os.environ.setdefault(name, "1")


def cpu_count() -> int:
    """The CPUs this process may run on: the default number of pool workers."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def pool_context() -> BaseContext:
    """How pool workers start: forked from a forkserver that loaded the dictionary and models
    once (``unionnlp._warm``), so each starts warm; spawned where there is no forkserver."""
    import multiprocessing

    # Not fork: forking a process that runs threads (tqdm, Dask, the caller's) can deadlock.
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    # (No effect when this process already started its forkserver.)
    context.set_forkserver_preload(["unionnlp._warm"])
    return context


def start_pool_server() -> None:
    """Start the forkserver now, without waiting for it: its warm-up (about 0.4 s) then runs
    while this process is still importing and collecting, instead of after."""
    if pool_context().get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


class AtLeast(logging.Filter):
    """Drop records below a level; survives jieba resetting its logger's level on import."""

    def __init__(self, level: int) -> None:
        super().__init__()
        self.level = level

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= self.level
