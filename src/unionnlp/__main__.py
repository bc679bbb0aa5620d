"""``python -m unionnlp``: the command line."""

from .cli import main

raise SystemExit(main())
