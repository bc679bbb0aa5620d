"""A cache of the models each fold of ``cv_structure.py`` fits, so that scoring the rules
after the labeller out of sample costs the scoring alone.

A fold's models (its line labellers, the plain and the hard-wrapped one, each with its
line-text model and trees; its head-end, first-mark and gap models; its theme model)
depend only on what they are fitted from and on the code that computes features and fits.
They are stored in the user cache directory (:func:`unionnlp.cache.cache_dir`, under
``cv_structure/``) in the formats the packaged models use (arrays and JSON with a checksum,
never a pickle), one folder per fold, named by a key: a SHA-256 of

- the fold's training twins (ids, kinds, texts and annotations as read from their ``.ann``
  files) and the written corpus's paragraphs the theme model learns from;
- the source (byte for byte) of the modules that fit and of every module they import,
  directly or not, except the rules that run after the models (:data:`RULE_MODULES`:
  ``structure.py``, ``repair.py``, the wiring, the export): of those only the definitions
  that the others import count, with what they use in turn (``linerole.py`` reads
  ``repair.page_width`` as a feature, so a change to it invalidates; a change to a rule of
  ``structure.py`` that no feature reads does not, nor a module only the rules import,
  nor a rule a fitting module imports only for its output, :data:`OUTPUT_ONLY`);
- every resource file but the packaged models the folds replace (:data:`REPLACED`) and
  those only the rules after them read (:data:`RULE_MODELS`: the keyword model and the
  summary sentence model, refitted whenever the structure changes);
- the versions of Python, numpy, scipy, scikit-learn, sklearn-crfsuite, jieba and rjieba,
  the CRF's penalties, the source of :func:`fit_fold` and the lists of modules below.

A module that only a dynamic import (``importlib``) reaches is not seen: none of the
fitting code does that today. The key of a fold takes a few seconds (parsing the source).

While a fold's models are fitted the packaged models the folds replace refuse to load, so
that a fit that would read one fails instead of being cached. A folder whose manifest or
files do not match their checksums is refused (logged) and refitted; a miss fits, stores,
and reads back what it stored, so that a miss and a hit give the same models.
"""

from __future__ import annotations

import ast
import hashlib
import inspect
import json
import logging
import os
import platform
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

log = logging.getLogger("cv_cache")

FORMAT = "unionnlp-cvfold/1"
#: The modules whose code fits a fold's models (:func:`fit_fold`): they, and every module
#: they import, count.
FITTING = ("gapbreaks", "headend", "linerole", "linetext", "linetrees", "themes", "twins",
           "corpus", "store", "segment", "lines", "__init__")
#: Modules (relative to ``src/unionnlp``, without ``.py``) counted only by what the others
#: import from them: the rules after the models, and the stages after them that lend a
#: feature a helper (``keyterms.candidates`` makes the theme model's words). A change to
#: them leaves the fold models as they are, unless it is in what another module imports or
#: in what that uses in turn. Every module not named here counts whole.
RULE_MODULES = frozenset({
    "structure", "repair", "pipeline", "api", "keyterms", "sentences", "summarize",
    "figures", "dates", "cli", "batch", "evaluate", "evaluate_real", "_dask", "_warm",
    "__main__", "export"})
#: Packaged models only the rules after the fold models read (not part of the key, so that
#: refitting them after a structure change keeps the folds; refused to load while a fold is
#: fitted).
RULE_MODELS = frozenset({"keywords.npz", "sentences.npz"})
#: Names of rule modules that a fitting module imports only to print its output (the
#: report's ``date`` property of ``model.Report``): no fit calls them, so they do not count.
OUTPUT_ONLY = frozenset({("dates", "report_date")})
#: Packaged models that the fold models stand in for (not part of the key; refused to load
#: while a fold is fitted).
REPLACED = frozenset({"linerole.json", "linerole_wrapped.json", "linetext.npz",
                      "linetrees.npz", "linetrees_wrapped.npz", "headend.npz",
                      "headmark.npz", "gapbreaks.npz", "themes.npz"})
VERSIONED = ("numpy", "scipy", "scikit-learn", "sklearn-crfsuite", "python-crfsuite", "jieba",
             "rjieba")
