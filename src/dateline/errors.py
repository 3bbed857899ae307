"""Errors a user can cause: one clear line naming the input and the problem."""

from __future__ import annotations


class InputError(Exception):
    """A problem with one input (file, JSON line, option value).

    ``str(err)`` is the single line shown to the user: ``<input>: <problem>``.
    """

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class UsageError(Exception):
    """A bad command line (exit status 2)."""
