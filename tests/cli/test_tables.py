"""Aligned tables: one row per line, whatever the cells hold."""

from dateline.cli.tables import aligned_table, cut


def test_tables_control_characters_in_a_cell_are_escaped():
    rows = [
        ("2024-03-03", "kenya\nsomalia.txt", "Talks\tresume"),
        ("2024-03-04", "red\x1b[31m.txt", "Line\u2028separator"),
        ("2024-03-05", "süd.txt", "Überfall in Köln"),
    ]
    table = aligned_table(("published", "file", "title"), rows, "article")
    lines = table.splitlines()
    assert len(lines) == 2 + len(rows) + 1
    assert lines[2] == "2024-03-03  kenya\\nsomalia.txt  Talks\\tresume"
    assert "red\\x1b[31m.txt" in lines[3] and "Line\\u2028separator" in lines[3]
    assert lines[4] == "2024-03-05  süd.txt             Überfall in Köln"
    assert "\x1b" not in table and lines[-1] == "3 articles"


def test_tables_cut_keeps_the_end_of_a_file_name():
    assert cut("a-very-long-file-name.txt", 10, keep_end=True) == "…-name.txt"
