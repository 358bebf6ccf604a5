"""Drawing a party's ownership neighbourhood as an SVG picture: owners above, holdings below,
listed parties in red, defense-linked ones in amber, the party itself outlined. Server-side, so
the picture needs no script and prints."""

from __future__ import annotations

from html import escape
from typing import Any

BOX_W, BOX_H, GAP_X, GAP_Y, MARGIN = 200, 48, 24, 70, 16


def _short(text: str, size: int = 30) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def ownership_svg(picture: dict[str, Any]) -> str:
    nodes = picture["nodes"]
    if not nodes:
        return ""
    levels = sorted({n["level"] for n in nodes})
    rows: dict[int, list[dict[str, Any]]] = {lv: [] for lv in levels}
    for node in nodes:
        rows[node["level"]].append(node)
    widest = max(len(r) for r in rows.values())
    width = MARGIN * 2 + widest * BOX_W + (widest - 1) * GAP_X
    height = MARGIN * 2 + len(levels) * BOX_H + (len(levels) - 1) * GAP_Y
    where: dict[str, tuple[float, float]] = {}
    for row_index, level in enumerate(levels):
        row = rows[level]
        span = len(row) * BOX_W + (len(row) - 1) * GAP_X
        left = (width - span) / 2
        for i, node in enumerate(row):
            where[node["id"]] = (left + i * (BOX_W + GAP_X), MARGIN + row_index * (BOX_H + GAP_Y))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="ownership" role="img" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" height="{height:.0f}" '
        f'aria-label="Ownership of {escape(picture["name"])}">',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#66707c"/></marker>'
        "</defs>",
    ]
    for edge in picture["edges"]:
        (x1, y1), (x2, y2) = where[edge["owner"]], where[edge["owned"]]
        start = (x1 + BOX_W / 2, y1 + (BOX_H if y2 > y1 else 0))
        end = (x2 + BOX_W / 2, y2 + (0 if y2 > y1 else BOX_H))
        label = f"{edge['percentage']:g}%" if edge["percentage"] else edge["kind"]
        parts.append(
            f'<g class="edge edge-{escape(edge["kind"])}"><line x1="{start[0]:.0f}" '
            f'y1="{start[1]:.0f}" x2="{end[0]:.0f}" y2="{end[1]:.0f}" stroke="#66707c" '
            f'marker-end="url(#arrow)"'
            + (' stroke-dasharray="4 3"' if edge["kind"] != "ownership" else "")
            + f'/><text x="{(start[0] + end[0]) / 2 + 4:.0f}" y="{(start[1] + end[1]) / 2:.0f}" '
            f'font-size="11" fill="#1d232b">{escape(label)}</text></g>'
        )
    for node in nodes:
        x, y = where[node["id"]]
        marks = []
        fill, stroke = "#ffffff", "#66707c"
        if node["defense"]:
            fill, stroke = "#fff4e0", "#8a5a00"
            marks.append("defense")
        if node["counts_as_listed"]:
            fill, stroke = "#fdecea", "#b3261e"
            marks.append("counts as listed")
        if node["listed"]:
            fill, stroke = "#fdecea", "#b3261e"
            marks.append("listed: " + ", ".join(node["listed"]))
        classes = " ".join(
            ["node"]
            + (["listed"] if node["listed"] or node["counts_as_listed"] else [])
            + (["defense"] if node["defense"] else [])
            + (["query"] if node["query"] else [])
        )
        title = node["name"] + (f" ({'; '.join(marks)})" if marks else "")
        parts.append(
            f'<g class="{classes}" data-party="{escape(node["id"])}"><title>{escape(title)}'
            f'</title><rect x="{x:.0f}" y="{y:.0f}" width="{BOX_W}" height="{BOX_H}" rx="6" '
            f'fill="{fill}" stroke="{stroke}" stroke-width="{3 if node["query"] else 1.2}"/>'
            f'<text x="{x + 8:.0f}" y="{y + 19:.0f}" font-size="12" fill="#1d232b">'
            f"{escape(_short(node['name']))}</text>"
            f'<text x="{x + 8:.0f}" y="{y + 36:.0f}" font-size="10" fill="{stroke}">'
            f"{escape(_short('; '.join(marks) or node['id'], 34))}</text></g>"
        )
    parts.append("</svg>")
    return "".join(parts)
