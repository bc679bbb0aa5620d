"""unionnlp: structure, keywords, themes, summaries and key figures from Chinese union reports."""
