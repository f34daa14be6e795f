"""Fails when a notebook in the given folder is stored with outputs or execution counts."""

import json
import sys
from pathlib import Path

folder = Path(sys.argv[1])
notebooks = sorted(folder.glob("*.ipynb"))
if not notebooks:
    sys.exit(f"no notebooks in {folder}")
for path in notebooks:
    for k, cell in enumerate(json.loads(path.read_text())["cells"]):
        if cell["cell_type"] == "code" and (cell.get("outputs") or cell.get("execution_count") is not None):
            sys.exit(f"{path}: cell {k} is stored with outputs; clear them before committing")
print(f"{len(notebooks)} notebooks stored without outputs")
