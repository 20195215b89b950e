"""Small server-rendered SVG plots (registrations over time, bars), no JavaScript needed;
every page that shows one shows its figures in a table too."""

from __future__ import annotations

from datetime import date
from html import escape

from forsamling.domain.danish import format_short_date


def cumulative_svg(
    per_day: list[tuple[date, int]],
    *,
    title: str,
    width: int = 640,
    height: int = 240,
    chart_id: str = "chart-title",
) -> str:
    """A step line of the running total per day, with the first and last day and the total."""
    left, right, top, bottom = 48, 16, 16, 32
    plot_w, plot_h = width - left - right, height - top - bottom
    running, points = 0, []
    for day, count in per_day:
        running += count
        points.append((day, running))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-labelledby="{chart_id}">',
        f'<title id="{chart_id}">{escape(title)}</title>',
        f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" '
        'stroke="#333"/>',
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + plot_h}" stroke="#333"/>',
    ]
    if points:
        first, last = points[0][0], points[-1][0]
        span = max((last - first).days, 1)
        peak = max(points[-1][1], 1)

        def x(day: date) -> float:
            return left + plot_w * (day - first).days / span

        def y(total: int) -> float:
            return top + plot_h - plot_h * total / peak

        path = [f"M{x(first):.1f},{y(0):.1f}"]
        for day, total in points:
            path.append(f"H{x(day):.1f}V{y(total):.1f}")
        path.append(f"H{left + plot_w:.1f}")
        parts += [
            f'<path d="{"".join(path)}" fill="none" stroke="#417690" stroke-width="2.5"/>',
            f'<text x="{left - 6}" y="{top + 4}" text-anchor="end" font-size="12">{peak}</text>',
            f'<text x="{left - 6}" y="{top + plot_h}" text-anchor="end" font-size="12">0</text>',
            f'<text x="{left}" y="{height - 10}" font-size="12">{format_short_date(first)}</text>',
            f'<text x="{left + plot_w}" y="{height - 10}" text-anchor="end" font-size="12">'
            f"{format_short_date(last)}</text>",
        ]
    parts.append("</svg>")
    return "".join(parts)


def running_svg(
    totals: list[int], *, title: str, chart_id: str, first: str, last: str,
    width: int = 640, height: int = 240,
) -> str:  # fmt: skip
    """A step line of running totals at even steps (e.g. each minute), labelled at both ends."""
    left, right, top, bottom = 48, 16, 16, 32
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = max([*totals, 1])
    steps = max(len(totals), 1)
    path = [f"M{left},{top + plot_h}"]
    for i, total in enumerate(totals):
        path.append(f"H{left + plot_w * i / steps:.1f}V{top + plot_h - plot_h * total / peak:.1f}")
    path.append(f"H{left + plot_w:.1f}")
    return "".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
            f'width="{width}" height="{height}" role="img" aria-labelledby="{chart_id}">',
            f'<title id="{chart_id}">{escape(title)}</title>',
            f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" '
            'stroke="#333"/>',
            f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + plot_h}" stroke="#333"/>',
            f'<path d="{"".join(path)}" fill="none" stroke="#417690" stroke-width="2.5"/>',
            f'<text x="{left - 6}" y="{top + 4}" text-anchor="end" font-size="12">{peak}</text>',
            f'<text x="{left - 6}" y="{top + plot_h}" text-anchor="end" font-size="12">0</text>',
            f'<text x="{left}" y="{height - 10}" font-size="12">{escape(first)}</text>',
            f'<text x="{left + plot_w}" y="{height - 10}" text-anchor="end" font-size="12">'
            f"{escape(last)}</text>",
            "</svg>",
        ]
    )


def bars_svg(rows: list[tuple[str, int]], *, title: str, chart_id: str, width: int = 640) -> str:
    """Horizontal bars, one per row, with the label before and the count after each bar."""
    label_w, count_w, bar_h, gap = 170, 48, 22, 10
    height = len(rows) * (bar_h + gap) + gap
    peak = max([n for _, n in rows] + [1])
    plot_w = width - label_w - count_w
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-labelledby="{chart_id}">',
        f'<title id="{chart_id}">{escape(title)}</title>',
    ]
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