FILES = ("linerole.json", "linetext.npz", "linetrees.npz", "linerole_wrapped.json",
         "linetext_wrapped.npz", "linetrees_wrapped.npz", "headend.npz", "headmark.npz",
         "gapbreaks.npz", "themes.npz")


@dataclass(frozen=True)
class FoldModels:
    """What one fold fits."""

    labeller: Any  # unionnlp.linerole.LineLabeller
    wrapped: Any  # the labeller of hard-wrapped pages
    ends: Any  # unionnlp.headend.HeadEnds
    marks: Any  # the first-mark model (a HeadEnds)
    gaps: Any  # unionnlp.gapbreaks.GapBreaks
    themes: Any  # unionnlp.themes.ThemeClassifier


# --- the key -------------------------------------------------------------------------------

def _module_name(path: Path, package: Path) -> str:
    return ".".join(path.relative_to(package).with_suffix("").parts)


def _is_rule(module: str) -> bool:
    return module.split(".")[0] in RULE_MODULES


def _resolve(importer: str, node: ast.ImportFrom) -> str | None:
    """The module (relative to the package) that ``node`` in module ``importer`` imports
    from, or None for another package."""
    if node.level == 0:
        name = node.module or ""
        if name != "unionnlp" and not name.startswith("unionnlp."):
            return None
        return name.removeprefix("unionnlp").lstrip(".")
    parts = importer.split(".")[:-1]  # the importer's package
    base = parts[:len(parts) - (node.level - 1)] if node.level > 1 else parts
    return ".".join([*base, *([node.module] if node.module else [])])


def _definitions(tree: ast.Module) -> dict[str, list[ast.AST]]:
    """The statements of a module that define each top-level name."""
    out: dict[str, list[ast.AST]] = {}
    for stmt in tree.body:
        names: list[str] = []
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names = [stmt.name]
        elif isinstance(stmt, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
            names = [n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)]
        for name in names:
            out.setdefault(name, []).append(stmt)
    return out


def _imported(module: str, tree: ast.AST) -> Iterator[tuple[str, str | None, str]]:
    """(module, name or None for the whole module, local name) of each import of a
    unionnlp module anywhere in ``tree``."""
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            source = _resolve(module, node)
            if source is None:
                continue
            for alias in node.names:
                if source == "":  # from . import x: a whole module
                    yield alias.name, None, alias.asname or alias.name
                else:
                    yield source, alias.name, alias.asname or alias.name
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("unionnlp."):
                    yield alias.name.removeprefix("unionnlp."), None, alias.name


_DEFINING = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Assign, ast.AnnAssign,
             ast.AugAssign, ast.Import, ast.ImportFrom)


