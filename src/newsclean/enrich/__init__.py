"""Enrichment of the cleaned article: quotations with speakers, language."""
