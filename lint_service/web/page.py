"""The facilitator's web form (GET /). Placeholder until the page lands."""
from __future__ import annotations

from flask import Blueprint

bp = Blueprint("page", __name__)


@bp.get("/")
def index() -> str:
    return "blamelint"
