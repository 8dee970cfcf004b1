"""Enrichment of the cleaned article: quotations with speakers, language."""

from . import native as _native

# NEWSCLEAN_NATIVE=1 and a build of these sources (make native): the compiled quotes and
# speakers modules are imported instead of the .py files (see native.py).
NATIVE = _native.activate(__path__)
