"""The OpenAPI 3.1 document of the HTTP API (``/openapi.json``), kept beside the handlers in
:mod:`web.api`; ``tests/web/test_api_schema.py`` checks the API against it."""

from __future__ import annotations

from typing import Any

from projections.queries import KINDS, MAX_LIMIT, RAG, SCHEMA
from tracker.state import MOTION_STATUSES

_NULLABLE_STRING = {"type": ["string", "null"]}
_DATE = {"type": "string", "format": "date"}


def _query(name: str, schema: dict[str, Any], description: str) -> dict[str, Any]:
    if schema.get("type") == "string" and "enum" not in schema:
        schema = schema | {"minLength": 1}
    return {"name": name, "in": "query", "required": False, "schema": schema,
            "description": description}  # fmt: skip


def _filters(*, status: bool = True) -> list[dict[str, Any]]:
    found = [
        _query("body", {"type": "string"}, "Only this council body (exact)."),
        _query("committee", {"type": "string"}, "Only this committee (exact)."),
        _query("office", {"type": "string"}, "Only this office, Federführung (exact)."),
        _query("initiator", {"type": "string"}, "Motions with an initiator containing this."),
        _query(
            "public",
            {"type": "string", "enum": ["true", "false"]},
            "Only public (true) or non-public (false) motions; public visitors: always true.",
        ),
        _query("kind", {"type": "string", "enum": list(KINDS)}, "Kind of obligation."),
        _query("as_of", _DATE, "The board as it stood on this date."),
    ]
    if status:
        found += [
            _query("status", {"type": "string", "enum": list(MOTION_STATUSES)}, "Motion status."),
            _query("rag", {"type": "string", "enum": list(RAG)}, "Red, amber or green."),
            _query("stale", {"type": "string", "enum": ["true", "false"]}, "Only stale motions."),
        ]
    return found


def _page_params() -> list[dict[str, Any]]:
    return [
        _query("limit", {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT}, "Page size."),
        _query("offset", {"type": "integer", "minimum": 0, "maximum": 10**9}, "Rows skipped."),
    ]


def _errors(*codes: int) -> dict[str, Any]:
    text = {400: "Bad input (German message)", 401: "No valid API token",
            403: "Not allowed for this user", 404: "Unknown, or not public",
            409: "Changed meanwhile, or a rule forbids it"}  # fmt: skip
    return {
        str(code): {
            "description": text[code],
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
        }
        for code in codes
    }


def _ok(ref: str, code: int = 200) -> dict[str, Any]:
    return {
        str(code): {
            "description": "OK",
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{ref}"}}},
        }
    }


