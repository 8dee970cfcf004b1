"""The `newsclean` command line: a thin layer over importable functions.

Subcommands live in COMMANDS (name, help, add-arguments, run); to add one (e.g. `boilerplate
learn`), write its `configure(parser)` and `run(args) -> exit code` and append a Command.

Exit codes: 0 success (also when some records were set aside), 1 failure (the run could not be
done: an output, store or model that cannot be used, a full disk, an unexpected error; or
`restore` met lines it could not restore), 2 usage error (bad option, missing input path, an
output path that is an input or another output), 3 nothing readable (no input record could be
read: no input, or all of it set aside).  Every error is one line on stderr, and whatever
newsclean prints for a person shows control characters as escapes (terminal.py).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from . import __version__, fastjson
from .apply import restore
from .clean_run import CleanOptions, RunSummary, clean_stream, run_clean
from .corpus.run import (
    ModelError,
    add_corpus_arguments,
    configure_boilerplate,
    corpus_options,
    run_boilerplate,
    run_corpus_clean,
)
from .corpus.store import StoreError
from .engines import EngineError, open_engine
from .outputs import (
    OUTPUT,
    STATS,
    Output,
    OutputError,
    PathProblem,
    check_outputs,
    describe_os_error,
)
from .outputs import staged as staged_file
from .progress import count_in_background, make_progress
from .readers import ReadOptions, read_inputs
from .readers.locate import expand_inputs, is_url, url_problem

if TYPE_CHECKING:  # rich loads late (at first use), for a quick start
    from rich.console import Console

    from .model import Article, BadRecord, Record
from .readers.jsonl import iter_capped_lines
from .readers.options import DEFAULT_MAX_RECORD_BYTES
from .readers.sources import DECOMPRESSION_ERRORS, InputSource
from .shards import (
    DEFAULT_SHARD_RECORDS,
    FORMATS,
    ShardError,
    ShardOptions,
    is_directory_output,
    run_sharded,
)
from .stats import RunStats
from .supervised import WorkerError
from .terminal import one_line

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_NOTHING_READABLE = 3


@dataclass(frozen=True, slots=True)
class Command:
    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


# ---------------------------------------------------------------- shared options


def parse_size(value: str) -> int:
    """'8M', '50MB', '1GiB', '65536' -> bytes (K/M/G are powers of 1024)."""
    m = re.fullmatch(r"\s*(\d+)\s*([kmgt]?)(i?b)?\s*", value.lower())
    if not m or int(m.group(1)) <= 0:
        raise argparse.ArgumentTypeError(f"not a size in bytes: {value!r} (e.g. 8M, 500K, 65536)")
    power = " kmgt".index(m.group(2) or " ")
    return int(m.group(1)) * 1024**power


def _add_read_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("input")
    g.add_argument(
        "--text-field",
        default="text",
        metavar="F",
        help="JSONL field with the record text (default: text)",
    )
    g.add_argument(
        "--id-field",
        default="id",
        metavar="F",
        help="JSONL field with the record id (default: id; absent: FILE:LINE)",
    )
    g.add_argument(
        "--max-record-bytes",
        type=parse_size,
        default=DEFAULT_MAX_RECORD_BYTES,
        metavar="N",
        help="set aside records larger than this (default: 8M; K/M/G suffixes)",
    )
    g.add_argument(
        "--html-field",
        default=None,
        metavar="F",
        help="JSONL/Parquet field holding page HTML: extract the main text from it",
    )
    g.add_argument(
        "--fast",
        action="store_true",
        help="HTML/WARC input: extract with resiliparse alone (about 8x faster per page, a "
        "few points less exact; BENCHMARKS.md)",
    )


OUTPUT_SUFFIXES = (".jsonl", ".ndjson", ".json", ".jsonl.gz", ".ndjson.gz", ".json.gz",
                   ".parquet", ".pq")


def output_suffix_problem(path: str | None) -> str | None:
    """Why clean cannot write this -o path (an unknown suffix), or None."""
    if not path or path == "-" or path.lower().endswith(OUTPUT_SUFFIXES):
        return None
    if is_directory_output(path):
        return None  # a folder of shards (check_outputs says whether it can be one)
    return (f"-o {path}: unknown output suffix; use .jsonl, .jsonl.gz (gzip) or .parquet "
            "(or - / no -o for JSONL on stdout)")


def _inputs_problem(cmd: str, args: argparse.Namespace) -> int | None:
    """Expand quoted globs in args.inputs, then check they exist and that the read options
    can read them: an exit code and one line on stderr when not."""
    from .readers.probe import field_problem

    args.inputs = expand_inputs(args.inputs)
    missing = _missing_inputs(args.inputs)
    if missing:
        return _usage_error(cmd, f"no such file or directory: {', '.join(missing)}")
    why = field_problem(args.inputs, _read_options(args))
    if why:
        return _usage_error(cmd, why)
    return None


def _read_options(args: argparse.Namespace) -> ReadOptions:
    return ReadOptions(
        args.text_field, args.id_field, args.max_record_bytes, args.html_field, args.fast
    )


def _missing_inputs(paths: list[str]) -> list[str]:
    """The inputs that cannot be opened, each with why."""
    out = []
    for p in paths:
        if is_url(p):
            problem = url_problem(p)
            if problem:
                out.append(f"{p} ({problem})")
            continue
        if p == "-" or Path(p).exists():
            continue
        if os.path.islink(p):
            try:
                os.stat(p)
                why = "cannot be read"
            except OSError as e:
                why = "a symlink loop" if e.errno == 40 else "a dangling symlink"
            out.append(f"{p} ({why})")
        else:
            out.append(p)
    return out


def say(message: str) -> None:
    """One line on stderr, its control characters made visible."""
    print(one_line(message), file=sys.stderr)


def _usage_error(cmd: str, message: str) -> int:
    say(f"newsclean {cmd}: error: {message}")
    return EXIT_USAGE


def _failure(cmd: str, message: str) -> int:
    say(f"newsclean {cmd}: error: {message}")
    return EXIT_FAILED


def _record_timeout(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not seconds >= 0 or seconds == float("inf"):
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r} (0: no limit)")
    return seconds


# ---------------------------------------------------------------- clean


def _configure_clean(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="a .txt record, .jsonl/.ndjson (also .gz/.zst) of records, an .html page, a "
        ".warc[.gz] crawl, a .parquet table, a directory of them, a quoted glob "
        "('crawl/*.jsonl'), or - for stdin",
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="OUT.jsonl (JSON lines), OUT.jsonl.gz (gzipped) or OUT.parquet (one row per "
        "record); a folder (or a path without a suffix): a folder of shards, see below; "
        "other suffixes are refused; default: JSONL on stdout",
    )
    p.add_argument(
        "--set-aside",
        metavar="PATH",
        help="where unreadable records go (default: OUT's name + .setaside.jsonl; with "
        "-o DIR, a folder of one file per shard, default DIR/setaside)",
    )
    p.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="worker processes (default: 1; output is the same)",
    )
    p.add_argument(
        "--no-enrich",
        action="store_true",
        help="skip language and quotation detection (language null, quotes empty)",
    )
    p.add_argument(
        "--repair-encoding",
        action="store_true",
        help="fix mojibake (text decoded with the wrong charset) in kept lines; each fix is "
        "listed in 'repaired' and undone by restore",
    )
    _add_verbosity(p, "no progress bar and no summary line")
    p.add_argument(
        "--record-timeout",
        type=_record_timeout,
        default=None,
        metavar="S",
        help="set aside a record whose cleaning takes longer than S seconds, and go on "
        "(default: 20 s + 10 s per MB of the record; 0: no limit)",
    )
    p.add_argument(
        "--stats",
        metavar="PATH",
        help="write a JSON summary of the run here: counts by verdict, removal reason and "
        "rule, characters removed, languages, sources, cluster sizes, throughput",
    )
    p.add_argument(
        "--progress-every",
        type=float,
        default=10.0,
        metavar="S",
        help="when stderr is not a terminal: a progress line every S seconds (default: 10)",
    )
    p.add_argument(
        "--engine",
        choices=["local", "ray"],
        default="local",
        help="what runs the cleaning and the corpus stages: this machine (default; "
        "--workers processes) or a Ray cluster (pip install 'newsclean[ray]'); the "
        "output is the same",
    )
    p.add_argument(
        "--address",
        metavar="ADDR",
        help="with --engine ray: the cluster to join (auto, HOST:6379, ray://HOST:10001; "
        "default: $RAY_ADDRESS, else a new local Ray instance)",
    )
    g = p.add_argument_group(
        "sharded output (-o DIR: a folder, or a path without a file suffix)"
    )
    g.add_argument(
        "--format",
        choices=sorted(FORMATS),
        default="jsonl",
        help="the shards' format (default: jsonl)",
    )
    g.add_argument(
        "--shard-records",
        type=int,
        default=DEFAULT_SHARD_RECORDS,
        metavar="N",
        help=f"input records per shard (default: {DEFAULT_SHARD_RECORDS})",
    )
    g.add_argument(
        "--shard-per-file", action="store_true", help="one shard per input file instead"
    )
    g.add_argument(
        "--resume",
        action="store_true",
        help="go on with a run into DIR that was stopped: finished shards are skipped",
    )
    _add_read_options(p)
    add_corpus_arguments(p)


def _add_verbosity(p: argparse.ArgumentParser, quiet_help: str) -> None:
    g = p.add_mutually_exclusive_group()
    g.add_argument("-q", "--quiet", action="store_true", help=quiet_help)
    g.add_argument(
        "-v", "--verbose", action="store_true",
        help="also say which inputs and options are used, and the time taken",
    )


def _run_clean(args: argparse.Namespace) -> int:
    problem = _inputs_problem("clean", args)
    if problem is not None:
        return problem
    why = output_suffix_problem(args.output)
    if why:
        return _usage_error("clean", why)
    if args.workers < 1:
        return _usage_error("clean", "--workers must be at least 1")
    options = CleanOptions(
        read=_read_options(args),
        workers=args.workers,
        set_aside=args.set_aside,
        enrich=not args.no_enrich,
        repair_encoding=args.repair_encoding,
        record_timeout=args.record_timeout,
        exclude=[args.stats] if args.stats else [],
    )
    corpus = corpus_options(args)
    sharded = is_directory_output(args.output)
    if not sharded:
        given = [f for f, v in (("--resume", args.resume), ("--shard-per-file",
                                args.shard_per_file), ("--format", args.format != "jsonl"),
                                ("--shard-records", args.shard_records
                                 != DEFAULT_SHARD_RECORDS)) if v]
        if given:
            return _usage_error("clean", f"{', '.join(given)} need -o DIR (a folder of "
                                         "shards: a path without a file suffix)")
    if args.shard_records < 1:
        return _usage_error("clean", "--shard-records must be at least 1")
    if args.address and args.engine != "ray":
        return _usage_error("clean", "--address needs --engine ray")
    if args.stats:
        try:
            check_outputs(args.inputs, [Output(args.stats, "--stats", STATS),
                                        *([Output(args.output, "-o", OUTPUT)]
                                          if args.output and not sharded else [])])
        except PathProblem as e:
            return _usage_error("clean", str(e))
    stats = RunStats() if args.stats else None
    progress = make_progress(not args.quiet, sys.stderr.isatty(), args.progress_every)
    if not args.quiet:
        exclude = [p for p in (args.output, args.set_aside, args.stats) if p and p != "-"]
        count_in_background(args.inputs, options.read, exclude, progress.set_total)
    corpus_summary = None
    engine = None
    if args.verbose:
        say(f"newsclean clean: inputs {', '.join(args.inputs)}; output {args.output or 'stdout'}; "
            f"{args.workers} worker(s); text field {args.text_field!r}"
            + (f", HTML field {args.html_field!r}" if args.html_field else "")
            + ("; corpus passes: " + ", ".join(
                k for k, on in (("dedup", corpus.dedup), ("learn boilerplate",
                                corpus.learn_boilerplate), ("store", bool(corpus.store))) if on)
               if corpus is not None else "; no corpus passes"))
    started = time.monotonic()
    try:
        try:
            engine = open_engine(args.engine, args.address)
            if sharded:
                summary, corpus_summary = run_sharded(
                    args.inputs, args.output, options,
                    ShardOptions(args.format, args.shard_records, args.shard_per_file,
                                 args.resume),
                    corpus, progress=progress, stats=stats, engine=engine,
                )
            elif corpus is None:
                summary = run_clean(args.inputs, args.output, options, progress=progress,
                                    stats=stats, engine=engine)
            else:
                summary, corpus_summary = run_corpus_clean(
                    args.inputs, args.output, options, corpus, progress=progress,
                    stats=stats, engine=engine,
                )
        finally:
            progress.close()
            if engine is not None:
                engine.close()  # type: ignore[attr-defined]
        if stats is not None:
            _write_stats(args.stats, stats, summary, corpus_summary, sharded,
                         time.monotonic() - started, args.engine)
    except EngineError as e:
        return _failure("clean", str(e))
    except BrokenPipeError:
        raise  # handled by main: stdout closed early is not an error
    except (PathProblem, ShardError) as e:
        return _usage_error("clean", str(e))
    except (StoreError, ModelError, OutputError, WorkerError) as e:
        return _failure("clean", str(e))
    except OSError as e:
        return _failure("clean", describe_os_error(e))
    if not args.quiet:
        for f in summary.skipped_files:
            say(f"newsclean: skipped {f}: not a known input format")
        for f, why in summary.unreadable:
            say(f"newsclean: skipped {f}: {why}")
        if corpus_summary is not None:
            say(corpus_summary.line())
        if args.verbose:
            took = time.monotonic() - started
            say(f"newsclean clean: {took:.1f} s, {summary.read / max(took, 1e-9):.1f} records/s")
        say(summary.line())  # the closing line: read, written, set aside
    if summary.read == summary.set_aside:  # nothing could be read as a record
        why = f" (the first set aside: {summary.first_error})" if summary.first_error else ""
        say(f"newsclean clean: nothing readable in the input{why}")
        return EXIT_NOTHING_READABLE
    return EXIT_OK


def _write_stats(path: str, stats: RunStats, summary: RunSummary, corpus: object,
                 sharded: bool, seconds: float, engine: str) -> None:
    """The --stats document, put in place whole."""
    from .shards import CLEANED, write_json

    if sharded:
        cleaned, chars = CLEANED.records, CLEANED.chars
    else:
        cleaned, chars = summary.read, stats.chars_read
    extra: dict[str, object] = {"engine": engine}
    if corpus is not None:
        extra["corpus"] = {k: getattr(corpus, k) for k in (
            "clusters", "duplicates", "learned_sources", "learned_lines")}
    write_json(path, stats.document(seconds, cleaned, chars, extra))


# ---------------------------------------------------------------- restore


def restore_records(stream: BinaryIO, name: str, errors: list[str]) -> Iterator[dict]:
    """{"id", "record"} for each line of cleaned JSONL; problems go to `errors`, not raised."""
    for line_no, raw, _size in iter_capped_lines(stream, 1 << 40):
        if not raw.strip():
            continue
        where = f"{name}:{line_no}"
        try:
            obj = fastjson.loads(raw)
            text, removed = obj["text"], obj["removed"]
            if not isinstance(text, str) or not isinstance(removed, list):
                raise TypeError("'text' must be a string and 'removed' a list")
            repaired = obj.get("repaired") or []
            yield {"id": obj.get("id"), "record": restore(text, removed, repaired)}
        except RecursionError:
            errors.append(f"{where}: cannot restore: JSON nested too deeply")
        except (ValueError, KeyError, TypeError, AttributeError, IndexError) as e:
            errors.append(f"{where}: cannot restore: {type(e).__name__}: {e}")


def _configure_restore(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "cleaned",
        metavar="CLEANED",
        help="newsclean clean's output: .jsonl, .jsonl.gz, .parquet, or - for stdin (JSONL)",
    )
    p.add_argument("-o", "--output", metavar="OUT", help="default: stdout")


def _run_restore(args: argparse.Namespace) -> int:
    missing = _missing_inputs([args.cleaned])
    if missing:
        return _usage_error("restore", f"no such file: {missing[0]}")
    to_file = bool(args.output) and args.output != "-"
    try:
        if to_file:
            check_outputs([args.cleaned], [Output(args.output, "-o", OUTPUT)])
    except PathProblem as e:
        return _usage_error("restore", str(e))
    src = InputSource.stdin() if args.cleaned == "-" else InputSource.file(args.cleaned)
    errors: list[str] = []
    try:
        if to_file:
            with staged_file(args.output) as target, open(target.path, "wb") as out:
                _restore_into(src, out, errors, args.output)
        else:
            _restore_into(src, sys.stdout.buffer, errors, "stdout")
            sys.stdout.buffer.flush()
    except BrokenPipeError:
        raise  # the reader of our stdout went away: handled in main()
    except OutputError as e:
        return _failure("restore", str(e))
    except OSError as e:
        return _failure("restore", f"cannot write {args.output or 'stdout'}: "
                                   f"{describe_os_error(e)}")
    for err in errors:
        say(f"newsclean restore: {err}")
    return EXIT_FAILED if errors else EXIT_OK


def _restore_into(src: InputSource, out: BinaryIO, errors: list[str], out_name: str) -> None:
    """Restored records of `src` into `out`; input problems go to `errors`, an output that
    cannot be written raises OutputError."""
    if src.path is not None and _is_parquet(src.path):
        _restore_parquet(src.path, out, errors, out_name)
        return
    try:
        stream = src.open()
    except DECOMPRESSION_ERRORS as e:
        errors.append(f"{src.name}: cannot read: {e}")
        return
    with stream:
        records = restore_records(stream, src.name, errors)
        while True:
            try:
                obj = next(records)
            except StopIteration:
                return
            except DECOMPRESSION_ERRORS as e:
                errors.append(f"{src.name}: cannot read further: {e}")
                return
            try:
                out.write(fastjson.dumps(obj) + b"\n")
            except BrokenPipeError:
                raise
            except OSError as e:
                raise OutputError(f"cannot write {out_name}: {describe_os_error(e)}") from e


def _is_parquet(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(4) == b"PAR1"
    except OSError:
        return False


def _restore_parquet(path: Path, out: BinaryIO, errors: list[str], out_name: str) -> None:
    """restore for a Parquet output: each row's record rebuilt, in row order."""
    from .runs import iter_file

    problems: list[str] = []
    for row, obj in enumerate(iter_file(path, problems), 1):
        try:
            record = restore(obj["text"], obj["removed"], obj.get("repaired") or [])
        except (ValueError, KeyError, TypeError, AttributeError, IndexError) as e:
            errors.append(f"{path}:row {row}: cannot restore: {type(e).__name__}: {e}")
            continue
        try:
            out.write(fastjson.dumps({"id": obj.get("id"), "record": record}) + b"\n")
        except BrokenPipeError:
            raise
        except OSError as e:
            raise OutputError(f"cannot write {out_name}: {describe_os_error(e)}") from e
    errors.extend(problems)


