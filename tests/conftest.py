"""Shared fixtures: the real newspaper page from ../shared, a private cache directory, the
real-shaped twins of the train split."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# A small example budget in CI; `HYPOTHESIS_PROFILE=long` for a fuzzing run (see the README).
settings.register_profile("ci", max_examples=40, deadline=None)
settings.register_profile("long", max_examples=5000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seeds" / "000_9586f3886ee54ef2.txt"


def pytest_configure(config: pytest.Config) -> None:
    # Keep the suite's model and dictionary caches out of the user's cache directory.
    cache = ROOT / ".pytest_cache" / "unionnlp-cache"
    os.environ.setdefault("UNIONNLP_CACHE", str(cache))


@pytest.fixture(scope="session")
def seed_path() -> Path:
    assert SEED.exists(), f"the real newspaper page is missing: {SEED}"
    return SEED


@pytest.fixture(scope="session")
def seed_text(seed_path: Path) -> str:
    return seed_path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def train() -> list:
    """The train twins of corpus/real (read once for every test that trains on them)."""
    from unionnlp.twins import load_twins

    return load_twins("train")
