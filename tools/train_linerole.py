"""Train the line labeller on the real-shaped twins' train split and write the packaged
model (src/unionnlp/resources/linerole.json).

    python tools/train_linerole.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from unionnlp.linerole import train_labeller  # noqa: E402
from unionnlp.twins import load_twins  # noqa: E402


def main() -> int:
    twins = load_twins("train")
    model = train_labeller(twins)
    out = ROOT / "src" / "unionnlp" / "resources" / "linerole.json"
    out.write_text(model.to_json() + "\n", encoding="utf-8")
    print(f"trained on {len(twins)} twins: {len(model.attributes)} attributes -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