# ---------------------------------------------------------------- show


def _configure_show(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="clean's output (JSONL or Parquet, or a folder of shards): shown as cleaned; or "
        "inputs as for clean: cleaned now and shown",
    )
    p.add_argument("--plain", action="store_true", help="no colour: removals as [-reason: text-]")
    p.add_argument("--limit", type=int, default=None, metavar="N", help="show at most N records")
    p.add_argument("--verdict", action="append", metavar="V",
                   help="only records with this verdict (repeatable)")
    p.add_argument("--reason", action="append", metavar="R",
                   help="only records with a removal of this reason (repeatable)")
    p.add_argument("--id", action="append", metavar="ID", dest="ids",
                   help="only the record with this id; * and ? match any text (repeatable)")
    p.add_argument("--no-pager", action="store_true",
                   help="on a terminal, print instead of paging through $PAGER (default less -R)")
    _add_read_options(p)


def _run_show(args: argparse.Namespace) -> int:
    from .runs import RunError, is_run
    from .show import paged, pairs_from_run, select_pairs, show

    args.inputs = expand_inputs(args.inputs)
    run_mode = all(p != "-" and is_run(p) for p in args.inputs)
    problem = None if run_mode else _inputs_problem("show", args)
    if problem is not None:
        return problem
    unreadable: list[tuple[str, str]] = []
    problems: list[str] = []

    def skipped(path: str, why: str) -> None:
        unreadable.append((path, why))

    pairs: Iterator[tuple[Record | BadRecord, Article | BadRecord]]
    if run_mode:
        pairs = pairs_from_run(args.inputs, problems)
    else:
        items = read_inputs(args.inputs, _read_options(args), on_unreadable=skipped)
        pairs = clean_stream(items)
    pairs = select_pairs(pairs, args.verdict, args.reason, args.ids, args.limit)
    console = _Console(no_color=args.plain, highlight=False, soft_wrap=True)
    plain = args.plain or not console.is_terminal
    try:
        if console.is_terminal and not args.no_pager:
            shown = paged(lambda c: show(pairs, c, plain=plain), console, _Console)
        else:
            shown = show(pairs, console, plain=plain)
    except RunError as e:
        return _usage_error("show", str(e))
    for f, why in unreadable:
        say(f"newsclean: skipped {f}: {why}")
    for why in problems:
        say(f"newsclean show: {why}")
    return EXIT_OK if shown else EXIT_NOTHING_READABLE


