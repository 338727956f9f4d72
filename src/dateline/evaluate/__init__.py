"""Scoring Dateline's output against gold annotations (EVALUATION.md).

One module per measure: :mod:`.articles` for extracted article metadata.
Each returns a frozen report with ``to_dict()`` and ``table()``.
"""
