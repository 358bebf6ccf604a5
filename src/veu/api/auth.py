"""Authentication and authorization of every HTTP request.

A request carries an API key (``Authorization: Bearer <key>`` or ``X-API-Key: <key>``) or, from
the pages, a session cookie set by ``/login``. Session requests that change something must also
carry the session's form token (``X-CSRF-Token`` header or a ``csrf`` form field). Each route
names the action it performs (`veu.services.access.PERMISSIONS`); a request without a valid
identity gets 401, one whose role may not act gets 403, and either is recorded in the audit log
(the only trace it leaves).
"""

from __future__ import annotations

import hmac
from typing import Any
from urllib.parse import parse_qs

from fastapi import Depends, Request
from fastapi.concurrency import run_in_threadpool

from veu.errors import Forbidden
from veu.services import access
from veu.services.access import Principal, Unauthenticated
from veu.services.context import Context

SESSION_COOKIE = "veu_session"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


class LoginRequired(Unauthenticated):
    """A page asked for without a session: the pages send the person to the login form."""


def _key(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return request.headers.get("x-api-key") or None


async def _form_token(request: Request) -> str | None:
    token = request.headers.get("x-csrf-token")
    if token:
        return token
    if request.headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
        body = (await request.body()).decode("utf-8", errors="replace")
        return parse_qs(body).get("csrf", [None])[0]
    return None


async def identify(request: Request, *, page: bool = False) -> Principal:
    """Who sends the request; raises 401 (audited) when nobody valid does. For pages without a
    session, `LoginRequired` (not audited: the person is sent to log in)."""
    ctx: Context = request.app.state.ctx
    subject = f"{request.method} {request.url.path}"
    key = _key(request)
    if key is not None:
        principal = await run_in_threadpool(access.by_key, ctx, key)
        if principal is None:
            raise await run_in_threadpool(
                access.refused,
                ctx,
                "anonymous",
                "authenticate",
                subject,
                Unauthenticated("the API key is not valid (or its user is disabled)"),
            )
        return principal
    token = request.cookies.get(SESSION_COOKIE)
    found = await run_in_threadpool(access.by_session, ctx, token) if token else None
    if found is None:
        if page:
            raise LoginRequired("log in to see this page")
        raise await run_in_threadpool(
            access.refused,
            ctx,
            "anonymous",
            "authenticate",
            subject,
            Unauthenticated(
                "authentication required: send an API key (Authorization: Bearer <key>) or log in"
            ),
        )
    principal, csrf = found
    if request.method not in SAFE_METHODS:
        sent = await _form_token(request)
        if not sent or not hmac.compare_digest(sent, csrf):
            raise await run_in_threadpool(
                access.refused,
                ctx,
                principal.name,
                "csrf",
                subject,
                Forbidden("the form token is missing or stale: reload the page"),
            )
    request.state.csrf = csrf
    return principal


def allow(action: str, *, page: bool = False) -> Any:
    """A route dependency: the principal, once it is known and its role may do ``action``."""
    if action not in access.PERMISSIONS:
        raise KeyError(f"unknown action {action}")

    async def dependency(request: Request) -> Principal:
        request.state.page = page
        principal = await identify(request, page=page)
        request.state.principal = principal
        ctx: Context = request.app.state.ctx
        await run_in_threadpool(
            access.require, ctx, principal, action, f"{request.method} {request.url.path}"
        )
        return principal

    return Depends(dependency)


def anyone(*, page: bool = False) -> Any:
    """A route dependency: any authenticated principal (what it sees is up to the service)."""

    async def dependency(request: Request) -> Principal:
        request.state.page = page
        principal = await identify(request, page=page)
        request.state.principal = principal
        return principal

    return Depends(dependency)
