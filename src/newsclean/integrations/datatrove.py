"""A datatrove pipeline step that cleans each Document with newsclean.

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from newsclean.integrations.datatrove import NewsCleanStep

    LocalPipelineExecutor([JsonlReader("crawl/"), NewsCleanStep(), JsonlWriter("out/")]).run()

Each Document's text is cleaned as a crawl record (or, with html=True, extracted from the page
it holds, as WarcReader gives them); the Document leaves with the article text as its text and
newsclean's fields (verdict, title, publisher, language, quotes, removed, ...; ARROW_SCHEMA's
fields but id and text) in its metadata.  Documents whose verdict the `keep` policy does not
name are dropped (to `exclusion_writer` when one is given, with `filter_reason` = the
verdict).  Stats: `verdict_<verdict>` per document, `removed_<reason>` (spans) and
`removed_chars_<reason>` per removal reason, `forwarded`, `dropped`, `dropped_<verdict>`, and
`error` for a document that cannot be cleaned (kept as it was, error in metadata, unless
keep_errors=False).
"""

from __future__ import annotations

import contextlib
from collections.abc import Collection, Iterator
from typing import Any, Literal

from datatrove.data import Document, DocumentsPipeline
from datatrove.pipeline.base import PipelineStep
from datatrove.pipeline.writers.disk_base import DiskWriter

from ..model import VERDICTS, Record, Verdict
from ..pipeline import clean_record
from ..readers.jsonl import source_fields
from ..readers.options import check_text
from ..schema import to_row

ARTICLES: tuple[Verdict, ...] = ("article",)
# metadata keys datatrove's readers give that newsclean reads as the page's URL / site
_URL_KEYS = ("url", "warc_target_uri")


class NewsCleanStep(PipelineStep):
    """Clean each Document; see the module doc.

    keep: the verdicts whose documents go on (default: articles only); "all" keeps every one.
    html: the Document text is a web page (WarcReader, an HTML column), extracted first.
    enrich, repair_encoding, fast: as for newsclean.clean_text / clean_html."""

    name = "🧹 newsclean"
    type = "✂️ - FORMAT"

    def __init__(
        self,
        keep: Collection[Verdict] | Literal["all"] = ARTICLES,
        html: bool = False,
        enrich: bool = True,
        repair_encoding: bool = False,
        fast: bool = False,
        exclusion_writer: DiskWriter | None = None,
        keep_errors: bool = True,
    ) -> None:
        super().__init__()
        if isinstance(keep, str):
            if keep != "all":
                raise ValueError(f"keep: 'all' or a collection of verdicts, not {keep!r}")
            keep = VERDICTS
        unknown = sorted(set(keep) - set(VERDICTS))
        if unknown:
            raise ValueError(f"keep: unknown verdicts {unknown} (verdicts: {list(VERDICTS)})")
        self.keep = frozenset(keep)
        self.html = html
        self.enrich = enrich
        self.repair_encoding = repair_encoding
        self.fast = fast
        self.exclusion_writer = exclusion_writer
        self.keep_errors = keep_errors

    def clean_document(self, doc: Document) -> str | None:
        """Clean one Document in place; its verdict, or None when it cannot be cleaned (the
        reason in metadata["error"], the text left as it was)."""
        meta = doc.metadata
        rid = str(doc.id)
        url = next((meta[k] for k in _URL_KEYS if isinstance(meta.get(k), str)), None)
        if self.html:
            from ..extract import html_record

            rec = html_record(doc.text, id=rid, source=rid, url=url, fast=self.fast)
            if not isinstance(rec, Record):
                meta["error"] = rec.error
                return None
        else:
            problem = check_text(doc.text)
            if problem:
                meta["error"] = f"{rid}: {problem}"
                return None
            rec = Record(id=rid, text=doc.text, source=rid, meta=dict(source_fields(meta)))
        try:
            art = clean_record(rec, enrich=self.enrich, repair_encoding=self.repair_encoding)
        except Exception as e:  # a bug costs one document, not the run (as in `clean`)
            meta["error"] = f"{rid}: internal error while cleaning: {type(e).__name__}: {e}"
            return None
        row = to_row(art.to_dict())
        doc.text = row.pop("text")
        del row["id"]
        meta.update(row)
        for r in art.removed:
            self.stat_update(f"removed_{r.reason}")
            self.stat_update(f"removed_chars_{r.reason}", value=r.end - r.start)
        return art.verdict

    def run(
        self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1
    ) -> Iterator[Document]:
        if data is None:
            return
        writer_cm: Any = self.exclusion_writer or contextlib.nullcontext()
        with writer_cm as writer:
            for doc in data:
                self.stat_update("total")
                with self.track_time():
                    verdict = self.clean_document(doc)
                if verdict is None:
                    self.stat_update("error")
                    go_on = self.keep_errors
                else:
                    self.stat_update(f"verdict_{verdict}")
                    go_on = verdict in self.keep
                if go_on:
                    self.stat_update("forwarded")
                    self.update_doc_stats(doc)
                    yield doc
                else:
                    self.stat_update("dropped")
                    self.stat_update(f"dropped_{verdict or 'error'}")
                    if writer is not None:
                        doc.metadata["filter_reason"] = verdict or "error"
                        writer.write(doc, rank)
