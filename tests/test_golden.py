"""A golden snapshot of the real newspaper page's output: any change to what unionnlp
gives for it fails here until it is accepted on purpose with

    UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py

The snapshot keeps a hash of the whole record and counts that say what moved (never the
page's text: the page stays in ../shared)."""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from pathlib import Path
from typing import Any

import unionnlp

GOLDEN = Path(__file__).parent / "data" / "seed_golden.json"


def _snapshot(seed_text: str) -> dict[str, Any]:
    record = unionnlp.analyze(seed_text, source="seed").to_dict()
    body = json.dumps(record, ensure_ascii=False, sort_keys=True)
    paragraphs = [p for a in record["articles"] for s in a["sections"] for p in s["paragraphs"]]
    return {
        "sha256": hashlib.sha256(body.encode()).hexdigest(),
        "articles": len(record["articles"]),
        "sections": sum(len(a["sections"]) for a in record["articles"]),
        "paragraphs": len(paragraphs),
        "paragraph_themes": dict(sorted(Counter(t for p in paragraphs for t in p["themes"]).items())),
        "figures": len(record["figures"]),
        "keywords": len(record["keywords"]),
        "dropped": len(record["dropped"]),
    }


def test_the_seed_page_gives_the_accepted_output(seed_text: str) -> None:
    now = _snapshot(seed_text)
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(now, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    accepted = json.loads(GOLDEN.read_text(encoding="utf-8"))
    changed = {k: (accepted.get(k), v) for k, v in now.items() if accepted.get(k) != v}
    assert not changed, (f"the seed page's output changed: {changed}; if on purpose, "
                         "UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py")
