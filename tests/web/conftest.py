"""Real headless Chromium (Debian's) driven by Playwright, and the product served in a thread."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
import uvicorn

from tests.conftest import IN_CI
from veu.api.app import create_app
from veu.services.context import Context

CHROMIUM = os.environ.get("VEU_CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(ctx: Context) -> Iterator[str]:
    """The product's server on a free port, in a thread, for as long as the block runs."""
    port = _free_port()
    config = uvicorn.Config(create_app(ctx), host="127.0.0.1", port=port, log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not instance.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        instance.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def server(loaded_ctx: Context) -> Iterator[str]:
    with serving(loaded_ctx) as url:
        yield url


@pytest.fixture(scope="module")
def officer_key(keys: dict[str, str]) -> str:
    return keys["officer"]


def log_in(browser: Any, server: str, key: str, *, javascript: bool = True) -> Any:
    """A new browser context, logged in with ``key`` through the login page; returns a page."""
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    page.goto(server + "/login")
    page.fill("#key", key)
    page.click("form[action='/login'] button[type=submit]")
    page.wait_for_load_state()
    assert "/login" not in page.url, page.content()[:500]
    return page


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not os.path.exists(CHROMIUM):
        if IN_CI:
            pytest.fail(f"CI is set but Chromium is missing at {CHROMIUM}")
        pytest.skip(f"Chromium not installed at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield instance
        instance.close()