def code_digest(package: Path) -> str:
    """A digest of the fitting code under ``package`` (``src/unionnlp``): the modules that
    fit (:data:`FITTING`) and every module they import, directly or not, byte for byte, but
    of the modules in :data:`RULE_MODULES` only the definitions imported, with everything
    they use in turn (as their syntax trees: comments do not count). A module that the
    fitting code never imports (a new helper of the structure's) does not count."""
    sources = {_module_name(p, package): p for p in sorted(package.rglob("*.py"))}
    trees = {m: ast.parse(p.read_bytes(), str(p)) for m, p in sources.items()}

    def module_of(name: str) -> str | None:
        if name in trees:
            return name
        return f"{name}.__init__" if f"{name}.__init__" in trees else None

    whole: set[str] = set()
    todo: list[str] = []
    wanted: list[tuple[str, str | None]] = []

    def count(name: str) -> None:
        """Count a module whole (the package's too), or by its names for a rule module."""
        found = module_of(name)
        parts_of = name.split(".")
        for k in range(1, len(parts_of)):  # importing a.b runs a/__init__.py too
            count(".".join(parts_of[:k]))
        if found is not None and found not in whole and not _is_rule(found):
            whole.add(found)
            todo.append(found)

    def imports(module: str, tree: ast.AST) -> None:
        for source, name, _ in _imported(module, tree):
            if (source, name) in OUTPUT_ONLY:
                continue
            if _is_rule(source):
                wanted.append((source, name))
            elif name is not None and module_of(f"{source}.{name}") is not None:
                count(f"{source}.{name}")  # from .resources import a submodule
            else:
                count(source)

    for name in FITTING:
        count(name)
    seen: set[tuple[str, str | None]] = set()
    parts: list[str] = []
    defined: dict[str, dict[str, list[ast.AST]]] = {}
    local: dict[str, dict[str, tuple[str, str | None]]] = {}
    while todo or wanted:
        if todo:
            module = todo.pop()
            parts.append(f"{module}:<whole>:" + sources[module].read_bytes().hex())
            if module != "__init__":  # the package's public names: fitting reads none
                imports(module, trees[module])
            continue
        item = wanted.pop()
        if item in seen:
            continue
        seen.add(item)
        module, name = item
        found = module_of(module)
        if found is None:
            parts.append(f"{module}:{name}:missing")
            continue
        module, tree = found, trees[found]
        if module not in defined:
            defined[module] = _definitions(tree)
            local[module] = {alias: (source, orig)
                             for source, orig, alias in _imported(module, tree)}
            # What the module does as it is imported, besides defining names, counts too.
            for stmt in tree.body:
                if not isinstance(stmt, _DEFINING) and not (
                        isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant)):
                    parts.append(f"{module}:<top>:{ast.dump(stmt, include_attributes=False)}")
                    imports(module, stmt)
        if name is None or name not in defined[module]:
            # A whole module, or a name it imports itself: all of it counts.
            nodes: list[ast.AST] = [tree]
        else:
            nodes = list(defined[module][name])
        for node in nodes:
            parts.append(f"{module}:{name}:{ast.dump(node, include_attributes=False)}")
            if node is tree:
                imports(module, tree)
                continue
            imports(module, node)  # what a definition imports inside itself
            for ref in {sub.id for sub in ast.walk(node) if isinstance(sub, ast.Name)}:
                if ref in defined[module] and ref != name:
                    wanted.append((module, ref))
                elif ref in local[module]:
                    source, orig = local[module][ref]
                    if _is_rule(source):
                        wanted.append((source, orig))
                    else:
                        count(source if orig is None or module_of(f"{source}.{orig}") is None
                              else f"{source}.{orig}")
    h = hashlib.sha256()
    for part in sorted(parts):
        h.update(part.encode("utf-8") + b"\0")
    return h.hexdigest()


def resources_digest(folder: Path) -> str:
    """A digest of the resource files but the packaged models the folds replace and those
    only the rules read."""
    h = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.name not in REPLACED | RULE_MODELS \
                and "__pycache__" not in path.parts:
            h.update(f"{path.relative_to(folder).as_posix()}\0".encode() + path.read_bytes())
    return h.hexdigest()


def _versions() -> str:
    found = []
    for name in VERSIONED:
        try:
            found.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name}=none")
    return f"python={platform.python_version()} " + " ".join(found)


def _twin_digest(twin: Any) -> bytes:
    """A digest of a twin as its ``.ann`` file reads: id, kind, split, text, every span and
    paragraph with its role, level and themes."""
    body = repr((twin.id, twin.kind, twin.split, twin.text, twin.spans, twin.paragraphs))
    return hashlib.sha256(body.encode("utf-8")).digest()


def fold_key(train: Sequence[Any], written: Sequence[Any], *, c1: float, c2: float,
             package: Path | None = None) -> str:
    """The key of a fold's models: see the module's docstring. ``package`` is the source
    tree of ``unionnlp`` (the one imported by default)."""
    import unionnlp

    package = package or Path(unionnlp.__file__).resolve().parent
    h = hashlib.sha256(f"{FORMAT}\0{_versions()}\0c1={c1!r} c2={c2!r}\0".encode())
    # How a fold is fitted (the CRF's other settings are linerole's, counted with it).
    h.update(_FIT_FOLD_SOURCE.encode())
    h.update(f"{FITTING}\0{sorted(RULE_MODULES)}\0{sorted(OUTPUT_ONLY)}\0".encode())
    h.update(code_digest(package).encode())
    h.update(resources_digest(package / "resources").encode())
    for twin in sorted(train, key=lambda t: t.id):
        h.update(f"\0twin {twin.id}\0".encode() + _twin_digest(twin))
    for p in written:
        h.update(f"\0written {p.doc}\0{p.text}\0{','.join(p.labels)}".encode())
    return h.hexdigest()


