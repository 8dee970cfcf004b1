"""Records bench: newsclean against peers on the seed specimen and records-dev, in one run.

    .venv/bin/python -m bench.bench_records [--limit N] [--only newsclean,raw,...]
        [--json out.json] [--dump-errors errors.jsonl] [--eval-dir /work/shared/eval]

Every system sees the same records; records/s is the wall time of the system call only
(single process).  newsclean also gets records per CPU-second (its per-core rate, less
sensitive to other jobs on a shared machine).  Prints markdown tables; see bench/metrics.py
for the metric definitions.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench import metrics as M
from bench.peers import DROPPED, RECORD_PEERS, System, SystemOutput
from bench.report import publish

DEFAULT_EVAL_DIR = Path("/work/shared/eval")
CLEAN_KIND = "(clean)"  # pseudo-kind for gold articles with an empty defects list
ALL_SYSTEMS = ("newsclean", *RECORD_PEERS)


# --- systems ---------------------------------------------------------------------------------


def newsclean_system() -> System:
    from newsclean import clean_text

    def run(record: str, record_id: str) -> SystemOutput:
        a = clean_text(record, id=record_id)
        return SystemOutput(a.verdict, a.text, a.title, a.publisher)

    return System("newsclean", run, verdicts=True, fields=True)


def build_systems(only: Sequence[str] | None) -> list[System]:
    factories: dict[str, Callable[[], System]] = {"newsclean": newsclean_system, **RECORD_PEERS}
    names = list(only) if only else list(factories)
    unknown = [n for n in names if n not in factories]
    if unknown:
        raise SystemExit(f"unknown system(s) {unknown}; choose from {list(factories)}")
    return [factories[n]() for n in names]


@dataclass
class Run:
    system: System
    outputs: list[SystemOutput]
    wall: float
    cpu: float
    errors: list[tuple[str, str]] = field(default_factory=list)  # (record id, exception)


def run_system(system: System, records: Sequence[dict[str, Any]]) -> Run:
    outputs: list[SystemOutput] = []
    errors: list[tuple[str, str]] = []
    wall = cpu = 0.0
    perf, proc = time.perf_counter, time.process_time
    for rec in records:
        w0, c0 = perf(), proc()
        try:
            out = system.run(rec["record"], rec["id"])
        except Exception as exc:  # a crash is scored as a drop and listed, not fatal
            out = SystemOutput(DROPPED, "")
            errors.append((rec["id"], f"{type(exc).__name__}: {exc}"))
        wall += perf() - w0
        cpu += proc() - c0
        outputs.append(out)
    return Run(system, outputs, wall, cpu, errors)


# --- scoring ---------------------------------------------------------------------------------


def _is_article(verdict: str) -> bool:
    return verdict == "article"


def score_subset(
    outs: Sequence[SystemOutput], golds: Sequence[dict[str, Any]], scores: Sequence[M.TextScore]
) -> dict[str, Any]:
    """All record metrics over one subset (the whole set or one defect kind)."""
    text = M.aggregate_text(scores)
    verdicts = M.verdict_metrics(
        (o.verdict, g["verdict"]) for o, g in zip(outs, golds, strict=True)
    )
    keep_hits = [
        _is_article(o.verdict) == _is_article(g["verdict"])
        for o, g in zip(outs, golds, strict=True)
    ]
    lost, articles = M.articles_lost(
        (g["verdict"], o.verdict, o.text) for o, g in zip(outs, golds, strict=True)
    )
    clean = [
        (o.text, g["text"])
        for o, g in zip(outs, golds, strict=True)
        if M.is_clean_record(g["verdict"], g.get("defects", []))
    ]
    return {
        **text.as_dict(),
        "verdict_accuracy": verdicts.accuracy,
        "keep_accuracy": sum(keep_hits) / len(keep_hits) if keep_hits else None,
        "confusion": verdicts.confusion,
        "articles_lost": lost,
        "articles": articles,
        "clean_unchanged": M.clean_unchanged_rate(clean),
        "clean_records": len(clean),
        "title_accuracy": M.exact_match_rate(
            (o.title, g["title"]) for o, g in zip(outs, golds, strict=True)
        ),
        "publisher_accuracy": M.exact_match_rate(
            (o.publisher, g["publisher"]) for o, g in zip(outs, golds, strict=True)
        ),
    }


def kinds_of(gold: dict[str, Any]) -> list[str]:
    defects = list(gold.get("defects", []))
    return defects if defects or gold["verdict"] != "article" else [CLEAN_KIND]


def evaluate(run: Run, records: Sequence[dict[str, Any]]) -> dict[str, Any]:
    golds = [r["gold"] for r in records]
    scores = [M.score_text(o.text, g["text"]) for o, g in zip(run.outputs, golds, strict=True)]
    result = score_subset(run.outputs, golds, scores)
    result["per_kind"] = {
        kind: score_subset(
            [run.outputs[i] for i in idx], [golds[i] for i in idx], [scores[i] for i in idx]
        )
        for kind, idx in M.group_by_kind([kinds_of(g) for g in golds]).items()
    }
    n = len(records)
    result["timing"] = {
        "records": n,
        "wall_s": run.wall,
        "cpu_s": run.cpu,
        "records_per_s": n / run.wall if run.wall else None,
        "records_per_cpu_s": n / run.cpu if run.cpu else None,
    }
    result["errors"] = run.errors[:20]
    result["error_count"] = len(run.errors)
    result["has_verdicts"] = run.system.verdicts
    result["has_fields"] = run.system.fields
    return result


# --- the seed specimen -----------------------------------------------------------------------


def line_ranges(text: str) -> list[tuple[int, int]]:
    """[start, end) of each line's content (newline excluded), 0-based line order."""
    ranges, pos = [], 0
    for line in text.split("\n"):
        ranges.append((pos, pos + len(line)))
        pos += len(line) + 1
    return ranges


