"""The Dask worker plugin that warms each worker once (imported only by the Dask runner,
which needs ``dask.distributed``)."""

from __future__ import annotations

import hashlib
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
        # The same options give the same name in every process (hash() of a str does
        # not), so registering again replaces the plugin instead of adding one.
        digest = hashlib.sha256(repr(options).encode("utf-8", "surrogatepass")).hexdigest()
        self.name = f"unionnlp-warm-{digest[:16]}"

    def setup(self, worker: Any) -> None:
        warm(self.options)
