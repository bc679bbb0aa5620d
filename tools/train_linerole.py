"""Train the line labeller on the real-shaped twins' train split and write the packaged
model (src/unionnlp/resources/linerole.json, and the line-text model whose probabilities
are among its features, linetext.npz), and the model for hard-wrapped pages
(linerole_wrapped.json), which learns from the twins' hard-wrapped copies too; each with
the boosted trees blended into its marginals (linetrees.npz, linetrees_wrapped.npz).

    python tools/train_linerole.py
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from unionnlp.linerole import train_labeller, train_wrapped_labeller, tree_file  # noqa: E402
from unionnlp.twins import load_twins  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(description=__doc__.split("\n\n")[0]).parse_args(argv)
    twins = load_twins("train")
    model = train_labeller(twins)
    folder = ROOT / "src" / "unionnlp" / "resources"
    assert model.text is not None
    model.text.save(folder / "linetext.npz")
    out = folder / "linerole.json"
    out.write_text(model.to_json() + "\n", encoding="utf-8")
    assert model.trees is not None
    model.trees.save(folder / tree_file(out.name))
    print(f"trained on {len(twins)} twins: {len(model.attributes)} attributes, "
          f"{len(model.text.keys)} line-text n-grams -> {out}")
    wrapped = train_wrapped_labeller(twins)
    out = folder / "linerole_wrapped.json"
    out.write_text(wrapped.to_json() + "\n", encoding="utf-8")
    assert wrapped.trees is not None
    wrapped.trees.save(folder / tree_file(out.name))
    print(f"and with their hard-wrapped copies: {len(wrapped.attributes)} attributes -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
