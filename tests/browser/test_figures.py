"""Figures in Chromium: readable at phone width, larger on click, no outside request."""

from __future__ import annotations


def test_figure_fits_a_phone_and_opens_larger_on_click(page, site_url: str) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{site_url}/devices/wifi/")
    image = page.locator("figure img").first
    image.scroll_into_view_if_needed()
    box = image.bounding_box()
    assert box and 280 <= box["width"] <= 360, box  # the drawing uses the phone's width
    assert page.locator("figure figcaption").first.inner_text().strip()
    image.click()
    slide = page.locator(".gslide-image img")
    slide.wait_for(state="visible")
    assert slide.get_attribute("alt")  # the larger picture keeps its alt text
    page.keyboard.press("Escape")
    page.locator(".glightbox-container").wait_for(state="detached")
