"""Shared fixtures: the example article, the development data and its skip rule.

Tests that read ``../shared/data`` skip when it is absent (a user's clone) unless
``DATELINE_REQUIRE_DATA=1`` (set by ``.ci/run``), which turns the skip into a failure.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEED = EXAMPLES / "000_e064e57b220f2e4f.txt"
SEED_GOLD = EXAMPLES / "000_e064e57b220f2e4f.gold.json"
SHARED_DATA = Path(os.environ.get("DATELINE_DATA", ROOT.parent / "shared" / "data"))


def require_data(*parts: str) -> Path:
    """The path of development data below ../shared/data, or skip (fail in CI) if absent."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        reason = f"development data not found: {path} (../shared/data is beside the clone only in CI)"
        if os.environ.get("DATELINE_REQUIRE_DATA") == "1":
            pytest.fail(reason + "; DATELINE_REQUIRE_DATA=1 makes it mandatory")
        pytest.skip(reason)
    return path


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    import json

    return json.loads(SEED_GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_record():
    """The seed article analysed by the full pipeline (once per session)."""
    from dateline.pipeline import Pipeline
    from dateline.sources import ReadOptions, read_file

    (article,) = list(read_file(SEED, ReadOptions()))
    return Pipeline().run(article)
