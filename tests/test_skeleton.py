"""The seed reads through the CLI into a valid record (end to end)."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import SEED


def test_seed_header_and_body(tmp_path):
    out = tmp_path / "seed.json"
    proc = subprocess.run([sys.executable, "-m", "dateline", "extract", str(SEED), "--out", str(out)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["schema"] == "dateline/1"
    assert record["article"]["id"] == "000_e064e57b220f2e4f"
    assert record["article"]["published"] == "2023-08-10"
    assert record["article"]["published_from"] == "header"
    assert record["text"].startswith("The US State Department, in a meeting on March 7 last year")
