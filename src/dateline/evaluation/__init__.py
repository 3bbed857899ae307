"""Evaluation against TimeML gold data: the ``.tml`` reader and the TempEval-3 scorer."""

from .tempeval import DocumentCounts, TimexScores, count_document, score_corpus, score_document
from .timeml import Dct, TimemlDocument, TimemlEvent, find_tml, parse_tml, read_corpus, read_tml

__all__ = [
    "Dct", "DocumentCounts", "TimemlDocument", "TimemlEvent", "TimexScores", "count_document",
    "find_tml", "parse_tml", "read_corpus", "read_tml", "score_corpus", "score_document",
]
