"""The Dask worker plugin that warms each worker once (imported only by the Dask runner,
which needs ``dask.distributed``)."""

from __future__ import annotations

from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

from .model import Options
from .pipeline import warm

__all__ = ["WarmWorker"]


class WarmWorker(WorkerPlugin):
    """Loads the segmenter and models on every worker of the cluster, now and on workers
    that join later, so that a worker's first file costs what its hundredth does."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self.name = f"unionnlp-warm-{abs(hash(repr(options))):x}"

    def setup(self, worker: Any) -> None:
        warm(self.options)
