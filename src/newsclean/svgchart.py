"""Small SVG charts for the report: drawn here, inline in the page, no library, no network.

Three shapes cover the report: horizontal bars (counts by a label), horizontal stacked bars
(records per source split by verdict) and vertical bars (a histogram over ordered buckets).
Each chart is an `<svg role="img">` with a `<title>` and a `<desc>` that lists its numbers, so
a reader without sight of the bars gets them too.  Labels come from the data (source names,
rules) and are escaped (htmlview.esc) and cut to a length that fits.
"""

from __future__ import annotations

from collections.abc import Sequence

from .htmlview import esc

FONT = "font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;font-size:12px"
BAR = "#2563eb"
GRID = "#e5e7eb"
INK = "#111827"
MUTED = "#6b7280"


def _num(v: float) -> str:
    if v >= 10_000_000:
        return f"{v / 1e6:.0f}M"
    if v >= 1_000_000:
        return f"{v / 1e6:.1f}M"
    if v >= 10_000:
        return f"{v / 1e3:.0f}k"
    return f"{v:,.0f}" if float(v).is_integer() or v >= 100 else f"{v:.2f}"


def _cut(label: str, n: int) -> str:
    return label if len(label) <= n else label[: n - 1] + "…"


def _ticks(top: float) -> list[float]:
    if top <= 0:
        return [0.0]
    step = 10 ** len(str(int(top))) / 10
    for k in (1, 2, 5, 10):
        if top / (step * k) <= 5:
            step *= k
            break
    out, v = [], 0.0
    while v <= top * 1.0001:
        out.append(v)
        v += step
    return out


def _open(width: int, height: int, title: str, desc: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" style="{FONT}">',
        f"<title>{esc(title)}</title><desc>{esc(desc)}</desc>",
    ]


def hbar(
    rows: Sequence[tuple[str, float]],
    title: str,
    colours: Sequence[str] | None = None,
    width: int = 720,
    label_chars: int = 34,
    unit: str = "",
) -> str:
    """One horizontal bar per (label, value), in the order given."""
    bar_h, gap, top_pad = 18, 6, 24
    label_w = min(260, 8 + 7 * max((len(_cut(r[0], label_chars)) for r in rows), default=4))
    plot_w = width - label_w - 80
    height = top_pad + len(rows) * (bar_h + gap) + 8
    top = max((v for _, v in rows), default=0) or 1
    desc = "; ".join(f"{label}: {_num(v)}{unit}" for label, v in rows)
    out = _open(width, height, title, desc)
    for t in _ticks(top):
        x = label_w + plot_w * t / top
        out.append(f'<line x1="{x:.1f}" y1="{top_pad - 6}" x2="{x:.1f}" y2="{height - 6}" '
                   f'stroke="{GRID}"/>')
        out.append(f'<text x="{x:.1f}" y="{top_pad - 10}" fill="{MUTED}" '
                   f'text-anchor="middle">{_num(t)}</text>')
    for i, (label, v) in enumerate(rows):
        y = top_pad + i * (bar_h + gap)
        w = max(1.0, plot_w * v / top) if v > 0 else 0.0
        colour = colours[i] if colours else BAR
        out.append(f'<text x="{label_w - 8}" y="{y + 13}" fill="{INK}" text-anchor="end">'
                   f"{esc(_cut(label, label_chars))}</text>")
        out.append(f'<rect class="bar" x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h}" '
                   f'fill="{colour}" rx="2"><title>{esc(label)}: {_num(v)}{esc(unit)}</title></rect>')
        out.append(f'<text x="{label_w + w + 6:.1f}" y="{y + 13}" fill="{MUTED}">'
                   f"{_num(v)}{esc(unit)}</text>")
    out.append("</svg>")
    return "".join(out)


