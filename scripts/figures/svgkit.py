"""Small building blocks for the site's figures (SVG drawn in the repository).

Everything is plain SVG text: no fonts are embedded or loaded; text uses the
system Japanese font stack, as the site does. Figures are 480 units wide so
that 18-unit text stays readable when a phone shows them about 330 px wide.
"""

from __future__ import annotations

from html import escape

WIDTH = 480
FONT = (
    "'Hiragino Sans','Hiragino Kaku Gothic ProN','Yu Gothic UI',Meiryo,"
    "'Noto Sans JP','Noto Sans CJK JP',sans-serif"
)
INK = "#1a1a1a"
MUTED = "#4a4a4a"
LINE = "#3949ab"
MARK = "#c62828"  # the thing to press: 5.6:1 on white
PALE = "#e8eaf6"
PANEL = "#f5f5f5"


def width_of(s: str, size: int) -> float:
    """Rough drawn width: full-width characters are one em, others about 0.6 em."""
    return sum(size if ord(ch) > 0x2E7F else size * 0.6 for ch in s)


def fits(s: str, size: int, room: float) -> str:
    """Stop the generator when a label would run out of its box."""
    if width_of(s, size) > room:
        raise ValueError(f"too long for its box ({width_of(s, size):.0f} > {room:.0f}): {s}")
    return s


def text(
    x: float,
    y: float,
    s: str,
    size: int = 18,
    weight: int = 400,
    anchor: str = "start",
    fill: str = INK,
) -> str:
    return (
        f'<text x="{x}" y="{y}" font-size="{size}" font-weight="{weight}" '
        f'text-anchor="{anchor}" fill="{fill}">{escape(s)}</text>'
    )


def rect(
    x: float,
    y: float,
    w: float,
    h: float,
    fill: str = "#fff",
    stroke: str = LINE,
    width: float = 2,
    r: float = 8,
) -> str:
    return (
        f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="{r}" fill="{fill}" '
        f'stroke="{stroke}" stroke-width="{width}"/>'
    )


def badge(n: int, x: float, y: float) -> str:
    """A numbered circle: the order of the steps on the page."""
    return f'<circle cx="{x}" cy="{y}" r="14" fill="{MARK}"/>' + text(
        x, y + 6, str(n), 17, 700, "middle", "#fff"
    )


def arrow(x1: float, y1: float, x2: float, y2: float, color: str = LINE) -> str:
    return (
        f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{color}" stroke-width="3" '
        f'marker-end="url(#arrow)"/>'
    )


def button(x: float, y: float, w: float, label: str, step: int | None = None, h: float = 40) -> str:
    """A button or menu item; with ``step`` it is the one to press (red frame and number)."""
    out = rect(
        x,
        y,
        w,
        h,
        "#fff" if step is None else "#fff3f3",
        LINE if step is None else MARK,
        2 if step is None else 4,
        6,
    )
    out += text(
        x + w / 2, y + h / 2 + 6, fits(label, 17, w - 8), 17, 700 if step else 400, "middle"
    )
    if step is not None:  # the number sits just right of the button, never on its label
        out += badge(step, x + w + 17, y + h / 2)
    return out


def wrap(body: str, height: float, title: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" font-family="{FONT}">'
        f"<title>{escape(title)}</title>"
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="6" '
        f'markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
        f'fill="{LINE}"/></marker></defs>'
        f'<rect width="{WIDTH}" height="{height}" fill="#fff"/>'
        f"{body}</svg>\n"
    )


def screen(
    title: str,
    app: str,
    sidebar: list[str],
    main: list[tuple[str, str]],
    picked: dict[str, int],
    note: str,
    label: str,
    height: int = 330,
) -> str:
    """A simplified picture of an app window, clearly marked as an illustration.

    ``sidebar`` items run down the left; ``main`` holds (kind, text) rows where
    kind is "h" (heading), "t" (text) or "b" (button); ``picked`` maps an item's
    text to its step number.
    """
    body = rect(6, 6, WIDTH - 12, height - 12, "#fff", LINE, 2, 10)
    body += f'<rect x="7" y="7" width="{WIDTH - 14}" height="38" rx="9" fill="{LINE}"/>'
    body += text(20, 33, app, 18, 700, "start", "#fff")
    body += rect(WIDTH - 142, 13, 126, 26, "#fff", "#fff", 1, 13)
    body += text(WIDTH - 79, 32, label, 15, 700, "middle", LINE)
    y = 58
    if sidebar:
        body += f'<rect x="8" y="46" width="128" height="{height - 54}" fill="{PANEL}"/>'
        for item in sidebar:
            body += button(14, y, 96, item, picked.get(item), 36)
            y += 46
        left = 150
    else:
        left = 22
    y = 58
    width = WIDTH - left - 22
    for kind, s in main:
        if kind == "h":
            body += text(left, y + 20, s, 19, 700)
            y += 34
        elif kind == "t":
            body += text(left, y + 18, s, 16, 400, "start", MUTED)
            y += 28
        else:
            body += button(left, y, min(width - 36, width_of(s, 17) * 1.15 + 40), s, picked.get(s))
            y += 52
    body += text(WIDTH / 2, height - 16, note, 15, 400, "middle", MUTED)
    return wrap(body, height, title)


def steps(title: str, items: list[str], note: str = "", first_mark: int | None = None) -> str:
    """A vertical flow of boxes with arrows: what happens, in order."""
    y = 14
    body = ""
    for i, item in enumerate(items, 1):
        lines = item.split("\n")
        h = 26 + 24 * len(lines)
        body += rect(
            40,
            y,
            WIDTH - 60,
            h,
            PALE if i != first_mark else "#fff3f3",
            LINE if i != first_mark else MARK,
            2 if i != first_mark else 4,
        )
        body += badge(i, 40, y + h / 2)
        for j, line in enumerate(lines):
            body += text(
                64, y + 34 + 24 * j, fits(line, 18, WIDTH - 90), 18, 700 if j == 0 else 400
            )
        y += h
        if i < len(items):
            body += arrow(WIDTH / 2 + 10, y + 2, WIDTH / 2 + 10, y + 26)
            y += 30
    if note:
        body += text(WIDTH / 2, y + 28, note, 15, 400, "middle", MUTED)
        y += 40
    return wrap(body, y + 14, title)


def table(title: str, head: tuple[str, str], rows: list[tuple[str, str]], note: str = "") -> str:
    """Two columns of boxes: a comparison at a glance."""
    y = 14
    half = (WIDTH - 36) / 2
    body = rect(12, y, half, 40, LINE, LINE) + text(
        12 + half / 2, y + 27, head[0], 18, 700, "middle", "#fff"
    )
    body += rect(24 + half, y, half, 40, LINE, LINE) + text(
        24 + half * 1.5, y + 27, head[1], 18, 700, "middle", "#fff"
    )
    y += 50
    for left, right in rows:
        lines = max(len(left.split("\n")), len(right.split("\n")))
        h = 20 + 24 * lines
        body += rect(12, y, half, h, PALE) + rect(24 + half, y, half, h, "#fff")
        for j, line in enumerate(left.split("\n")):
            body += text(24, y + 30 + 24 * j, fits(line, 17, half - 20), 17, 700)
        for j, line in enumerate(right.split("\n")):
            body += text(36 + half, y + 30 + 24 * j, fits(line, 17, half - 20), 17)
        y += h + 8
    if note:
        body += text(WIDTH / 2, y + 22, note, 15, 400, "middle", MUTED)
        y += 34
    return wrap(body, y + 10, title)