# --- fitting and storing -----------------------------------------------------------------

@contextmanager
def _patched(pairs: Sequence[tuple[Any, str, Any]]) -> Iterator[None]:
    saved = [(owner, name, getattr(owner, name)) for owner, name, _ in pairs]
    try:
        for owner, name, value in pairs:
            setattr(owner, name, value)
        yield
    finally:
        for owner, name, value in saved:
            setattr(owner, name, value)


def _refuse(what: str) -> Callable[..., Any]:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        from unionnlp.errors import ModelError

        raise ModelError(f"a fold's fit read the packaged {what}: it would not be out of "
                         "sample (and cv_cache's key ignores the packaged models)")
    return refuse


def fit_fold(train: Sequence[Any], written: Sequence[Any], *, c1: float, c2: float
             ) -> FoldModels:
    """Fit a fold's models on its training twins (and the written corpus's ``written``
    paragraphs for the themes), the packaged ones refused meanwhile: the gap model first,
    then the head-end models, then the labellers and the theme model, each with the fold's
    models fitted before it in place of the packaged ones, should it read them (today none
    does: only the structure reads the gap and head-end models)."""
    import unionnlp.gapbreaks as gapbreaks
    import unionnlp.headend as headend
    import unionnlp.linerole as linerole
    import unionnlp.pipeline as pipeline
    import unionnlp.sentences as sentences
    import unionnlp.themes as themes
    from unionnlp.themes import ThemeClassifier, segment_all

    train = list(train)
    refused = [(linerole, "default_labeller", _refuse("line labeller")),
               (linerole, "wrapped_labeller", _refuse("wrapped line labeller")),
               (linerole, "_packaged_line_text", _refuse("line-text model")),
               (pipeline, "get_classifier", _refuse("theme model")),
               (themes, "default_classifier", _refuse("theme model")),
               (headend, "default_head_ends", _refuse("head-end model")),
               (headend, "default_head_marks", _refuse("first-mark model")),
               (gapbreaks, "default_gap_breaks", _refuse("gap model")),
               (pipeline, "default_keywords", _refuse("keyword model")),
               (sentences, "default_sentence_model", _refuse("summary sentence model"))]
    with _patched(refused):
        gaps = gapbreaks.GapBreaks.fit(gapbreaks.examples(train))
        with _patched([(gapbreaks, "default_gap_breaks", lambda: gaps)]):
            ends = headend.HeadEnds.fit(headend.examples(train))
            marks = headend.HeadEnds.fit(headend.examples(train, marks=True), marks=True,
                                         threshold=headend.VETO)
            with _patched([(headend, "default_head_ends", lambda: ends),
                           (headend, "default_head_marks", lambda: marks)]):
                labeller = linerole.train_labeller(train, c1=c1, c2=c2)
                wrapped = linerole.train_wrapped_labeller(train, c1=c1, c2=c2)
                texts = [p.text for p in written] + [p.text for t in train
                                                     for p in t.paragraphs]
                labels = [p.labels for p in written] + [p.themes for t in train
                                                        for p in t.paragraphs]
                groups = [p.doc for p in written] + [t.id for t in train for _ in t.paragraphs]
                theme_model = ThemeClassifier().fit(segment_all(texts), labels, groups=groups)
    return FoldModels(labeller, wrapped, ends, marks, gaps, theme_model)


#: How a fold is fitted, as the key counts it (read once: a test may wrap fit_fold).
_FIT_FOLD_SOURCE = inspect.getsource(fit_fold)


def _file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _manifest_text(key: str, digests: dict[str, str]) -> str:
    body = {"format": FORMAT, "key": key, "files": digests}
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"))
    return json.dumps({"sha256": hashlib.sha256(canonical.encode()).hexdigest(),
                       "manifest": body}, sort_keys=True, indent=1)


