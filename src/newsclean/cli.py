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
from .outputs import OUTPUT, Output, OutputError, PathProblem, check_outputs, describe_os_error
from .outputs import staged as staged_file
from .readers import ReadOptions, read_inputs
from .readers.locate import expand_inputs, is_url, url_problem

if TYPE_CHECKING:  # rich loads late (at first use), for a quick start
    from rich.console import Console
    from rich.progress import Progress, TaskID
from .readers.jsonl import iter_capped_lines
from .readers.options import DEFAULT_MAX_RECORD_BYTES
from .readers.sources import DECOMPRESSION_ERRORS, InputSource
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
        help="HTML/WARC input: extract with resiliparse (~10x faster, a little less exact)",
    )


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
        help=".txt record, .jsonl[.gz|.zst], a directory of them, or - for stdin",
    )
    p.add_argument(
        "-o", "--output", metavar="OUT", help="output JSONL (.gz to compress); default: stdout"
    )
    p.add_argument(
        "--set-aside",
        metavar="PATH",
        help="where unreadable records go (default: OUT's name + .setaside.jsonl)",
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
    p.add_argument("--quiet", action="store_true", help="no progress bar and no summary line")
    p.add_argument(
        "--record-timeout",
        type=_record_timeout,
        default=None,
        metavar="S",
        help="set aside a record whose cleaning takes longer than S seconds, and go on "
        "(default: 20 s + 10 s per MB of the record; 0: no limit)",
    )
    _add_read_options(p)
    add_corpus_arguments(p)


def _run_clean(args: argparse.Namespace) -> int:
    args.inputs = expand_inputs(args.inputs)
    missing = _missing_inputs(args.inputs)
    if missing:
        return _usage_error("clean", f"no such file or directory: {', '.join(missing)}")
    if args.workers < 1:
        return _usage_error("clean", "--workers must be at least 1")
    options = CleanOptions(
        read=_read_options(args),
        workers=args.workers,
        set_aside=args.set_aside,
        enrich=not args.no_enrich,
        repair_encoding=args.repair_encoding,
        record_timeout=args.record_timeout,
    )
    corpus = corpus_options(args)
    try:
        with _progress(enabled=not args.quiet and sys.stderr.isatty()) as on_progress:
            if corpus is None:
                summary = run_clean(args.inputs, args.output, options, on_progress=on_progress)
            else:
                summary, corpus_summary = run_corpus_clean(
                    args.inputs, args.output, options, corpus, on_progress=on_progress
                )
    except BrokenPipeError:
        raise  # handled by main: stdout closed early is not an error
    except PathProblem as e:
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
        if corpus is not None:
            say(corpus_summary.line())
        say(summary.line())  # the closing line: read, written, set aside
    if summary.read == summary.set_aside:  # nothing could be read as a record
        say("newsclean clean: nothing readable in the input")
        return EXIT_NOTHING_READABLE
    return EXIT_OK


class _progress:
    """A rich progress display on stderr (a no-op callback when disabled)."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self._progress: Progress | None = None
        self._task: TaskID | None = None

    def __enter__(self) -> Callable[[RunSummary], None] | None:
        if not self.enabled:
            return None
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.completed} records"),
            TextColumn("[dim]{task.fields[detail]}"),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self._progress.start()
        self._task = self._progress.add_task("clean", total=None, detail="")
        return self._update

    def _update(self, s: RunSummary) -> None:
        if s.read % 32 == 0 or s.read < 32:
            detail = f"{s.written} written, {s.set_aside} set aside"
            if self._progress is not None and self._task is not None:
                self._progress.update(self._task, completed=s.read, detail=detail)

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()


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
        "cleaned", metavar="CLEANED", help="newsclean output (.jsonl, .jsonl.gz, or - for stdin)"
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


# ---------------------------------------------------------------- show


def _configure_show(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="as for clean")
    p.add_argument("--plain", action="store_true", help="no colour: removals as [-reason: text-]")
    p.add_argument("--limit", type=int, default=None, metavar="N", help="show at most N records")
    _add_read_options(p)


def _run_show(args: argparse.Namespace) -> int:
    from itertools import islice

    from .show import show

    args.inputs = expand_inputs(args.inputs)
    missing = _missing_inputs(args.inputs)
    if missing:
        return _usage_error("show", f"no such file or directory: {', '.join(missing)}")
    console = _Console(no_color=args.plain, highlight=False, soft_wrap=True)
    plain = args.plain or not console.is_terminal
    unreadable: list[tuple[str, str]] = []

    def skipped(path: str, why: str) -> None:
        unreadable.append((path, why))

    items = read_inputs(args.inputs, _read_options(args), on_unreadable=skipped)
    pairs = clean_stream(items)
    if args.limit is not None:
        pairs = islice(pairs, max(args.limit, 0))
    shown = show(pairs, console, plain=plain)
    for f, why in unreadable:
        say(f"newsclean: skipped {f}: {why}")
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


# ---------------------------------------------------------------- registry and main

COMMANDS: list[Command] = [
    Command("clean", "clean records into JSONL articles", _configure_clean, _run_clean),
    Command(
        "restore",
        "rebuild the records exactly from cleaned output",
        _configure_restore,
        _run_restore,
    ),
    Command(
        "show", "print records with removed spans marked by reason", _configure_show, _run_show
    ),
    Command(
        "boilerplate",
        "show or learn per-source boilerplate models",
        configure_boilerplate,
        run_boilerplate,
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
