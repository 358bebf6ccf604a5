"""The HTTP API (FastAPI) and the web pages, on one application built around a `Context`."""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel

from veu import __version__
from veu.api import errors
from veu.api.auth import allow
from veu.services import lists, screening
from veu.services.access import Principal
from veu.services.context import Context
from veu.services.policies import pack_for
from veu.services.world import world_of

log = logging.getLogger("veu")


class ListOut(BaseModel):
    list: str
    title: str
    title_zh: str | None
    kind: str
    authority: str
    entries: int
    source: str | None
    data_date: str | None
    list_snapshot: str | None


class ListsOut(BaseModel):
    snapshot: str | None
    lists: list[ListOut]


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    404: {"description": "Not found (for example: no lists loaded yet)"},
    422: {"description": "Invalid request: every bad field is named in `error.problems`"},
}


def warm(ctx: Context) -> None:
    """Build the screening index and the decision world of the current snapshot, so the first
    requests do not wait for them. Failures are only logged: requests build what they need."""
    try:
        snapshot = lists.require_snapshot(ctx)
        world_of(ctx, snapshot, pack_for(ctx.today()))
        log.info("screening index and decision world ready for snapshot %s", snapshot[:12])
    except Exception as exc:
        log.warning("warm-up skipped: %s", exc)


def create_app(ctx: Context, *, warm_up: bool = False) -> FastAPI:
    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if warm_up:
            threading.Thread(target=warm, args=(ctx,), name="veu-warm-up", daemon=True).start()
        yield

    app = FastAPI(
        lifespan=lifespan,
        title="veu",
        version=__version__,
        description="Validated end-user export control for rare earths: the red list, "
        "screening of party names in any script, shipment decisions, and the VEU programme "
        "(applications, review, authorizations, quantities). Every call except `/health` is "
        "authenticated: send `Authorization: Bearer <key>` (or `X-API-Key: <key>`) with a key "
        "from `veu users add`.",
    )
    app.state.ctx = ctx
    errors.install(app)

    @app.get("/health", tags=["meta"])
    def health() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    @app.get("/lists", response_model=ListsOut, tags=["lists"])
    def get_lists(_by: Annotated[Principal, allow("lists.read")]) -> ListsOut:
        """Every list with its entry count, source, date of its data and list snapshot."""
        snapshot, rows = lists.summary(ctx)
        return ListsOut(
            snapshot=snapshot,
            lists=[
                ListOut(
                    list=r.info.id,
                    title=r.info.title,
                    title_zh=r.info.title_zh,
                    kind=r.info.kind.value,
                    authority=r.info.authority,
                    entries=r.snapshot.entry_count if r.snapshot else 0,
                    source=r.snapshot.source if r.snapshot else None,
                    data_date=r.snapshot.data_date.isoformat() if r.snapshot else None,
                    list_snapshot=r.snapshot.id if r.snapshot else None,
                )
                for r in rows
            ],
        )

    @app.post(
        "/screen",
        response_model=screening.ScreenResult,
        tags=["screening"],
        responses=ERROR_RESPONSES,
    )
    async def post_screen(
        request: screening.ScreenRequest, _by: Annotated[Principal, allow("screen")]
    ) -> screening.ScreenResult:
        """Screen a party name (any script) against every list, as of a date; best first.
        ``match`` says only that the names match; ``listing_in_force`` says whether the listing
        applies on the date."""
        return await run_in_threadpool(screening.screen, ctx, request)

    from veu.api.decisions import router as decisions_router
    from veu.api.programme import router as programme_router
    from veu.web.pages import router as web_router
    from veu.web.programme import router as web_programme_router

    app.include_router(decisions_router)
    app.include_router(programme_router)
    app.include_router(web_router)
    app.include_router(web_programme_router)
    return app
