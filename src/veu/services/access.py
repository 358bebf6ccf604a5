"""Who may do what: users and their roles, API keys (stored only as SHA-256 hashes), page
sessions, and the permission table every adapter asks before acting.

Roles (VEU-SPEC "Users and roles"): ``officer`` (the authority), ``exporter`` (compliance staff at
an exporting firm), ``applicant`` (a company seeking VEU status), ``auditor`` (reads everything,
changes nothing). The command line acts on the local database as ``admin``, recorded under the
operating-system user's name. Which rows of a kind a user sees (an applicant its own applications,
an exporter its own decisions) is decided by the services, with `Principal.sees_all`.
"""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import secrets
import uuid
from dataclasses import dataclass
from typing import Literal, get_args

from veu.errors import Conflict, Forbidden, InvalidInput, NotFound, Problem, VeuError
from veu.services.context import Context
from veu.store import audit
from veu.store.programme import SessionRow, UserRow

Role = Literal["officer", "exporter", "applicant", "auditor"]
ROLES: tuple[Role, ...] = get_args(Role)

OFFICER: frozenset[str] = frozenset({"officer"})
READERS: frozenset[str] = frozenset({"officer", "auditor"})

# action -> roles allowed. ``admin`` (the command line) may do everything.
PERMISSIONS: dict[str, frozenset[str]] = {
    "screen": frozenset({"officer", "exporter", "auditor"}),
    "lists.read": frozenset({"officer", "exporter", "auditor"}),
    "lists.change": OFFICER,
    "policy.read": frozenset(ROLES),
    "decisions.create": frozenset({"officer", "exporter"}),
    "decisions.read": frozenset({"officer", "exporter", "auditor"}),  # exporters: their own
    "shipments.record": frozenset({"exporter"}),
    "shipments.read": frozenset({"officer", "exporter", "auditor"}),  # exporters: their own
    "applications.file": frozenset({"applicant"}),
    "applications.read": frozenset({"officer", "applicant", "auditor"}),  # applicants: own
    "applications.amend": frozenset({"applicant"}),  # their own
    "applications.review": OFFICER,
    "authorizations.read": frozenset({"officer", "applicant", "auditor"}),  # applicants: own
    "authorizations.change": OFFICER,
    "redlist.read": frozenset({"officer", "exporter", "auditor"}),
    "redlist.change": OFFICER,
    "registry.read": frozenset({"officer", "exporter", "auditor"}),
    "registry.change": OFFICER,
    "notices.read": READERS,
    "audit.read": READERS,
}

SESSION_HOURS = 12


@dataclass(frozen=True)
class Principal:
    """Who is acting: a user (with a role) or the command line's administrator."""

    name: str
    role: Role | Literal["admin"]
    party: str | None = None
    user_id: str | None = None

    @property
    def sees_all(self) -> bool:
        """Sees every row of what it may read (not only its own)."""
        return self.role in ("officer", "auditor", "admin")

    def may(self, action: str) -> bool:
        if action not in PERMISSIONS:
            raise KeyError(f"unknown action {action}")
        return self.role == "admin" or self.role in PERMISSIONS[action]


def cli_principal() -> Principal:
    """The command line: an administrator, recorded under the operating-system user's name."""
    try:
        name = getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or the password database
        name = "unknown-os-user"
    return Principal(name=name, role="admin")


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def new_key() -> str:
    return "veu_" + secrets.token_urlsafe(32)


def require(ctx: Context, principal: Principal, action: str, subject: str = "") -> None:
    """Refuse (403, with an audit record of the refusal) what the principal's role may not do."""
    if not principal.may(action):
        raise refused(
            ctx,
            principal.name,
            action,
            subject,
            Forbidden(f"the {principal.role} role may not {action.replace('.', ' ')}"),
        )


def require_party(ctx: Context, principal: Principal, action: str, name: str) -> None:
    """An applicant or exporter acts only for its own company: refuse (403, audited) a request
    made for another one. Names compare in their normalised form."""
    from veu.policy.world import party_key

    if principal.role not in ("applicant", "exporter"):
        return
    if party_key(name) != party_key(principal.party or ""):
        raise refused(
            ctx,
            principal.name,
            action,
            name,
            Forbidden(f"{principal.name} acts for {principal.party}, not for {name}"),
        )


class Unauthenticated(VeuError):
    code = "unauthenticated"
    status = 401


def refused(ctx: Context, who: str, action: str, subject: str, error: VeuError) -> VeuError:
    """Record a refused request in the audit log (the only trace it leaves) and return the
    error to raise."""
    now = ctx.now()
    with ctx.write() as uow:
        audit.append(
            uow.conn,
            at=now,
            actor=who,
            action="access.refused",
            subject=subject or action,
            payload={"action": action, "status": error.status, "reason": error.message},
        )
        uow.commit()
    return error