def store(models: FoldModels, folder: Path, key: str) -> None:
    """Write a fold's models into ``folder`` (replaced whole, through a temporary folder
    beside it, so that a reader never sees half of it)."""
    folder.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=folder.name + ".", dir=folder.parent))
    try:
        for name, model in (("", models.labeller), ("_wrapped", models.wrapped)):
            (tmp / f"linerole{name}.json").write_text(model.to_json(), encoding="utf-8")
            model.text.save(tmp / f"linetext{name}.npz")
            model.trees.save(tmp / f"linetrees{name}.npz")
        models.ends.save(str(tmp / "headend.npz"))
        models.marks.save(str(tmp / "headmark.npz"))
        models.gaps.save(str(tmp / "gapbreaks.npz"))
        models.themes.save(tmp / "themes.npz")
        digests = {name: _file_digest(tmp / name) for name in FILES}
        (tmp / "manifest.json").write_text(_manifest_text(key, digests), encoding="utf-8")
        if folder.exists():
            shutil.rmtree(folder)
        os.replace(tmp, folder)
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)
        if not folder.is_dir():
            raise
        # Another run stored the same key meanwhile: its folder stays.
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def load(folder: Path, key: str) -> FoldModels:
    """The models :func:`store` wrote; :class:`unionnlp.errors.ModelError` for a folder of
    another key, a missing file, or one that does not match its checksum."""
    from unionnlp.errors import ModelError
    from unionnlp.gapbreaks import GapBreaks
    from unionnlp.headend import HeadEnds
    from unionnlp.linerole import LineLabeller
    from unionnlp.linetext import LineText
    from unionnlp.linetrees import LineTrees
    from unionnlp.themes import load_classifier

    try:
        outer = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        body = outer["manifest"]
        canonical = json.dumps(body, sort_keys=True, separators=(",", ":"))
        if hashlib.sha256(canonical.encode()).hexdigest() != outer["sha256"]:
            raise ModelError(f"{folder}: manifest checksum mismatch")
        if body["format"] != FORMAT or body["key"] != key:
            raise ModelError(f"{folder}: a manifest of another key or format")
        for name in FILES:
            if _file_digest(folder / name) != body["files"][name]:
                raise ModelError(f"{folder / name}: checksum mismatch (a damaged or edited "
                                 "cache file)")
    except (OSError, KeyError, TypeError, ValueError) as exc:
        raise ModelError(f"{folder}: not a complete fold cache ({exc})") from exc

    def labeller(name: str) -> Any:
        text = LineText.load(folder / f"linetext{name}.npz")
        return LineLabeller.from_json(
            (folder / f"linerole{name}.json").read_text(encoding="utf-8"),
            str(folder / f"linerole{name}.json"), text,
            lambda: LineTrees.load(folder / f"linetrees{name}.npz"))

    return FoldModels(labeller(""), labeller("_wrapped"),
                      HeadEnds.load(str(folder / "headend.npz")),
                      HeadEnds.load(str(folder / "headmark.npz")),
                      GapBreaks.load(str(folder / "gapbreaks.npz")),
                      load_classifier(folder / "themes.npz"))


def cache_root() -> Path:
    from unionnlp.cache import cache_dir

    return cache_dir() / "cv_structure"


def fold_models(train: Sequence[Any], written: Sequence[Any], *, name: str, c1: float,
                c2: float, use_cache: bool = True,
                root: Path | None = None) -> tuple[FoldModels, str]:
    """A fold's models and where they came from (``hit``, ``fitted``): from the cache when
    it holds them under their key, else fitted, stored and read back. ``use_cache`` false
    fits (and stores) whatever the cache holds."""
    from unionnlp.errors import ModelError

    key = fold_key(train, written, c1=c1, c2=c2)
    folder = (root or cache_root()) / f"{name}-{key[:32]}"
    if use_cache and folder.is_dir():
        try:
            return load(folder, key), "hit"
        except ModelError as exc:
            log.warning("refusing the cached fold models: %s; fitting them again", exc)
    store(fit_fold(train, written, c1=c1, c2=c2), folder, key)
    return load(folder, key), "fitted"


if __name__ == "__main__":  # pragma: no cover
    sys.exit("cv_cache is used by cv_structure.py")
