"""What a PUT (or an admin seed) may store and what a DELETE may remove, or the error answer.

The checks, in the order a PUT meets them (README.md "PUT body and validation"):
name (400 InvalidResourceName), body against the swagger (400 InvalidRequestContent), fields only
a create may set (400 PropertyChangeNotAllowed), server defaults, unique apiEntitySetName (400
DuplicateApiEntitySetName), the resource's own references (400 InvalidReference), and the
references of other resources the change would break (409 Conflict). A DELETE meets the last one.
"""

import json
from typing import Any

from .integrity import dangling, entity_set_owner, newly_broken, with_change
from .messages import IncomingRequest, InvalidJsonError, Response, arm_error
from .model import ResourceKind
from .resources import ModelStore, ModelView
from .schema import Violation, validate_definition_body


def _error_list(code: str, message: str, status: int, problems: list[tuple[str, str]]) -> Response:
    """An ARM error whose details hold one {code, target, message} per (target, message) problem."""
    details = [{"code": code, "target": target or "(root)", "message": text} for target, text in problems]
    return arm_error(status, code, message, details=details)


def _invalid_content(violations: list[Violation]) -> Response:
    message = "The request content is invalid: " + "; ".join(str(violation) for violation in violations)
    return _error_list("InvalidRequestContent", message, 400, [(violation.path, str(violation)) for violation in violations])


def _invalid_references(kind: ResourceKind, name: str, problems: list[Violation]) -> Response:
    message = f"The {kind.label} '{name}' refers to what does not exist: " + "; ".join(str(problem) for problem in problems)
    return _error_list("InvalidReference", message, 400, [(problem.path, str(problem)) for problem in problems])


def _still_referenced(kind: ResourceKind, name: str, model_after: ModelView, model: ModelView, deleting: bool) -> Response | None:
    """409 naming the resources whose references the change would break, or None when there are none."""
    broken = newly_broken(model, model_after, (kind, name))
    if not broken:
        return None
    # What a deletion breaks are references to the resource itself: where they are says it all.
    entries = [(f"{referrer.collection}/{referrer_name}", f"{referrer.label} '{referrer_name}'",
                f"{problem.path} refers to it" if deleting else str(problem))
               for referrer, referrer_name, problem in broken]
    message = (f"The {kind.label} '{name}' cannot be {'deleted' if deleting else 'changed this way'}: it is still referenced by "
               + "; ".join(f"{who} ({reason})" for _target, who, reason in entries) + ".")
    return _error_list("Conflict", message, 409, [(target, reason) for target, _who, reason in entries])


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
                            config: dict[str, Any], arm: bool = False) -> dict[str, Any] | Response:
    """The definition a PUT (or admin seed) of kind/name stores, or the answer explaining why not.

    ARM (arm=True) takes only the <Type>ResourceFormat wrapper; the Hub API the flat definition too.
    """
    name_error = kind.name_error(name)
    if name_error is not None:
        return arm_error(400, "InvalidResourceName", name_error)
    try:
        document = request.json_body()
    except InvalidJsonError as error:
        return arm_error(400, "InvalidJson", str(error))
    if arm and not (isinstance(document, dict) and isinstance(document.get("properties"), dict)):
        return arm_error(400, "InvalidRequestContent", f"The request content is invalid: Azure Resource Manager takes a "
                         f"{kind.wrapper}, with the definition under 'properties'.")
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
    definition = kind.fill_defaults(name, definition, previous, config)
    model = store.view()
    owner = entity_set_owner(kind, name, definition, model)
    if owner is not None:
        return arm_error(400, "DuplicateApiEntitySetName",
                         f"The apiEntitySetName '{definition['apiEntitySetName']}' is already used by {owner[0].label} '{owner[1]}': "
                         "it must be unique across the profiles and interactions of a hub.")
    model_after = with_change(model, kind, name, definition)
    problems = dangling(kind, name, definition, model_after)
    if problems:
        return _invalid_references(kind, name, problems)
    return _still_referenced(kind, name, model_after, model, deleting=False) or definition


def deletion_conflict(kind: ResourceKind, name: str, store: ModelStore) -> Response | None:
    """409 when other resources still refer to kind/name (or its fields), else None."""
    model = store.view()
    return _still_referenced(kind, name, with_change(model, kind, name, None), model, deleting=True)
