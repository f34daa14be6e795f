"""The book's form, checked: every concept page shows a figure drawn by localecon.plot with
alt text, renders its formulas, and gives its examples in Rust, Python and JavaScript tabs;
every page with a Rust example is compiled by rustdoc (included in core/src/lib.rs)."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "src"


def concept_pages():
    nav = (ROOT / "docs" / "mkdocs.yml").read_text()
    block = nav.split("  - Concepts:\n", 1)[1].split("\n  - ", 1)[0]
    return re.findall(r":\s+([\w-]+\.md)", block)


def test_the_nav_lists_the_concept_pages():
    pages = concept_pages()
    assert "leakage.md" in pages and "clusters.md" in pages and len(pages) >= 15


@pytest.mark.parametrize("page", concept_pages())
def test_a_concept_page_has_a_figure_formulas_and_three_language_tabs(page):
    text = (DOCS / page).read_text()
    figures = re.findall(r"!\[([^\]]*)\]\(figures/([\w-]+)\.svg\)", text)
    assert figures, f"{page}: no figure"
    drawn = (ROOT / "docs" / "figures.py").read_text()
    for alt, name in figures:
        assert len(alt) > 60, f"{page}: the alt text of {name} does not say what it shows"
        assert f'"{name}"' in drawn, f"{page}: {name}.svg is not drawn by docs/figures.py"
    tabs = re.findall(r"^/// tab \| (\w+)", text, re.MULTILINE)
    for language in ("Rust", "Python", "JavaScript"):
        assert language in tabs, f"{page}: no {language} tab"
    # outside code blocks, no formula is left as a code span
    prose = re.sub(r"```.*?```", "", text, flags=re.DOTALL)
    spans = [s for s in re.findall(r"`([^`\n]+)`", prose) if re.search(r"[Σᵀ⁻¹]|\b[A-Za-z]_[a-z]{1,2}\b", s)]
    assert spans == [], f"{page}: formulas still in code spans: {spans}"


def test_every_page_with_rust_examples_is_compiled_by_rustdoc():
    lib = (ROOT / "core" / "src" / "lib.rs").read_text()
    included = set(re.findall(r'include_str!\("\.\./\.\./docs/src/([\w-]+\.md)"\)', lib))
    for page in sorted(DOCS.glob("*.md")):
        if re.search(r"^```rust\s*$", page.read_text(), re.MULTILINE):
            assert page.name in included, f"{page.name} has Rust examples that rustdoc never compiles"
