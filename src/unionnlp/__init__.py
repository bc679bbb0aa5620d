"""unionnlp: structure, keywords, themes, summaries and key figures from Chinese union reports."""

__version__ = "0.1.0"
