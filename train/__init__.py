"""Training and evaluation data for newsclean's learned line model (`make model`).

Needs the development sets in ../shared/eval and the `train` extra (converters and learner);
nothing here is imported by the package at run time.
"""
