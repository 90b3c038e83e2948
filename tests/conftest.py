"""Test-wide settings.

Property tests explore new random inputs on every developer run; on CI (``CI`` set, as
GitHub Actions and our own runner do) they replay a fixed sequence, so a landing never
depends on the draw. A failure found locally is kept as an explicit test.
"""
import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
