"""The templates of the pages, with what every page shows: who is logged in, what they may
open, and the form token their forms send back."""

from __future__ import annotations

from importlib import resources
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates

NAV: list[tuple[str, str, str]] = [
    # (action needed, link, label)
    ("screen", "/", "Screen a name"),
    ("decisions.create", "/decide", "Decide a shipment"),
    ("applications.read", "/ui/applications", "Applications"),
    ("authorizations.read", "/ui/authorizations", "Authorizations"),
    ("redlist.read", "/ui/redlist", "Red list"),
    ("registry.read", "/ui/party", "Ownership"),
]


def _page_globals(request: Request) -> dict[str, Any]:
    principal = getattr(request.state, "principal", None)
    links = [(href, label) for action, href, label in NAV if principal and principal.may(action)]
    return {
        "principal": principal,
        "csrf": getattr(request.state, "csrf", ""),
        "nav": links,
    }


templates = Jinja2Templates(
    directory=str(resources.files("veu.web") / "templates"),
    context_processors=[_page_globals],
)