def document(base_url: str) -> dict[str, Any]:
    """The document, with ``base_url`` as its server."""
    item_keys = {
        "id": {"type": "string"}, "motion_id": {"type": "string", "format": "uuid"},
        "reference": {"type": "string"}, "title": {"type": "string"},
        "body": {"type": "string"}, "committee": _NULLABLE_STRING,
        "office": _NULLABLE_STRING, "due": _NULLABLE_STRING, "status": {"type": "string"},
        "motion_status": {"type": "string", "enum": list(MOTION_STATUSES)},
        "rag": {"type": ["string", "null"], "enum": [*RAG, None]},
        "stale": {"type": "boolean"}, "progress": {"type": ["object", "null"]},
    }  # fmt: skip
    motion_id = {"name": "motion_id", "in": "path", "required": True,
                 "schema": {"type": "string", "format": "uuid"}}  # fmt: skip
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "tracker: Beschlusskontrolle",
            "version": "1",
            "description": "The deadline board of council decisions. The listings answer with "
            "the JSON of `tracker overdue|due|stats --format json` (docs/board-schema.md).",
        },
        "servers": [{"url": base_url}],
        "paths": {
            "/api/overdue": {
                "get": {
                    "summary": "Overdue obligations, most overdue first",
                    "parameters": [*_filters(), *_page_params()],
                    "responses": _ok("Page") | _errors(400, 401),
                }
            },
            "/api/due": {
                "get": {
                    "summary": "Open obligations due within `within` days",
                    "parameters": [
                        *_filters(),
                        *_page_params(),
                        _query(
                            "within",
                            {"type": "integer", "minimum": 0, "maximum": 3660},
                            "Days ahead (today included).",
                        ),
                    ],
                    "responses": _ok("Page") | _errors(400, 401),
                }
            },
            "/api/stats": {
                "get": {
                    "summary": "Per office and committee statistics",
                    "parameters": _filters(status=False),
                    "responses": _ok("Stats") | _errors(400, 401),
                }
            },
            "/api/motions/{motion_id}": {
                "get": {
                    "summary": "One motion, as `tracker show --format json`",
                    "parameters": [motion_id],
                    "responses": _ok("Motion") | _errors(401, 404),
                }
            },
            "/api/motions/{motion_id}/progress": {
                "post": {
                    "summary": "Record a Sachstand (`tracker progress`)",
                    "security": [{"token": []}],
                    "parameters": [motion_id],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/Progress"}
                            }
                        },
                    },
                    "responses": _ok("Recorded", 201) | _errors(400, 401, 403, 404, 409),
                }
            },
            "/healthz": {
                "get": {
                    "summary": "The server and its store answer",
                    "responses": {
                        "200": {
                            "description": "OK",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "required": ["status"],
                                        "properties": {"status": {"const": "ok"}},
                                    }
                                }
                            },
                        }
                    },
                }
            },
        },
        "components": {
            "securitySchemes": {"token": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "Error": {
                    "type": "object",
                    "required": ["error"],
                    "properties": {"error": {"type": "string"}},
                },
                "Item": {"type": "object", "required": list(item_keys), "properties": item_keys},
                "Page": {
                    "type": "object",
                    "required": [
                        "schema",
                        "query",
                        "date",
                        "as_of",
                        "filters",
                        "total",
                        "limit",
                        "offset",
                        "items",
                    ],
                    "properties": {
                        "schema": {"const": SCHEMA},
                        "query": {"enum": ["overdue", "due"]},
                        "date": _DATE,
                        "as_of": {"type": ["string", "null"]},
                        "filters": {"type": "object"},
                        "within_days": {"type": "integer"},
                        "total": {"type": "integer", "minimum": 0},
                        "limit": {"type": "integer"},
                        "offset": {"type": "integer"},
                        "items": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}},
                    },
                },
                "Stats": {
                    "type": "object",
                    "required": ["schema", "query", "date", "filters", "by_office", "by_committee"],
                    "properties": {
                        "schema": {"const": SCHEMA},
                        "query": {"const": "stats"},
                        "by_office": {"type": "array"},
                        "by_committee": {"type": "array"},
                    },
                },
                "Motion": {
                    "type": "object",
                    "required": [
                        "id",
                        "reference",
                        "body",
                        "title",
                        "status",
                        "deadlines",
                        "progress",
                        "history",
                        "board",
                        "version",
                    ],
                    "properties": {
                        "id": {"type": "string", "format": "uuid"},
                        "deadlines": {"type": "array"},
                        "history": {"type": "array"},
                        "board": {"type": "array"},
                        "version": {"type": "integer"},
                    },
                },
                "Progress": {
                    "type": "object",
                    "required": ["text"],
                    "additionalProperties": False,
                    "properties": {
                        "text": {"type": "string", "minLength": 1},
                        "reason": _NULLABLE_STRING,
                        "next": _NULLABLE_STRING,
                        "expected": {"type": ["string", "null"], "format": "date"},
                        "on": {"type": ["string", "null"], "format": "date"},
                        "version": {"type": "integer"},
                    },
                },
                "Recorded": {
                    "type": "object",
                    "required": ["motion_id", "appended", "version"],
                    "properties": {
                        "motion_id": {"type": "string"},
                        "appended": {"type": "integer"},
                        "version": {"type": "integer"},
                    },
                },
            },
        },
    }
