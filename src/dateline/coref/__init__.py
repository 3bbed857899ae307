"""Pronoun co-reference shared by the attribution and events layers."""

from .pronouns import (GENDERED_PRONOUNS, GROUP_JOIN, Candidate, PronounResolver, compatible, pronoun_gender,
                       pronoun_want)

__all__ = ["GENDERED_PRONOUNS", "GROUP_JOIN", "Candidate", "PronounResolver", "compatible", "pronoun_gender",
           "pronoun_want"]
