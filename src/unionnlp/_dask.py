"""What the Dask runner sends to the workers besides the files (imported only by the Dask
runner, which needs ``dask.distributed``): the plugin that warms each worker once, and the
probe that tells which unionnlp a worker runs."""

from __future__ import annotations

import hashlib
from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

from .model import Options
from .pipeline import warm

__all__ = ["WarmWorker", "installed_version"]


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


def installed_version() -> str:
    """On a worker: the version of the unionnlp it imports. A worker without unionnlp
    cannot even unpickle this function, which is the point: the runner asks every worker
    once before a run (``client.run``) and refuses a cluster that could not run its tasks."""
    from . import __version__

    return __version__
