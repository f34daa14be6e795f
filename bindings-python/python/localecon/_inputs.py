"""Inputs given as Python data (options, surveys, scenarios, designs, specs), made plain for the
core's one reader (``convert::from_py`` in the native module, serde reading the objects)."""

from __future__ import annotations

import json
from typing import Any

import numpy as np


def _plain(data: Any) -> Any:
    """`data` as plain Python data (dicts with string keys, lists, strings, numbers, booleans,
    None) for the core's one reader: numpy scalars and arrays become their numbers and lists,
    tuples lists, and a dict's keys strings as JSON has them. A NaN stays a NaN, for the core's
    check to name. A pandas object is refused with a hint, as its labels would be dropped
    without a word; so is any other object, and a circular reference."""
    open_: set[int] = set()

    def key(k: Any) -> str:
        if isinstance(k, str):
            return k
        if isinstance(k, np.generic):
            k = k.item()
        if k is None or isinstance(k, (bool, int, float)):
            return json.dumps(k)
        raise TypeError(f"a key {k!r} of type {type(k).__qualname__} is not data")

    def walk(v: Any) -> Any:
        if v is None or isinstance(v, (bool, int, float, str)):
            return v
        if isinstance(v, (np.generic, np.ndarray)):
            return v.tolist()
        if isinstance(v, (dict, list, tuple)):
            if id(v) in open_:
                raise ValueError("Circular reference detected")
            open_.add(id(v))
            try:
                if isinstance(v, dict):
                    return {key(k): walk(x) for k, x in v.items()}
                return [walk(x) for x in v]
            finally:
                open_.discard(id(v))
        kind = type(v)
        hint = ""
        if kind.__module__.startswith("pandas"):
            hint = " (a pandas object: give .to_dict() or .tolist(), whichever the input means)"
        raise TypeError(f"{kind.__module__}.{kind.__qualname__} is not data{hint}")

    return walk(data)
