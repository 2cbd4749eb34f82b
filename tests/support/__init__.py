"""Helpers shared by the test suites: a real local HTTP server, Chromium, built-site parsing."""
