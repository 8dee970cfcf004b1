"""Detectors: each looks at a read-only TextView and returns spans; none edits text."""
