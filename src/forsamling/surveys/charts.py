"""A distribution as a server-rendered horizontal bar chart in SVG, no JavaScript.

The chart is an image with a title and a description that says every figure, and the page
shows the same figures as a table beside it, so nothing depends on seeing the bars.
"""

from __future__ import annotations

from html import escape

from forsamling.domain.surveys import Distribution

BAR = "#1a5a96"  # 7:1 against white, like the site's links


def describe(distribution: Distribution) -> str:
    parts = [
        f"{label}: {count} ({round(100 * share)} %)"
        for label, count, share in zip(
            distribution.labels, distribution.counts, distribution.shares, strict=True
        )
    ]
    text = "; ".join(parts) + f". {distribution.respondents} svar."
    if distribution.mean is not None:
        text += f" Gennemsnit {str(distribution.mean).replace('.', ',')}."
    return text


def bar_chart_svg(distribution: Distribution, *, title: str, chart_id: str) -> str:
    """One bar per option, its count and share at the end; scales to its container."""
    row, label_w, bar_w, right = 28, 180, 300, 90
    width = label_w + bar_w + right
    height = row * len(distribution.labels) + 8
    peak = max(distribution.counts, default=0) or 1
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'class="survey-chart" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'preserveAspectRatio="xMinYMin meet">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(describe(distribution))}</desc>',
    ]
    for index, (label, count, share) in enumerate(
        zip(distribution.labels, distribution.counts, distribution.shares, strict=True)
    ):
        y = 4 + index * row
        length = bar_w * count / peak
        shown = label if len(label) <= 26 else label[:25] + "…"
        parts += [
            f'<text x="{label_w - 8}" y="{y + 18}" text-anchor="end" font-size="13" '
            f'fill="#1a1a1a">{escape(shown)}</text>',
            f'<rect x="{label_w}" y="{y + 4}" width="{length:.1f}" height="18" fill="{BAR}"/>',
            f'<text x="{label_w + length + 6:.1f}" y="{y + 18}" font-size="13" fill="#1a1a1a">'
            f"{count} ({round(100 * share)} %)</text>",
        ]
    parts.append("</svg>")
    return "".join(parts)
