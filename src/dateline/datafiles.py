"""What every data file of the package shares: its ``# example: INPUT => EXPECTED`` lines.

Each layer's word lists open with a header that states their format and gives example
lines, which the tests run.  This is the one parser of those lines for the files whose
examples have a single expected value.
"""

from __future__ import annotations


def example_pairs(text: str) -> list[tuple[str, str]]:
    """The (input, expected) pairs of the ``# example: INPUT => EXPECTED`` lines of ``text``."""
    out = []
    for line in text.splitlines():
        body = line.lstrip("# ").strip()
        if line.startswith("#") and body.lower().startswith("example:") and "=>" in body:
            given, _, expected = body[len("example:"):].partition("=>")
            out.append((given.strip(), expected.strip()))
    return out
