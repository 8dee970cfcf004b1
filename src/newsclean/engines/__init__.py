"""Engines: what runs the stages of a `clean` run.

The local engine is the default and is not an object: clean_run.clean_stream (worker
processes on this machine) and corpus.run.local_map.  Another engine has

- `clean(items, options) -> iterator of (input record, result)`, in input order, the same
  pairs clean_stream gives, and
- `map(fn, xs, const) -> iterator of (x, fn(x, const))`, in order: the map stages of the
  corpus passes (corpus.run.corpus_stream's `mapper`),

so the output is the same bytes whatever runs it (engines/ray_engine.py: a Ray cluster).
"""

from __future__ import annotations


class EngineError(RuntimeError):
    """An engine that cannot be used (not installed, cluster not reachable)."""


def open_engine(name: str, address: str | None = None) -> object | None:
    """The engine called `name` ("local": None, the default path), ready to use."""
    if name == "local":
        return None
    if name == "ray":
        from .ray_engine import RayEngine

        return RayEngine(address=address)
    raise EngineError(f"unknown engine {name!r} (local or ray)")


__all__ = ["EngineError", "open_engine"]
