"""Pronoun co-reference shared by the attribution and events layers."""

from .pronouns import GENDERED_PRONOUNS, PronounResolver, pronoun_gender

__all__ = ["GENDERED_PRONOUNS", "PronounResolver", "pronoun_gender"]
