"""The binding test folders mirror the binding modules (issue 14): a newcomer finds a
module's tests by its name alone, and a module added without its tests fails here."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# modules that only convert or register: no capability of their own to test
PLUMBING = {"lib", "convert", "results", "case"}


def modules(src: Path) -> set[str]:
    return {p.stem for p in src.iterdir() if (p.suffix == ".rs" or p.is_dir()) and p.stem not in PLUMBING}


def test_every_python_binding_module_has_its_test_file():
    tests = {p.name for p in (ROOT / "bindings-python" / "tests").glob("test_*.py")}
    missing = sorted(m for m in modules(ROOT / "bindings-python" / "src") if f"test_{m}.py" not in tests)
    assert missing == [], f"bindings-python/tests lacks test_<module>.py for {missing}"


def test_every_javascript_binding_module_has_its_test_file():
    tests = {p.name for p in (ROOT / "bindings-wasm" / "tests").glob("*.test.js")}
    missing = sorted(m for m in modules(ROOT / "bindings-wasm" / "src") if f"{m}.test.js" not in tests)
    assert missing == [], f"bindings-wasm/tests lacks <module>.test.js for {missing}"


def test_no_binding_file_is_over_400_lines():
    """Issue 14: a binding file stays short enough to read whole; a longer one is split by
    what it does (as `case/place.rs` was split from `case/de.rs`)."""
    long = sorted(
        f"{p.relative_to(ROOT)}: {n} lines"
        for crate in ("bindings-python", "bindings-wasm")
        for p in (ROOT / crate / "src").rglob("*.rs")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400
    )
    assert long == [], long


def test_every_core_source_file_is_compiled():
    """A file no `mod` names is never compiled, and its tests never run: the flow systems'
    `circularity/tests.rs` sat so from one stop to a later one."""
    import re

    src = ROOT / "core" / "src"
    orphans = []
    for p in src.rglob("*.rs"):
        if p.name in ("lib.rs", "mod.rs"):
            continue
        parent = p.parent / "mod.rs" if p.parent != src else src / "lib.rs"
        if not parent.exists():
            parent = p.parent.with_suffix(".rs")
        text = parent.read_text(encoding="utf-8") if parent.exists() else ""
        if not re.search(rf"\bmod\s+{re.escape(p.stem)}\s*;", text):
            orphans.append(str(p.relative_to(ROOT)))
    assert orphans == [], orphans


def test_no_javascript_argument_goes_through_a_coercing_conversion():
    """wasm-bindgen's own conversions of these Rust types coerce a wrong value silently
    (`null` to 0, −2 to 4,294,967,294, "false" to true) or throw an untyped Error: a
    JavaScript argument of one is read as a `JsValue` by `convert.rs` instead (see
    contributing.md). Kept: `Option<String>` (the build's string check names a non-string).
    A `u64` or `i64` is a `bigint` whose wrong value throws an untyped error."""
    import re

    coercing = re.compile(r"^(&\[(f64|u32)\]|Vec<[^>]+>|usize|u32|u64|i32|i64|f64|bool|Option<(f64|usize|u32|u64|bool|Vec<[^>]+>)>)$")
    found = []
    for path in sorted((ROOT / "bindings-wasm" / "src").rglob("*.rs")):
        text = path.read_text(encoding="utf-8")
        for m in re.finditer(r"pub fn (\w+)(<[^>]*>)?\(", text):
            depth, end = 1, m.end()
            while depth:
                depth += {"(": 1, ")": -1}.get(text[end], 0)
                end += 1
            params = re.sub(r"#\[[^\]]*\]", "", text[m.end() : end - 1])
            for param in re.split(r",(?![^<]*>)", params):
                name, _, kind = param.partition(":")
                if coercing.match(kind.strip()):
                    found.append(f"{path.relative_to(ROOT)}: {m.group(1)}({name.strip()}: {kind.strip()})")
    assert found == [], "\n".join(found)
