"""Transport-independent requests and answers, and the error bodies the emulator uses.

The API modules (hub_api, admin_api) turn an IncomingRequest into a Response; only server.py
talks HTTP.
"""

import json
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any


class InvalidJsonError(ValueError):
    """A request body that is not one JSON document."""


@dataclass(frozen=True)
class IncomingRequest:
    method: str
    path: str  # the URL path as sent, still percent-encoded, without the query
    query: dict[str, list[str]]
    headers: dict[str, str]  # header name as sent -> value (repeated headers joined by ", ")
    body: bytes
    root_url: str  # scheme://host[:port] as the client addressed the server (from the Host header)

    def header(self, name: str) -> str | None:
        """Header lookup ignoring case, as HTTP header names are case-insensitive."""
        for header_name, value in self.headers.items():
            if header_name.lower() == name.lower():
                return value
        return None

    def json_body(self) -> Any:
        if not self.body.strip():
            raise InvalidJsonError("The request body is empty; a JSON document is expected.")
        try:
            return json.loads(self.body.decode("utf-8"), parse_constant=_reject_non_json_constant)
        except UnicodeDecodeError as error:
            raise InvalidJsonError(f"The request body is not UTF-8: {error}") from error
        except json.JSONDecodeError as error:
            raise InvalidJsonError(f"The request body is not valid JSON: {error}") from error


def _reject_non_json_constant(constant: str) -> Any:
    # Python's json module accepts NaN and Infinity, which are not JSON.
    raise json.JSONDecodeError(f"{constant} is not a JSON value", constant, 0)


@dataclass
class Response:
    """What to answer: a status, an optional JSON body (None = no body at all) and extra headers."""

    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)

    def encoded_body(self) -> bytes:
        if self.body is None:
            return b""
        return json.dumps(self.body, indent=None, sort_keys=False).encode("utf-8")


def json_response(body: Any, status: int = HTTPStatus.OK, headers: dict[str, str] | None = None) -> Response:
    return Response(status=int(status), body=body, headers=dict(headers or {}))


def arm_error(status: int, code: str, message: str, headers: dict[str, str] | None = None,
              details: list[dict[str, str]] | None = None) -> Response:
    """An error in the ARM convention: {"error": {"code": ..., "message": ..., ["details": [...]]}}."""
    error: dict[str, Any] = {"code": code, "message": message}
    if details:
        error["details"] = details
    return Response(status=int(status), body={"error": error}, headers=dict(headers or {}))


def status_code_name(status: int) -> str:
    """'Service Unavailable' -> 'ServiceUnavailable', the style ARM uses for error codes."""
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        return f"Http{status}"
    return "".join(word[:1].upper() + word[1:] for word in phrase.replace("-", " ").split())
