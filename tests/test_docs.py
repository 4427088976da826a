"""The docs stay true to the code: every unit of the table is documented, no link leaves the repository."""
from __future__ import annotations

import re

from claimcheck import lexicon

from .conftest import ROOT

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def test_every_unit_symbol_is_in_the_values_reference():
    text = (ROOT / "docs" / "values.md").read_text(encoding="utf-8")
    missing = [row[4] for row in lexicon.UNIT_ROWS if row[4] not in text]
    assert not missing, f"document these units in docs/values.md: {missing}"


def test_no_doc_points_outside_the_repository():
    for path in DOCS:
        text = path.read_text(encoding="utf-8")
        assert "../shared" not in text, path
        for target in re.findall(r"\]\(([^)#]+)", text):
            if re.match(r"[a-z]+:", target):
                continue  # a URL
            resolved = (path.parent / target).resolve()
            assert resolved.is_relative_to(ROOT) and resolved.exists(), f"{path.name}: broken link {target}"


def test_the_format_reference_is_generated_from_the_code():
    import os

    from claimcheck.reference import render_reference
    path = ROOT / "docs" / "reference.md"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(render_reference(), encoding="utf-8")
    assert path.read_text(encoding="utf-8") == render_reference(), "run UPDATE_GOLDEN=1 pytest tests/test_docs.py"


def test_the_readme_code_table_is_the_registry():
    from claimcheck.reference import codes_table
    assert codes_table() in (ROOT / "README.md").read_text(encoding="utf-8")
