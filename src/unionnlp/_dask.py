"""What the Dask runner sends to the workers besides the files (imported only by the Dask
runner, which needs ``dask.distributed``): the plugin that warms each worker once, and the
probe that tells which unionnlp a worker runs."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
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


def _version_probe() -> Callable[[], str]:
    """The function a worker runs to say which unionnlp it imports, made here so that it
    is defined in a function: pickle cannot send it by reference, so Dask sends it by
    value (cloudpickle), and a worker runs it without importing this module. A worker
    with an older unionnlp (one without this module, or without this function) then says
    its version, where a probe sent by reference would fail to unpickle there and the
    worker would be reported as having no unionnlp at all. It imports nothing but the
    standard library and unionnlp itself, and asks the installed distribution's metadata
    when the package does not say its version."""

    def installed_version() -> str:
        import importlib

        package = importlib.import_module("unionnlp")  # no unionnlp: ModuleNotFoundError
        version = getattr(package, "__version__", None)
        if isinstance(version, str):
            return version
        from importlib import metadata

        try:
            return metadata.version("unionnlp")
        except metadata.PackageNotFoundError:
            return "of unknown version"

    return installed_version


#: On a worker: the version of the unionnlp it imports (see :func:`_version_probe`); the
#: runner asks every worker once before a run (``client.run``) and refuses a cluster that
#: could not run its tasks.
installed_version = _version_probe()
