"""MkDocs hooks of the book.

rustdoc hides the lines of an example that start with ``# `` (the ``# Ok::<(), Error>(())``
that lets ``?`` work); the book shows the example as rustdoc does, so those lines are left
out of the rendered page (the test suite still compiles them).
"""

import re

_RUST = re.compile(r"(^```rust[^\n]*\n)(.*?)(^```)", re.DOTALL | re.MULTILINE)


def _hide(match: re.Match) -> str:
    lines = [line for line in match.group(2).split("\n") if not (line.startswith("# ") or line == "#")]
    return match.group(1) + "\n".join(lines) + match.group(3)


def on_page_markdown(markdown: str, **kwargs) -> str:
    return _RUST.sub(_hide, markdown)
