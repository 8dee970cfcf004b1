"""Enrichment of the cleaned article: quotations with speakers, language."""

from .. import native as _native

# the compiled quotes, speakers and language modules first, when the build is used
_native.extend(__path__, "enrich")
