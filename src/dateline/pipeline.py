"""The analysis pipeline: an Article goes in, a stand-off Record comes out.

Each layer is a component with one job (spaCy's idea): a callable that reads some
layers of a ``Document`` and adds one.  Components are registered by name; the
default order runs every registered layer, and callers may ask for a subset
(a layer's requirements are added automatically).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Protocol

from . import nlp as nlp_layer
from .types import Article, Attribution, Entity, Event, Record, Timex

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc


@dataclass
class Document:
    """The working state of one article while components add layers to it."""

    article: Article
    text: str
    doc: "Doc | None" = None
    entities: list[Entity] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    scratch: dict[str, Any] = field(default_factory=dict)  # data shared between layers

    def to_record(self) -> Record:
        """The frozen record of the layers added so far."""
        return Record(
            article=self.article,
            text=self.text,
            entities=tuple(self.entities),
            timexes=tuple(self.timexes),
            events=tuple(self.events),
            attributions=tuple(self.attributions),
        )


class Component(Protocol):
    """One pipeline stage: reads ``requires`` layers, adds the ``provides`` layer."""

    name: str
    requires: tuple[str, ...]
    provides: str

    def __call__(self, document: Document) -> None: ...


# name -> "module:factory".  Order is the default run order.
REGISTRY: dict[str, str] = {
    "entities": "dateline.entities:EntityComponent",
    "time": "dateline.time:TimeComponent",
    "attributions": "dateline.attribution:AttributionComponent",
    "events": "dateline.events:EventComponent",
}


def _available(name: str) -> bool:
    module, _, attr = REGISTRY[name].partition(":")
    try:
        return hasattr(importlib.import_module(module), attr)
    except ImportError:
        return False


def layer_names() -> list[str]:
    """The layers this installation can run, in default order."""
    return [name for name in REGISTRY if _available(name)]


def _make(name: str) -> Component:
    module, _, attr = REGISTRY[name].partition(":")
    factory: Callable[[], Component] = getattr(importlib.import_module(module), attr)
    return factory()


def build(layers: Iterable[str] | None = None) -> list[Component]:
    """The components for ``layers`` (all available ones when None), with requirements."""
    wanted = set(layer_names() if layers is None else layers)
    unknown = wanted - set(REGISTRY)
    if unknown:
        raise ValueError(f"unknown layer(s): {', '.join(sorted(unknown))}; known: {', '.join(REGISTRY)}")
    components: dict[str, Component] = {}
    changed = True
    while changed:  # close over requirements
        changed = False
        for name in list(wanted):
            if name not in components:
                components[name] = _make(name)
                for req in components[name].requires:
                    if req not in wanted and req in REGISTRY and _available(req):
                        wanted.add(req)
                        changed = True
    return [components[n] for n in REGISTRY if n in components]


class Pipeline:
    """The spaCy model plus dateline's components, loaded once and reused."""

    def __init__(self, layers: Iterable[str] | None = None, model: str | None = None) -> None:
        self.components = build(layers)
        self.model = model
        self._nlp = None

    @property
    def nlp(self):
        """The spaCy pipeline, loaded on first use."""
        if self._nlp is None:
            self._nlp = nlp_layer.load(self.model)
        return self._nlp

    def run(self, article: Article, doc: "Doc | None" = None) -> Record:
        """Analyse one article (parsing it unless a parsed ``doc`` is given)."""
        if doc is None:
            doc = nlp_layer.parse(self.nlp, article.text)
        document = Document(article=article, text=article.text, doc=doc)
        for component in self.components:
            component(document)
        return document.to_record()

    def parse_many(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[tuple[Article, "Doc"]]:
        """Each article with its parse, in input order; short texts go through ``nlp.pipe``
        in batches, long ones are parsed in pieces (see ``nlp.parse``)."""
        short: list[Article] = []
        limit = min(nlp_layer.CHUNK_CHARS, self.nlp.max_length)
        for article in articles:
            if len(article.text) > limit:
                yield from self._parse_batch(short, batch_size)
                short = []
                yield article, nlp_layer.parse(self.nlp, article.text)
            else:
                short.append(article)
                if len(short) >= batch_size:
                    yield from self._parse_batch(short, batch_size)
                    short = []
        yield from self._parse_batch(short, batch_size)

    def _parse_batch(self, articles: list[Article], batch_size: int) -> Iterator[tuple[Article, "Doc"]]:
        pairs = ((a.text, a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            yield article, doc

    def run_many(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[Record]:
        """Analyse many articles, parsing them in batches with ``nlp.pipe``."""
        for article, doc in self.parse_many(articles, batch_size):
            yield self.run(article, doc)


_DEFAULT: dict[tuple, Pipeline] = {}


def default_pipeline(layers: Iterable[str] | None = None, model: str | None = None) -> Pipeline:
    """A cached pipeline per (layers, model) for library calls."""
    key = (tuple(sorted(layers)) if layers is not None else None, nlp_layer.model_name(model))
    if key not in _DEFAULT:
        _DEFAULT[key] = Pipeline(layers, model)
    return _DEFAULT[key]
