"""Views of records for people (the ``text`` output format)."""
