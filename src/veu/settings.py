"""Typed settings, read from the environment (prefix ``VEU_``) and validated at start-up.

Settings are passed to the services and adapters that need them; nothing imports a global.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEV_SECRET = "development-only-secret-change-me"


class Settings(BaseSettings):
    """Every setting the product reads. Each is documented in docs/settings.md (a test checks)."""

    model_config = SettingsConfigDict(env_prefix="VEU_", extra="ignore")

    environment: Literal["development", "test", "production"] = Field(
        "development", description="Deployment environment; production refuses unsafe defaults."
    )
    database_url: str = Field(
        "sqlite:///veu.db", description="SQLAlchemy URL of the database (SQLite or PostgreSQL)."
    )
    match_threshold: float | None = Field(
        None,
        ge=0.0,
        le=1.0,
        description="Overrides, for screening only, the policy pack's match threshold.",
    )
    review_threshold: float | None = Field(
        None,
        ge=0.0,
        le=1.0,
        description="Overrides, for screening only, the policy pack's review threshold.",
    )
    import_max_reject_share: float = Field(
        0.05,
        ge=0.0,
        le=1.0,
        description="Largest share of rejected rows an import may have and still be written.",
    )
    secret_key: str = Field(DEV_SECRET, description="Key signing session cookies and tokens.")
    host: str = Field("127.0.0.1", description="Address the HTTP server binds to.")
    port: int = Field(8000, ge=1, le=65535, description="Port the HTTP server listens on.")

    @model_validator(mode="after")
    def _check(self) -> Settings:
        if (
            self.review_threshold is not None
            and self.match_threshold is not None
            and self.review_threshold > self.match_threshold
        ):
            raise ValueError("review_threshold must not exceed match_threshold")
        if self.environment == "production" and self.secret_key == DEV_SECRET:
            raise ValueError("VEU_SECRET_KEY must be set to a real secret in production")
        return self
