"""Imported once by the batch's forkserver (``multiprocessing`` preload): loads the segmenter
and the packaged models there, so that every worker process forked from it starts warm and
shares those pages with its siblings. Never imported by ``import unionnlp``."""

from __future__ import annotations

import gc
import logging

from ._env import single_threaded_blas

single_threaded_blas()  # before the models import numpy: workers parallelise by process

from .batch import AtLeast  # noqa: E402
from .model import DEFAULT  # noqa: E402
from .pipeline import warm  # noqa: E402

# The forkserver writes to the caller's stderr: keep jieba's loading chatter out of it
# (workers then log as the caller asked, see unionnlp.batch._init_worker).
_quiet = AtLeast(logging.WARNING)
logging.getLogger("jieba").addFilter(_quiet)
warm(DEFAULT)
logging.getLogger("jieba").removeFilter(_quiet)
# What is loaded now lives as long as the workers: out of the collector's sight, so that its
# passes do not write to (and so copy) the pages each worker shares with its siblings.
gc.freeze()