def uncovered_lines(
    record: str, removed: Sequence[Any], first: int, last: int, reason: str
) -> list[int]:
    """1-based lines in [first, last] with a non-space char not removed for `reason`."""
    covered = bytearray(len(record))
    for r in removed:
        if r.reason == reason:
            covered[r.start : r.end] = b"\x01" * (r.end - r.start)
    ranges = line_ranges(record)
    bad = []
    for ln in range(first, last + 1):
        start, end = ranges[ln - 1]
        if any(not covered[i] and not record[i].isspace() for i in range(start, end)):
            bad.append(ln)
    return bad


def seed_checks(seed_dir: Path) -> list[tuple[str, bool, str]]:
    """newsclean against seed/expected.json: (check, passed, detail)."""
    from newsclean import clean_text

    record = (seed_dir / "record.txt").read_text(encoding="utf-8")
    expected = json.loads((seed_dir / "expected.json").read_text(encoding="utf-8"))
    a = clean_text(record, id="seed")
    got = {
        "verdict": a.verdict,
        "title": a.title,
        "publisher": a.publisher,
        "text": a.text,
        "http_status": a.http_status,
        "fetched": a.fetched,
    }
    want = {k: expected[k] for k in ("verdict", "title", "publisher", "text")}
    want.update(expected["record"])
    checks = []
    for key, value in want.items():
        ok = got[key] == value
        detail = "" if ok else f"got {str(got[key])[:80]!r}, want {str(value)[:80]!r}"
        checks.append((key, ok, detail))
    for span in expected.get("removed", []):
        first, last = span["lines"]
        bad = uncovered_lines(record, a.removed, first, last, span["reason"])
        detail = f"lines not removed as {span['reason']}: {bad}" if bad else ""
        checks.append((f"removed lines {first}-{last} as {span['reason']}", not bad, detail))
    return checks


def seed_rows(systems: Sequence[System], seed_dir: Path) -> list[dict[str, Any]]:
    record = (seed_dir / "record.txt").read_text(encoding="utf-8")
    gold = json.loads((seed_dir / "expected.json").read_text(encoding="utf-8"))["text"]
    rows = []
    for s in systems:
        out = s.run(record, "seed")
        sc = M.score_text(out.text, gold)
        rows.append({"system": s.name, "verdict": out.verdict, "f1": sc.f1, "exact": sc.exact})
    return rows


# --- data, machine, errors -------------------------------------------------------------------


def load_records(path: Path, limit: int | None) -> list[dict[str, Any]]:
    records = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if limit is not None and len(records) >= limit:
                break
            if line.strip():
                records.append(json.loads(line))
    return records


def machine_info() -> dict[str, Any]:
    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    commit = _git("rev-parse", "--short", "HEAD")
    # Others edit src/ concurrently: say when the measured code was not the committed one.
    if _git("status", "--porcelain", "--untracked-files=no", "--", "src"):
        commit += " (src/ has uncommitted changes)"
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "load_avg_1m": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "git_commit": commit,
        "versions": _versions(),
    }


