"""A learned model of line shape: article body or page furniture (issue 12).

features.py computes shallow, wording-free features of each line and its neighbours;
score.py loads the fitted two-stage model that ships with the package (`model.json.gz`,
fitted by `make model`, see train/) and scores a record's lines; furniture.py turns the scores
into removals for records that are whole pages.
"""

from .. import native as _native

# the compiled module first, when the build is used (newsclean/native.py)
_native.extend(__path__, "line_model")
