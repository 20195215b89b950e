"""Small server-rendered SVG plots (registrations over time, bars), no JavaScript needed;
every page that shows one shows its figures in a table too."""

from __future__ import annotations

from datetime import date
from html import escape

from forsamling.domain.danish import format_short_date

LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 32  # the step charts' margins around the plot


def _svg_open(width: int, height: int, title: str, chart_id: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-labelledby="{chart_id}">'
        f'<title id="{chart_id}">{escape(title)}</title>'
    )


def _axes(plot_w: int, plot_h: int) -> str:
    return (
        f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{LEFT + plot_w}" y2="{TOP + plot_h}" '
        'stroke="#333"/>'
        f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{TOP + plot_h}" stroke="#333"/>'
    )


def _step_line(
    path: list[str], peak: int, first: str, last: str, plot_w: int, plot_h: int, height: int
) -> str:
    """The line, the peak and 0 on the left axis, and the first and last step's labels below
    (`first` and `last` are escaped already)."""
    return (
        f'<path d="{"".join(path)}" fill="none" stroke="#417690" stroke-width="2.5"/>'
        f'<text x="{LEFT - 6}" y="{TOP + 4}" text-anchor="end" font-size="12">{peak}</text>'
        f'<text x="{LEFT - 6}" y="{TOP + plot_h}" text-anchor="end" font-size="12">0</text>'
        f'<text x="{LEFT}" y="{height - 10}" font-size="12">{first}</text>'
        f'<text x="{LEFT + plot_w}" y="{height - 10}" text-anchor="end" font-size="12">'
        f"{last}</text>"
    )


def cumulative_svg(
    per_day: list[tuple[date, int]],
    *,
    title: str,
    width: int = 640,
    height: int = 240,
    chart_id: str = "chart-title",
) -> str:
    """A step line of the running total per day, with the first and last day and the total."""
    plot_w, plot_h = width - LEFT - RIGHT, height - TOP - BOTTOM
    running, points = 0, []
    for day, count in per_day:
        running += count
        points.append((day, running))
    parts = [_svg_open(width, height, title, chart_id), _axes(plot_w, plot_h)]
    if points:
        first, last = points[0][0], points[-1][0]
        span = max((last - first).days, 1)
        peak = max(points[-1][1], 1)

        def x(day: date) -> float:
            return LEFT + plot_w * (day - first).days / span

        def y(total: int) -> float:
            return TOP + plot_h - plot_h * total / peak

        path = [f"M{x(first):.1f},{y(0):.1f}"]
        for day, total in points:
            path.append(f"H{x(day):.1f}V{y(total):.1f}")
        path.append(f"H{LEFT + plot_w:.1f}")
        first_label, last_label = format_short_date(first), format_short_date(last)
        parts.append(_step_line(path, peak, first_label, last_label, plot_w, plot_h, height))
    parts.append("</svg>")
    return "".join(parts)


def running_svg(
    totals: list[int], *, title: str, chart_id: str, first: str, last: str,
    width: int = 640, height: int = 240,
) -> str:  # fmt: skip
    """A step line of running totals at even steps (e.g. each minute), labelled at both ends."""
    plot_w, plot_h = width - LEFT - RIGHT, height - TOP - BOTTOM
    peak = max([*totals, 1])
    steps = max(len(totals), 1)
    path = [f"M{LEFT},{TOP + plot_h}"]
    for i, total in enumerate(totals):
        path.append(f"H{LEFT + plot_w * i / steps:.1f}V{TOP + plot_h - plot_h * total / peak:.1f}")
    path.append(f"H{LEFT + plot_w:.1f}")
    return "".join(
        [
            _svg_open(width, height, title, chart_id),
            _axes(plot_w, plot_h),
            _step_line(path, peak, escape(first), escape(last), plot_w, plot_h, height),
            "</svg>",
        ]
    )


def bars_svg(rows: list[tuple[str, int]], *, title: str, chart_id: str, width: int = 640) -> str:
    """Horizontal bars, one per row, with the label before and the count after each bar."""
    label_w, count_w, bar_h, gap = 170, 48, 22, 10
    height = len(rows) * (bar_h + gap) + gap
    peak = max([n for _, n in rows] + [1])
    plot_w = width - label_w - count_w
    parts = [_svg_open(width, height, title, chart_id)]
    for i, (label, n) in enumerate(rows):
        y = gap + i * (bar_h + gap)
        w = plot_w * n / peak
        parts += [
            f'<text x="{label_w - 8}" y="{y + bar_h * 0.7:.1f}" text-anchor="end" '
            f'font-size="13">{escape(label)}</text>',
            f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="#1a5a96"/>',
            f'<text x="{label_w + w + 6:.1f}" y="{y + bar_h * 0.7:.1f}" font-size="13">{n}</text>',
        ]
    parts.append("</svg>")
    return "".join(parts)
