"""Detectors, one module per family of defect.

Each is a pure function of a line (banners, boilerplate) or of the record's read-only line view
(repeats, datelines) that labels what it finds; none edits or drops text.  What a label means
for a line -- removed or kept, and why -- is decided once, in `newsclean.resolve`.
"""

from .. import native as _native

# the compiled detectors first, when the build is used (newsclean/native.py)
_native.extend(__path__, "detect")
