"""Inputs given as Python data (options, surveys, scenarios, designs, specs), turned into the
JSON text the core reads with its one reader (``convert::from_py`` in the native module)."""

from __future__ import annotations

import json
from typing import Any

import numpy as np


def _json_default(value: Any) -> Any:
    """JSON's view of a numpy value: a scalar's number, an array's nested lists. Anything else
    is refused; a pandas object with a hint, as its labels would be dropped without a word."""
    if isinstance(value, (np.generic, np.ndarray)):
        return value.tolist()
    kind = type(value)
    hint = ""
    if kind.__module__.startswith("pandas"):
        hint = " (a pandas object: give .to_dict() or .tolist(), whichever the input means)"
    raise TypeError(f"{kind.__module__}.{kind.__qualname__} is not JSON data{hint}")


def _json_text(data: Any) -> str:
    """The JSON text of `data`. A NaN or an infinite number is a ValueError that says so; any
    other error of the encoder (a circular reference) keeps its own message."""
    try:
        return json.dumps(data, default=_json_default, allow_nan=False)
    except ValueError as e:
        if "Out of range float" in str(e):
            raise ValueError(f"{e}: a NaN or infinite number is not data") from None
        raise
