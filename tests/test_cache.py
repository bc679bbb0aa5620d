"""The cache directory: the user's, overridable, never the package's, with a fallback."""

from __future__ import annotations

from pathlib import Path

import pytest

import unionnlp
from unionnlp import cache


def test_override_and_fallback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache.cache_dir.cache_clear()
    monkeypatch.setenv("UNIONNLP_CACHE", str(tmp_path / "c"))
    assert cache.cache_dir() == tmp_path / "c" and (tmp_path / "c").is_dir()
    cache.cache_dir.cache_clear()
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("UNIONNLP_CACHE", str(blocker / "sub"))
    fallback = cache.cache_dir()
    assert fallback.is_dir() and fallback != blocker / "sub"
    cache.cache_dir.cache_clear()


def test_nothing_is_written_into_the_package(seed_text: str) -> None:
    package = Path(unionnlp.__file__).parent
    before = {p for p in package.rglob("*") if "__pycache__" not in p.parts}
    unionnlp.analyze(seed_text[:2000])
    after = {p for p in package.rglob("*") if "__pycache__" not in p.parts}
    assert after == before


def test_a_cache_others_can_write_to_is_not_used(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another user could plant jieba's dictionary cache there: use a fresh private one."""
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    link = tmp_path / "link"
    link.symlink_to(shared, target_is_directory=True)
    for planted in (shared, link):
        cache.cache_dir.cache_clear()
        monkeypatch.setenv("UNIONNLP_CACHE", str(planted))
        chosen = cache.cache_dir()
        assert chosen not in (shared, link) and cache.is_private_dir(chosen)
    cache.cache_dir.cache_clear()
    monkeypatch.setenv("UNIONNLP_CACHE", str(tmp_path / "new"))
    assert cache.cache_dir() == tmp_path / "new"
    assert cache.is_private_dir(tmp_path / "new")
    cache.cache_dir.cache_clear()


@pytest.mark.slow
def test_a_fallback_cache_goes_when_the_process_ends(tmp_path: Path) -> None:
    """A fresh temporary cache is the process's own: it leaves nothing behind in /tmp."""
    import subprocess
    import sys

    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    code = "from unionnlp.cache import cache_dir; print(cache_dir())"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={"UNIONNLP_CACHE": str(blocker / "sub"),
                                          "PATH": "/usr/bin:/bin"})
    used = Path(run.stdout.strip())
    assert used.name.startswith("unionnlp-cache-") and not used.exists()
