"""Accessibility checks run in the page: axe-core, focus visibility and contrast."""

from __future__ import annotations

from pathlib import Path
from typing import Any

#: axe-core from npm, pinned by tests/browser/package-lock.json (./scripts/test installs it).
AXE_JS = Path(__file__).resolve().parents[1] / "browser/node_modules/axe-core/axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
#: Best-practice rules checked as well: every landmark has a name of its own.
EXTRA_RULES = ["landmark-unique"]

NARROW = {"width": 360, "height": 740}
WIDE = {"width": 1280, "height": 900}

#: Transitions would let axe see colours halfway through a change of scheme or width.
NO_TRANSITIONS = "*, ::before, ::after { transition: none !important; animation: none !important }"

#: Rules whose result depends on colours only: all a change of palette can alter.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]

_AXE_OPTIONS = """([tags, extra, rules]) => rules ? {runOnly: {type: 'rule', values: rules},
  resultTypes: ['violations']} : {runOnly: {type: 'tag', values: tags},
  rules: Object.fromEntries(extra.map((id) => [id, {enabled: true}])),
  resultTypes: ['violations']}"""

_REPORT = """(violations, extra) => violations
  .filter((v) => v.impact === 'serious' || v.impact === 'critical' || extra.includes(v.id))
  .map((v) => `${v.id} (${v.impact}): ${v.help} — ` +
       JSON.stringify(v.nodes.slice(0, 4).map((n) => n.target.join(' '))))"""

_RUN_AXE = f"""async ([tags, extra, rules, context]) => {{
  const options = ({_AXE_OPTIONS})([tags, extra, rules]);
  const result = await axe.run(context || document, options);
  return ({_REPORT})(result.violations, extra);
}}"""

# Start a run and return at once, so that several pages (each in its own
# renderer process) check in parallel; collect the result with axe_result().
_START_AXE = f"""([tags, extra, rules]) => {{
  const options = ({_AXE_OPTIONS})([tags, extra, rules]);
  window.__wardsiteAxe = axe.run(document, options).then(
    (result) => ({_REPORT})(result.violations, extra),
    (error) => [`axe failed: ${{error}}`]);
}}"""


def inject_axe(page: Any) -> None:
    if not AXE_JS.is_file():
        raise RuntimeError(f"{AXE_JS} is missing: run ./scripts/test (npm ci in tests/browser)")
    page.add_script_tag(path=str(AXE_JS))


def run_axe(page: Any, context: str | list[str] | None = None) -> list[str]:
    """Serious and critical WCAG 2.1 A/AA violations (and duplicate landmarks) on the page.

    axe must already be injected (inject_axe); ``context`` limits the check to a selector.
    """
    return page.evaluate(_RUN_AXE, [WCAG_TAGS, EXTRA_RULES, None, context])


def start_axe(page: Any, rules: list[str] | None = None) -> None:
    """Start axe on the whole page (all WCAG rules, or only ``rules``) without waiting
    for its result.

    First the page gets two frames (at most 200 ms), as a reader always has: the
    site's scripts react to a new viewport in ResizeObserver callbacks (a table
    that starts to scroll becomes a focusable region), which run before the next
    frame. Without this, axe sometimes ran between the resize and the callback.
    """
    page.evaluate(_NEXT_FRAMES)
    page.evaluate(_START_AXE, [WCAG_TAGS, EXTRA_RULES, rules])


_NEXT_FRAMES = """() => new Promise((done) => {
  setTimeout(done, 200);
  requestAnimationFrame(() => requestAnimationFrame(done));
})"""


def axe_result(page: Any) -> list[str]:
    """The violations of the run start_axe started."""
    return page.evaluate("() => window.__wardsiteAxe")


def scheme(page: Any) -> str:
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")


def toggle_scheme(page: Any) -> str:
    """Switch light/dark with the palette button in the header, as a reader would."""
    before = scheme(page)
    page.evaluate(
        "document.querySelector('[data-md-component=palette] label:not([hidden])').click()"
    )
    after = scheme(page)
    assert after != before, f"the palette button did not change the scheme ({before})"
    return after


#: What the focused element looks like: its box, whether it shows, and the
#: contrast of its focus ring against what lies behind the ring.
#: The palette toggle is a pair of invisible radios; its visible label carries
#: the ring. The background behind the ring is the element's parents'
#: backgrounds composited (the ring sits outside the element's border box).
FOCUS_STATE = """() => {
  const active = document.activeElement;
  if (!active || active === document.body) return null;
  let shown = active;
  if (active.matches('.md-option')) {
    shown = active.closest('[data-md-component=palette]').querySelector('label:not([hidden])');
  }
  const parse = (c) => {
    const m = c.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return [0, 0, 0, 0];
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const layers = [];
  for (let e = shown.parentElement; e; e = e.parentElement) {
    const c = parse(getComputedStyle(e).backgroundColor);
    if (c[3] > 0) layers.push(c);
    if (c[3] >= 1) break;
  }
  let bg = [255, 255, 255];
  for (const [r, g, b, a] of layers.reverse()) {
    bg = [r * a + bg[0] * (1 - a), g * a + bg[1] * (1 - a), b * a + bg[2] * (1 - a)];
  }
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const style = getComputedStyle(shown);
  const ring = parse(style.outlineColor);
  const l1 = lum(ring), l2 = lum(bg);
  const box = shown.getBoundingClientRect();
  // Covered by something else (a panel over it)? Hit-test its centre.
  const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
  const hit = document.elementFromPoint(x, y);
  const name = shown.getAttribute('aria-label') || shown.title || shown.textContent || '';
  return {
    element: shown.tagName.toLowerCase() + (shown.className ? '.' +
      String(shown.className).trim().split(/\\s+/).join('.') : '') + ' ' + name.trim().slice(0, 30),
    box: [box.left, box.top, box.width, box.height],
    inViewport: box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0 &&
      box.left < innerWidth && box.top < innerHeight,
    visible: style.visibility !== 'hidden' && Number(style.opacity) > 0,
    // Material's tooltips come and go with hover and focus: they do not count.
    covered: !(hit && (shown.contains(hit) || hit.contains(shown) ||
      hit.closest('.md-tooltip, .md-tooltip2'))),
    outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
    contrast: (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05),
    ring: style.outlineColor,
    background: `rgb(${bg.map(Math.round).join(', ')})`,
  };
}"""


def focus_state(page: Any) -> dict[str, Any] | None:
    return page.evaluate(FOCUS_STATE)


def tab_walk(page: Any, limit: int = 150) -> list[dict[str, Any]]:
    """Press Tab from the top of a freshly loaded page until focus leaves it; every stop."""
    stops: list[dict[str, Any]] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = focus_state(page)
        if state is None:
            break
        stops.append(state)
    else:
        raise AssertionError(f"Tab never left the page after {limit} stops")
    return stops


def focus_problems(stops: list[dict[str, Any]]) -> list[str]:
    """Stops that cannot be seen or whose ring is under 3:1 against its background."""
    problems = []
    for stop in stops:
        if not (stop["inViewport"] and stop["visible"]):
            problems.append(f"invisible focus stop: {stop['element']} at {stop['box']}")
        elif stop["covered"]:
            problems.append(f"focus stop covered by something else: {stop['element']}")
        elif not stop["outline"]:
            problems.append(f"no focus ring: {stop['element']}")
        elif stop["contrast"] < 3:
            problems.append(
                f"focus ring {stop['ring']} on {stop['background']} is "
                f"{stop['contrast']:.2f}:1 (< 3:1): {stop['element']}"
            )
    return problems
