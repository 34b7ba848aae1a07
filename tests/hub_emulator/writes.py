"""What a PUT (or an admin seed) may store and what a DELETE may remove, or the error answer.

The checks, in the order a PUT meets them (README.md "PUT body and validation"):
name (400 InvalidResourceName), body against the swagger (400 InvalidRequestContent), fields only
a create may set (400 PropertyChangeNotAllowed), then the server defaults are filled in.
"""

import json
from typing import Any

from .messages import IncomingRequest, InvalidJsonError, Response, arm_error
from .model import ResourceKind
from .resources import ModelStore
from .schema import Violation, validate_definition_body


def _error_list(code: str, message: str, status: int, problems: list[tuple[str, str]]) -> Response:
    """An ARM error whose details hold one {code, target, message} per (target, message) problem."""
    details = [{"code": code, "target": target or "(root)", "message": text} for target, text in problems]
    return arm_error(status, code, message, details=details)


def _invalid_content(violations: list[Violation]) -> Response:
    message = "The request content is invalid: " + "; ".join(str(violation) for violation in violations)
    return _error_list("InvalidRequestContent", message, 400, [(violation.path, str(violation)) for violation in violations])


def _create_only_changes(kind: ResourceKind, name: str, definition: dict[str, Any],
                         previous: dict[str, Any] | None) -> dict[str, Any] | Response:
    """The definition with the create-only fields an update left out kept; 400 when an update changes one."""
    if previous is None:
        return definition
    kept = dict(definition)
    for field_name in kind.create_only:
        if field_name not in definition:
            if field_name in previous:
                kept[field_name] = previous[field_name]
        elif definition[field_name] != previous.get(field_name):
            return arm_error(400, "PropertyChangeNotAllowed",
                             f"{field_name} of {kind.label} '{name}' can only be set when it is created: it is "
                             f"{json.dumps(previous.get(field_name))}, the request says {json.dumps(definition[field_name])}.")
    return kept


def definition_from_request(kind: ResourceKind, name: str, request: IncomingRequest, store: ModelStore,
                            config: dict[str, Any]) -> dict[str, Any] | Response:
    """The definition a PUT (or admin seed) of kind/name stores, or the answer explaining why not."""
    name_error = kind.name_error(name)
    if name_error is not None:
        return arm_error(400, "InvalidResourceName", name_error)
    try:
        document = request.json_body()
    except InvalidJsonError as error:
        return arm_error(400, "InvalidJson", str(error))
    return checked_definition(kind, name, document, store, config)


def checked_definition(kind: ResourceKind, name: str, document: Any, store: ModelStore, config: dict[str, Any]) -> dict[str, Any] | Response:
    """The definition to store for a valid name and a parsed body (server defaults filled in), or the error answer."""
    definition, violations = validate_definition_body(document, kind.definition, kind.wrapper)
    if violations:
        return _invalid_content(violations)
    existing = store.find(kind, name)
    previous = existing.definition if existing is not None else None
    definition = _create_only_changes(kind, name, definition, previous)
    if isinstance(definition, Response):
        return definition
    return kind.fill_defaults(name, definition, previous, config)
