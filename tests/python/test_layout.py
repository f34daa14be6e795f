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
