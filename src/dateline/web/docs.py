"""``/docs``: the API's reference, drawn on the server from its OpenAPI description.

FastAPI's own docs pages load Swagger UI from a CDN and run inline
script, which the app's Content-Security-Policy forbids and an offline
machine cannot fetch; this page reads the same description
(``/openapi.json``) and needs neither.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from .templating import render

__all__ = ["Operation", "operations", "router"]

router = APIRouter(include_in_schema=False)


@dataclass(frozen=True)
class Operation:
    """One documented route."""

    method: str
    path: str
    summary: str
    description: str
    parameters: list[dict[str, str]]
    responses: list[tuple[str, str]]


def operations(schema: dict[str, Any]) -> list[Operation]:
    """The routes of an OpenAPI description, in path order."""
    found = []
    for path, methods in sorted(schema.get("paths", {}).items()):
        for method, operation in methods.items():
            parameters = [
                {
                    "name": p.get("name", ""),
                    "in": p.get("in", ""),
                    "required": "yes" if p.get("required") else "",
                    "type": _type(p.get("schema", {})),
                    "description": p.get("description", "")
                    or p.get("schema", {}).get("description", ""),
                }
                for p in operation.get("parameters", [])
            ]
            responses = [
                (code, answer.get("description", ""))
                for code, answer in sorted(operation.get("responses", {}).items())
            ]
            found.append(
                Operation(
                    method.upper(),
                    path,
                    operation.get("summary", ""),
                    operation.get("description", ""),
                    parameters,
                    responses,
                )
            )
    return found


def _type(schema: dict[str, Any]) -> str:
    if "anyOf" in schema:
        return " or ".join(_type(s) for s in schema["anyOf"] if s.get("type") != "null")
    if schema.get("type") == "array":
        return f"list of {_type(schema.get('items', {}))}"
    if "enum" in schema:
        return " | ".join(str(v) for v in schema["enum"])
    return str(schema.get("type", "any"))


@router.get("/docs", response_class=HTMLResponse)
def docs_page(request: Request) -> HTMLResponse:
    """The API reference."""
    return render(request, "docs.html", operations=operations(request.app.openapi()))