def _git(*args: str) -> str:
    try:
        return subprocess.run(
            ["git", *args],
            capture_output=True,
            text=True,
            cwd=Path(__file__).resolve().parent,
            check=False,
        ).stdout.strip()
    except OSError:
        return ""


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for pkg in ("newsclean", "trafilatura", "justext", "datatrove"):
        try:
            out[pkg] = version(pkg)
        except PackageNotFoundError:
            pass
    return out


def dump_errors(path: Path, run: Run, records: Sequence[dict[str, Any]], n: int) -> None:
    """The n records newsclean does worst on (lowest text F1, then verdict/title misses)."""
    rows = []
    for out, rec in zip(run.outputs, records, strict=True):
        g = rec["gold"]
        sc = M.score_text(out.text, g["text"])
        verdict_ok = out.verdict == g["verdict"]
        title_ok = M.field_match(out.title, g["title"])
        if sc.exact and verdict_ok and title_ok:
            continue
        key = (sc.f1, verdict_ok, title_ok)
        rows.append((key, rec, out, sc))
    rows.sort(key=lambda r: r[0])
    with path.open("w", encoding="utf-8") as f:
        for _, rec, out, sc in rows[:n]:
            g = rec["gold"]
            f.write(
                json.dumps(
                    {
                        "id": rec["id"],
                        "f1": round(sc.f1, 4),
                        "defects": g.get("defects", []),
                        "gold_verdict": g["verdict"],
                        "pred_verdict": out.verdict,
                        "gold_title": g["title"],
                        "pred_title": out.title,
                        "gold_publisher": g["publisher"],
                        "pred_publisher": out.publisher,
                        "gold_text": g["text"],
                        "pred_text": out.text,
                        "record": rec["record"],
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )


# --- markdown --------------------------------------------------------------------------------


def _f(x: float | None, digits: int = 3) -> str:
    return "–" if x is None else f"{x:.{digits}f}"


def render(
    machine: dict[str, Any],
    command: str,
    n: int,
    results: dict[str, dict[str, Any]],
    checks: list[tuple[str, bool, str]] | None,
    seed: list[dict[str, Any]] | None,
) -> str:
    out = [
        "# Records bench",
        "",
        f"- date: {machine['date']}; git {machine['git_commit']}",
        f"- machine: {machine['cpu']}, {machine['cores']} cores (shared; 1-min load at start "
        f"{_f(machine['load_avg_1m'], 2)}), Python {machine['python']}",
        f"- versions: {', '.join(f'{k} {v}' for k, v in machine['versions'].items())}",
        f"- command: `{command}`",
        f"- records: {n} from records-dev.jsonl.gz",
        "",
    ]
    if checks is not None:
        passed = sum(ok for _, ok, _ in checks)
        out.append(
            f"## Seed specimen (newsclean vs expected.json): {passed}/{len(checks)} checks pass"
        )
        out.append("")
        for name, ok, detail in checks:
            out.append(f"- [{'x' if ok else ' '}] {name}{': ' + detail if detail else ''}")
        out.append("")
    if seed:
        out += ["| system (seed record) | verdict | shingle F1 | exact |", "|---|---|---:|---|"]
        out += [f"| {r['system']} | {r['verdict']} | {_f(r['f1'])} | {r['exact']} |" for r in seed]
        out.append("")
    out += [
        "## records-dev, all systems",
        "",
        "| system | shingle P | R | F1 | accuracy | verdict acc | keep acc | articles lost "
        "| clean unchanged | title acc | publisher acc | records/s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, r in results.items():
        t = r["timing"]
        fields = r["has_fields"]
        out.append(
            f"| {name} | {_f(r['precision'])} | {_f(r['recall'])} | {_f(r['f1'])} "
            f"| {_f(r['accuracy'])} | {_f(r['verdict_accuracy']) if r['has_verdicts'] else 'n/a'} "
            f"| {_f(r['keep_accuracy'])} | {r['articles_lost']}/{r['articles']} "
            f"| {_f(r['clean_unchanged'])} "
            f"| {_f(r['title_accuracy']) if fields else 'n/a'} "
            f"| {_f(r['publisher_accuracy']) if fields else 'n/a'} "
            f"| {_f(t['records_per_s'], 0)} |"
        )
    out += [
        "",
        "verdict acc: four classes (article/error_page/blocked/empty); peers only keep or drop, "
        "so they get n/a there and are compared on keep acc (article vs not). Peers do not "
        "extract title/publisher (n/a). records/s: wall time of the system call only, one process.",
    ]
    crashed = {k: r["error_count"] for k, r in results.items() if r["error_count"]}
    if crashed:
        out.append(f"Crashes (scored as drops): {crashed}")
    nc = results.get("newsclean")
    if nc:
        t = nc["timing"]
        out += [
            "",
            f"newsclean speed: {_f(t['records_per_s'], 0)} records/s wall, "
            f"{_f(t['records_per_cpu_s'], 0)} records per CPU-second (one core).",
            "",
            "## newsclean per defect kind",
            "",
            "| kind | records | P | R | F1 | accuracy | verdict acc | articles lost "
            "| title acc | publisher acc |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for kind, k in nc["per_kind"].items():
            out.append(
                f"| {kind} | {k['n']} | {_f(k['precision'])} | {_f(k['recall'])} | {_f(k['f1'])} "
                f"| {_f(k['accuracy'])} | {_f(k['verdict_accuracy'])} "
                f"| {k['articles_lost']}/{k['articles']} | {_f(k['title_accuracy'])} "
                f"| {_f(k['publisher_accuracy'])} |"
            )
        out += ["", "## newsclean verdict confusion (rows gold, columns predicted)", ""]
        out += _confusion_table(nc["confusion"])
    if len(results) > 1:
        names = list(results)
        kinds = list(next(iter(results.values()))["per_kind"])
        out += [
            "",
            "## Shingle F1 / accuracy per defect kind, all systems",
            "",
            "| kind | " + " | ".join(names) + " |",
            "|---|" + "---:|" * len(names),
        ]
        for kind in kinds:
            cells = [
                f"{_f(results[s]['per_kind'][kind]['f1'])} / "
                f"{_f(results[s]['per_kind'][kind]['accuracy'])}"
                for s in names
            ]
            out.append(f"| {kind} | " + " | ".join(cells) + " |")
    return "\n".join(out) + "\n"


def _confusion_table(confusion: dict[str, dict[str, int]]) -> list[str]:
    cols = list(M.VERDICTS) + sorted(
        {p for row in confusion.values() for p in row} - set(M.VERDICTS)
    )
    rows = [g for g in M.VERDICTS if g in confusion]
    lines = ["| gold \\ pred | " + " | ".join(cols) + " |", "|---|" + "---:|" * len(cols)]
    for g in rows:
        lines.append(f"| {g} | " + " | ".join(str(confusion[g].get(c, 0)) for c in cols) + " |")
    return lines


# --- main ------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    ap.add_argument("--limit", type=int, default=None, help="first N records only")
    ap.add_argument("--only", default=None, help=f"comma list of {','.join(ALL_SYSTEMS)}")
    ap.add_argument("--json", type=Path, default=None, help="write machine-readable results")
    ap.add_argument(
        "--dump-errors", type=Path, default=None, help="worst newsclean records (JSONL)"
    )
    ap.add_argument("--dump-n", type=int, default=50, help="how many records --dump-errors keeps")
    ap.add_argument("--md", type=Path, default=None, help="also write the markdown here")
    args = ap.parse_args(argv)

    data = args.eval_dir / "records-dev.jsonl.gz"
    if not data.exists():
        print(f"no eval data at {data}; nothing to do", file=sys.stderr)
        return 2
    only = [s.strip() for s in args.only.split(",")] if args.only else None
    systems = build_systems(only)
    records = load_records(data, args.limit)
    machine = machine_info()
    command = "python -m bench.bench_records " + " ".join(
        argv if argv is not None else sys.argv[1:]
    )

    seed_dir = args.eval_dir / "seed"
    has_seed = (seed_dir / "record.txt").exists()
    has_nc = any(s.name == "newsclean" for s in systems)
    checks = seed_checks(seed_dir) if has_seed and has_nc else None
    seed = seed_rows(systems, seed_dir) if has_seed else None

    results: dict[str, dict[str, Any]] = {}
    runs: dict[str, Run] = {}
    for system in systems:
        print(f"running {system.name} on {len(records)} records ...", file=sys.stderr, flush=True)
        runs[system.name] = run = run_system(system, records)
        results[system.name] = evaluate(run, records)

    md = render(machine, command.strip(), len(records), results, checks, seed)
    publish(md, args.md)
    if args.json:
        payload = {
            "machine": machine,
            "command": command.strip(),
            "records": len(records),
            "seed_checks": checks,
            "seed": seed,
            "systems": results,
        }
        args.json.write_text(json.dumps(payload, indent=1, ensure_ascii=False), encoding="utf-8")
    if args.dump_errors and "newsclean" in runs:
        dump_errors(args.dump_errors, runs["newsclean"], records, args.dump_n)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