def _Console(**kwargs: Any) -> Console:  # noqa: N802 - a class made on first use (rich loads late)
    """rich's Console, but a closed stdout (`show ... | head -1`) raises BrokenPipeError,
    which main() turns into exit 0, instead of rich's exit 1."""
    from rich.console import Console

    class QuietOnBrokenPipe(Console):
        def on_broken_pipe(self) -> None:
            self.quiet = True
            raise BrokenPipeError

    return QuietOnBrokenPipe(**kwargs)


# ---------------------------------------------------------------- boilerplate, report, browse


def _configure_boilerplate(p: argparse.ArgumentParser) -> None:
    configure_boilerplate(p, add_read_options=_add_read_options)


def _run_boilerplate(args: argparse.Namespace) -> int:
    if args.action == "learn":
        problem = _inputs_problem("boilerplate learn", args)
        if problem is not None:
            return problem
    return run_boilerplate(args)


def _configure_report(p: argparse.ArgumentParser) -> None:
    from .report import configure

    configure(p)


def _run_report(args: argparse.Namespace) -> int:
    from .report import run

    return run(args)


def _configure_browse(p: argparse.ArgumentParser) -> None:
    from .browse import configure

    configure(p)


def _run_browse(args: argparse.Namespace) -> int:
    from .browse import run

    return run(args)