def stacked_hbar(
    rows: Sequence[tuple[str, Sequence[float]]],
    series: Sequence[str],
    colours: Sequence[str],
    title: str,
    width: int = 720,
    label_chars: int = 34,
) -> str:
    """One bar per row, split into the series' parts, with a legend above."""
    bar_h, gap, top_pad = 18, 6, 44
    label_w = min(260, 8 + 7 * max((len(_cut(r[0], label_chars)) for r in rows), default=4))
    plot_w = width - label_w - 70
    height = top_pad + len(rows) * (bar_h + gap) + 8
    top = max((sum(v) for _, v in rows), default=0) or 1
    desc = "; ".join(
        f"{label}: " + ", ".join(f"{s} {_num(x)}" for s, x in zip(series, v, strict=False) if x)
        for label, v in rows
    )
    out = _open(width, height, title, desc)
    x = label_w
    for s, c in zip(series, colours, strict=False):
        out.append(f'<rect x="{x}" y="6" width="12" height="12" fill="{c}" rx="2"/>'
                   f'<text x="{x + 16}" y="16" fill="{INK}">{esc(s)}</text>')
        x += 26 + 7 * len(s)
    for t in _ticks(top):
        xt = label_w + plot_w * t / top
        out.append(f'<line x1="{xt:.1f}" y1="{top_pad - 6}" x2="{xt:.1f}" y2="{height - 6}" '
                   f'stroke="{GRID}"/>')
        out.append(f'<text x="{xt:.1f}" y="{top_pad - 10}" fill="{MUTED}" '
                   f'text-anchor="middle">{_num(t)}</text>')
    for i, (label, values) in enumerate(rows):
        y = top_pad + i * (bar_h + gap)
        out.append(f'<text x="{label_w - 8}" y="{y + 13}" fill="{INK}" text-anchor="end">'
                   f"{esc(_cut(label, label_chars))}</text>")
        x0 = float(label_w)
        for s, v, c in zip(series, values, colours, strict=False):
            if v <= 0:
                continue
            w = plot_w * v / top
            out.append(f'<rect class="bar" x="{x0:.1f}" y="{y}" width="{w:.1f}" '
                       f'height="{bar_h}" fill="{c}"><title>{esc(label)} · {esc(s)}: '
                       f"{_num(v)}</title></rect>")
            x0 += w
        out.append(f'<text x="{x0 + 6:.1f}" y="{y + 13}" fill="{MUTED}">'
                   f"{_num(sum(values))}</text>")
    out.append("</svg>")
    return "".join(out)


def vbar(
    rows: Sequence[tuple[str, float]],
    title: str,
    x_label: str,
    y_label: str,
    width: int = 720,
    height: int = 260,
) -> str:
    """One vertical bar per (bucket, value), left to right (a histogram)."""
    left, bottom, top_pad, right = 56, 44, 20, 12
    plot_w, plot_h = width - left - right, height - top_pad - bottom
    top = max((v for _, v in rows), default=0) or 1
    desc = "; ".join(f"{label}: {_num(v)}" for label, v in rows)
    out = _open(width, height, title, desc)
    for t in _ticks(top):
        y = top_pad + plot_h - plot_h * t / top
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" '
                   f'stroke="{GRID}"/><text x="{left - 6}" y="{y + 4:.1f}" fill="{MUTED}" '
                   f'text-anchor="end">{_num(t)}</text>')
    n = max(1, len(rows))
    slot = plot_w / n
    for i, (label, v) in enumerate(rows):
        h = plot_h * v / top
        x = left + i * slot + slot * 0.12
        out.append(f'<rect class="bar" x="{x:.1f}" y="{top_pad + plot_h - h:.1f}" '
                   f'width="{slot * 0.76:.1f}" height="{h:.1f}" fill="{BAR}" rx="2">'
                   f"<title>{esc(label)}: {_num(v)}</title></rect>")
        if v:
            out.append(f'<text x="{x + slot * 0.38:.1f}" y="{top_pad + plot_h - h - 4:.1f}" '
                       f'fill="{MUTED}" text-anchor="middle">{_num(v)}</text>')
        out.append(f'<text x="{x + slot * 0.38:.1f}" y="{top_pad + plot_h + 16}" fill="{INK}" '
                   f'text-anchor="middle">{esc(_cut(label, 10))}</text>')
    out.append(f'<text x="{left + plot_w / 2:.1f}" y="{height - 6}" fill="{MUTED}" '
               f'text-anchor="middle">{esc(x_label)}</text>')
    out.append(f'<text x="14" y="{top_pad + plot_h / 2:.1f}" fill="{MUTED}" text-anchor="middle" '
               f'transform="rotate(-90 14 {top_pad + plot_h / 2:.1f})">{esc(y_label)}</text>')
    out.append("</svg>")
    return "".join(out)
