"""Word segmentation behind a one-method interface, with the domain dictionary loaded.

Backends: ``jieba`` (a private ``jieba.Tokenizer``; jieba's global tokenizer is
never touched) and ``rjieba`` (``pip install unionnlp[fast]``), which gives the
same tokens faster. Segmenters pickle by name, so worker processes rebuild them.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import threading
from functools import cache
from typing import Any, Protocol

from ._regex import regex
from .errors import unknown_name
from .resources import user_dictionary

_HAN = regex(r"[\u4e00-\u9fff]")
_JOINED_SYMBOLS = regex(r"[^a-zA-Z0-9.%]")
_ALNUM = regex(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")
#: A Latin letter or digit next to a symbol (not Han, space or CJK punctuation): only then
#: can jieba-rs have kept a run such as 2021-07-16 whole.
_NOT_JOINER = r"\u4e00-\u9fffa-zA-Z0-9.%\s\u2000-\u206f\u3000-\u303f\uff00-\uffef"
_LATIN_JOINED = regex(f"[a-zA-Z0-9][^{_NOT_JOINER}]|[^{_NOT_JOINER}][a-zA-Z0-9]")

__all__ = ["BACKENDS", "JiebaSegmenter", "RjiebaSegmenter", "Segmenter", "SegmenterLike",
           "cut_for_analysis", "get_segmenter", "resolve"]


class Segmenter(Protocol):
    """Anything that cuts Chinese text into words."""

    name: str

    def cut(self, text: str) -> list[str]:
        """The words of ``text`` in order, punctuation and spaces included."""
        ...


class _Lazy:
    """Base for segmenters whose dictionary loads on first use, once, thread-safely."""

    name = ""

    def __init__(self) -> None:
        self._impl: Any = None
        self._lock = threading.Lock()

    def _build(self) -> Any:
        raise NotImplementedError

    def _get(self) -> Any:
        if self._impl is None:
            with self._lock:
                if self._impl is None:
                    self._impl = self._build()
        return self._impl

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        # Unpickling yields the process's shared instance, so a dictionary loads once per process.
        return (get_segmenter, (self.name,))

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


class JiebaSegmenter(_Lazy):
    """jieba through its own ``Tokenizer`` instance, with the unionnlp dictionary."""

    name = "jieba"

    def _build(self) -> Any:
        import jieba

        from .cache import cache_dir

        tokenizer = jieba.Tokenizer()
        tokenizer.tmp_dir = str(cache_dir())
        tokenizer.initialize()
        for word, freq, tag in user_dictionary():
            tokenizer.add_word(word, freq, tag)
        return tokenizer

    def cut(self, text: str) -> list[str]:
        return list(map(sys.intern, self._get().cut(text, HMM=True)))


class RjiebaSegmenter(_Lazy):
    """jieba-rs through rjieba: the same tokens as :class:`JiebaSegmenter`, several times faster."""

    name = "rjieba"

    def _build(self) -> Any:
        tokenizer = _rjieba_class()()
        for word, freq, tag in user_dictionary():
            tokenizer.add_word(word, freq, tag)
        return tokenizer

    def cut(self, text: str) -> list[str]:
        # Interned: a report repeats its words, and one object per distinct word instead of
        # one per occurrence is most of what a long text's tokens cost in memory.
        tokens: list[str] = list(map(sys.intern, self._get().cut(text, True)))
        if not _LATIN_JOINED.search(text):
            return tokens
        # jieba-rs keeps 2021-07-16 whole; jieba splits such runs at the symbols.
        odd = [i for i, t in enumerate(tokens) if len(t) > 1 and not "\u4e00" <= t[0] <= "\u9fff"
               and _JOINED_SYMBOLS.search(t) and not _HAN.search(t)]
        for i in reversed(odd):
            tokens[i:i + 1] = [piece for piece in _ALNUM.split(tokens[i]) if piece]
        return tokens


def _rjieba_class() -> Any:
    """rjieba's ``Jieba`` class, loaded from its extension module alone where it can be: the
    ``rjieba`` package builds a default tokenizer with the whole dictionary when imported
    (about 0.1 s of every process's start), which unionnlp never uses as it builds its own.
    The module is registered as ``rjieba.rjieba``, so a later ``import rjieba`` uses it."""
    import importlib.machinery

    loaded = sys.modules.get("rjieba.rjieba")
    if loaded is None:
        spec = importlib.util.find_spec("rjieba")
        folders = list(spec.submodule_search_locations or ()) if spec is not None else []
        found = [os.path.join(folder, f"rjieba{suffix}") for folder in folders
                 for suffix in importlib.machinery.EXTENSION_SUFFIXES]
        path = next((f for f in found if os.path.isfile(f)), None)
        module_spec = (importlib.util.spec_from_file_location("rjieba.rjieba", path)
                       if path is not None else None)
        if module_spec is None or module_spec.loader is None:
            import rjieba  # an unusual layout: the package itself

            return rjieba.Jieba
        loaded = importlib.util.module_from_spec(module_spec)
        module_spec.loader.exec_module(loaded)
        sys.modules["rjieba.rjieba"] = loaded
    return loaded.Jieba


BACKENDS: dict[str, type[_Lazy]] = {"jieba": JiebaSegmenter, "rjieba": RjiebaSegmenter}


def get_segmenter(name: str = "auto") -> Segmenter:
    """The shared segmenter of a backend; ``auto`` takes rjieba when it is installed.

    One instance per backend, however it is named (``get_segmenter()``, ``"auto"`` or the
    backend's own name, as unpickling gives it): each instance loads its own dictionary,
    about 0.15-0.3 s of CPU and tens of MB, so the structure's head-end model and the
    pipeline must share one."""
    if name == "auto":
        name = _auto_backend()
    if name not in BACKENDS:
        raise unknown_name("segmenter backend", name, [*BACKENDS, "auto"])
    return _shared(name)


@cache
def _auto_backend() -> str:
    return "rjieba" if importlib.util.find_spec("rjieba") is not None else "jieba"


_SHARED: dict[str, Segmenter] = {}
_SHARED_LOCK = threading.Lock()


def _shared(name: str) -> Segmenter:
    """The one segmenter of backend ``name``, built by the first thread that asks for it:
    threads that ask at once wait for it rather than each build (and load a dictionary
    for) an instance of their own."""
    shared = _SHARED.get(name)
    if shared is None:
        with _SHARED_LOCK:
            shared = _SHARED.get(name)
            if shared is None:
                built: Segmenter = BACKENDS[name]()  # type: ignore[assignment]
                shared = _SHARED[name] = built
    return shared


#: A segmenter, or the name of its backend: what the stages accept.
SegmenterLike = Segmenter | str


def resolve(segmenter: SegmenterLike) -> Segmenter:
    """The segmenter itself, or the shared one a backend name stands for."""
    return get_segmenter(segmenter) if isinstance(segmenter, str) else segmenter


def cut_for_analysis(text: str, segmenter: SegmenterLike = "auto") -> list[str]:
    """Words of ``text`` as the analysis sees them (normalised, traditional characters read
    as simplified, pinyin glosses left out): the one path of analysis and training."""
    from .convert import analysis_view
    from .normalize import blank_glosses

    view, _ = analysis_view(text)
    return resolve(segmenter).cut(blank_glosses(view))