# ---------------------------------------------------------------- registry and main

COMMANDS: list[Command] = [
    Command(
        "clean",
        "clean records (text, JSONL, HTML, WARC, Parquet) into articles (JSONL or Parquet)",
        _configure_clean,
        _run_clean,
    ),
    Command(
        "restore",
        "rebuild the records exactly from cleaned output",
        _configure_restore,
        _run_restore,
    ),
    Command(
        "show",
        "print records (clean's output, or inputs cleaned now) with removals marked by reason",
        _configure_show,
        _run_show,
    ),
    Command(
        "boilerplate",
        "show or learn per-source boilerplate models",
        _configure_boilerplate,
        _run_boilerplate,
    ),
    Command(
        "report",
        "write one self-contained HTML page of what a run did (counts, plots, examples)",
        _configure_report,
        _run_report,
    ),
    Command(
        "browse",
        "page through a run's records in the browser (local, read-only)",
        _configure_browse,
        _run_browse,
    ),
    # more subcommands go here
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsclean",
        description="Raw, noisy news-crawl records in; clean articles out, every removal explained.",
    )
    parser.add_argument("--version", action="version", version=f"newsclean {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for cmd in COMMANDS:
        p = sub.add_parser(cmd.name, help=cmd.help, description=cmd.help)
        cmd.configure(p)
        p.set_defaults(_run=cmd.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:  # argparse exits 2 on usage errors, 0 on --help
        return int(e.code or 0)
    try:
        return args._run(args)
    except BrokenPipeError:  # stdout closed early (`| head`): not an error of ours
        _silence_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        say("newsclean: interrupted")
        return 130


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


if __name__ == "__main__":
    raise SystemExit(main())
