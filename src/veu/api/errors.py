"""The one place errors become HTTP responses, all in one envelope:
``{"error": {"code": ..., "message": ..., "problems": [{"reason", "file", "line", "field"}]}}``."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from veu.errors import InvalidInput, Problem, VeuError


def envelope(error: VeuError) -> dict[str, Any]:
    return {"error": error.as_dict()}


def _field(loc: tuple[Any, ...] | list[Any]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path")]
    return ".".join(parts) or "body"


def install(app: FastAPI) -> None:
    @app.exception_handler(VeuError)
    async def _veu(request: Request, exc: VeuError) -> Response:
        if getattr(request.state, "page", False):
            return _page_error(request, exc)
        return JSONResponse(envelope(exc), status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [Problem(reason=e["msg"], field=_field(e["loc"])) for e in exc.errors()]
        error = InvalidInput("the request is invalid", problems)
        return JSONResponse(envelope(error), status_code=error.status)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        error = VeuError(str(exc.detail))
        error.code = code
        return JSONResponse(envelope(error), status_code=exc.status_code)


def _page_error(request: Request, exc: VeuError) -> Response:
    """Errors on the pages: to the login form when there is no session, else a page saying
    what went wrong."""
    from veu.api.auth import LoginRequired
    from veu.web.templating import templates

    if isinstance(exc, LoginRequired):
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={quote(target)}", status_code=303)
    return templates.TemplateResponse(request, "error.html", {"error": exc}, status_code=exc.status)