def add_user(
    ctx: Context, name: str, role: str, *, party: str | None, actor: Principal
) -> tuple[UserRow, str]:
    """Create a user; returns it and its API key (shown once: only its hash is kept)."""
    name = name.strip()
    problems = []
    if not name or len(name) > 255 or any(c.isspace() for c in name):
        problems.append(Problem("a user name is 1 to 255 characters, without spaces", field="name"))
    if role not in ROLES:
        problems.append(Problem(f"unknown role {role!r}; one of {', '.join(ROLES)}", field="role"))
    if role in ("applicant", "exporter") and not (party and party.strip()):
        problems.append(
            Problem(f"an {role} acts for a company: give its name (--party)", field="party")
        )
    if problems:
        raise InvalidInput("cannot add the user", problems)
    key = new_key()
    row = UserRow(
        id=uuid.uuid4().hex,
        name=name,
        role=role,
        party=party.strip() if party else None,
        key_hash=hash_key(key),
        created_at=ctx.now(),
        active=True,
    )
    with ctx.write() as uow:
        if uow.users.by_name(name) is not None:
            raise Conflict(f"a user named {name} exists already")
        uow.users.add(row)
        audit.append(
            uow.conn,
            at=row.created_at,
            actor=actor.name,
            action="user.added",
            subject=name,
            payload={"role": role, "party": row.party},
        )
        uow.commit()
    return row, key


def set_active(ctx: Context, name: str, active: bool, *, actor: Principal) -> UserRow:
    """Disable a user (its key and sessions stop working) or enable it again."""
    with ctx.write() as uow:
        user = uow.users.by_name(name)
        if user is None:
            raise NotFound(f"no user {name}")
        uow.users.update(user.id, active=active)
        if not active:
            uow.users.end_sessions_of(user.id)
        audit.append(
            uow.conn,
            at=ctx.now(),
            actor=actor.name,
            action="user.enabled" if active else "user.disabled",
            subject=name,
            payload={},
        )
        uow.commit()
    return user


def users(ctx: Context) -> list[UserRow]:
    with ctx.read() as uow:
        return uow.users.all()


def _principal(user: UserRow) -> Principal:
    return Principal(name=user.name, role=user.role, party=user.party, user_id=user.id)  # type: ignore[arg-type]


def by_key(ctx: Context, key: str) -> Principal | None:
    """The active user holding ``key``, if any."""
    if not key or len(key) > 200:
        return None
    with ctx.read() as uow:
        user = uow.users.by_key_hash(hash_key(key))
    return _principal(user) if user and user.active else None


def login(ctx: Context, key: str) -> tuple[str, Principal] | None:
    """Open a page session for the holder of ``key``: (session token, principal)."""
    principal = by_key(ctx, key)
    if principal is None or principal.user_id is None:
        return None
    token = secrets.token_urlsafe(32)
    now = ctx.now()
    with ctx.write() as uow:
        uow.users.add_session(
            SessionRow(
                token_hash=hash_key(token),
                user_id=principal.user_id,
                csrf=secrets.token_urlsafe(24),
                created_at=now,
                expires_at=now + dt.timedelta(hours=SESSION_HOURS),
            )
        )
        audit.append(
            uow.conn,
            at=now,
            actor=principal.name,
            action="session.opened",
            subject=principal.name,
            payload={},
        )
        uow.commit()
    return token, principal


def by_session(ctx: Context, token: str) -> tuple[Principal, str] | None:
    """The principal of a page session and its form token (CSRF), if the session is live."""
    if not token or len(token) > 200:
        return None
    with ctx.read() as uow:
        found = uow.users.session(hash_key(token))
        user = uow.users.by_id(found.user_id) if found else None
    if found is None or user is None or not user.active:
        return None
    expires = (
        found.expires_at if found.expires_at.tzinfo else found.expires_at.replace(tzinfo=dt.UTC)
    )
    if expires <= ctx.now():
        return None
    return _principal(user), found.csrf


def logout(ctx: Context, token: str) -> None:
    with ctx.write() as uow:
        uow.users.end_session(hash_key(token))
        uow.commit()


def ensure_first_officer(ctx: Context, actor: Principal) -> str | None:
    """On a database without users, create the officer ``admin`` and return its key (printed
    once by `veu db init`); otherwise None."""
    with ctx.read() as uow:
        if uow.users.count():
            return None
    _, key = add_user(ctx, "admin", "officer", party=None, actor=actor)
    return key
