"""The emulated Hub API: relationship links, operations and the AAD token endpoint.

handle() is called with EmulatorState.lock held, after fault injection; it never does I/O.
"""

import re
from typing import Any, Callable
from urllib.parse import unquote

from . import SUPPORTED_API_VERSIONS
from .auth import authorize, issue_aad_token, required_right
from .links import LroSettings, apply_default_link_type
from .messages import IncomingRequest, InvalidJsonError, Response, arm_error, json_response
from .schema import Violation, validate_definition_body
from .state import EmulatorState

LINKS_PATH = ("manage", "model", "relationshipLinks")
OPERATIONS_PATH = ("manage", "model", "operations")
AAD_TOKEN_PATH = ("oauth2", "v2.0", "token")

# From the swagger's PUT parameter; fullmatch, because "$" in a pattern also matches before a final newline.
LINK_NAME_PATTERN = re.compile(r"[a-zA-Z][a-zA-Z0-9_]+")
MAX_LINK_NAME_LENGTH = 512

HubHandler = Callable[[IncomingRequest, EmulatorState, str, str], Response]


def _check_link_name(name: str) -> Response | None:
    """The 400 answer for a name a PUT may not use, or None when the name is valid."""
    if len(name) <= MAX_LINK_NAME_LENGTH and LINK_NAME_PATTERN.fullmatch(name):
        return None
    return arm_error(400, "InvalidResourceName",
                     f"The relationship link name '{name}' is invalid: it must match ^[a-zA-Z][a-zA-Z0-9_]+$ "
                     f"and be at most {MAX_LINK_NAME_LENGTH} characters long.")


def definition_to_store(request: IncomingRequest, name: str, state: EmulatorState) -> dict[str, Any] | Response:
    """The definition a link PUT (or an admin seed) stores, or the 400 answer explaining what is wrong.

    Checks the name, parses and validates the body, and fills in the default linkType.
    """
    invalid_name = _check_link_name(name)
    if invalid_name is not None:
        return invalid_name
    try:
        document = request.json_body()
    except InvalidJsonError as error:
        return arm_error(400, "InvalidJson", str(error))
    definition, violations = validate_definition_body(document, "RelationshipLinkDefinition", "RelationshipLinkResourceFormat")
    if violations:
        return _invalid_content(violations)
    return apply_default_link_type(definition, state.config["default_link_type"])


def _invalid_content(violations: list[Violation]) -> Response:
    details = [{"code": "InvalidRequestContent", "target": violation.path or "(root)", "message": str(violation)}
               for violation in violations]
    message = "The request content is invalid: " + "; ".join(str(violation) for violation in violations)
    return arm_error(400, "InvalidRequestContent", message, details=details)


def _not_found(state: EmulatorState, name: str) -> Response:
    return arm_error(404, "ResourceNotFound", f"Relationship link '{name}' was not found in hub '{state.hub_name}'.")


def _accepted(request: IncomingRequest, state: EmulatorState, api_version: str, operation_id: str | None) -> Response:
    headers = {"Retry-After": state.config["retry_after"]}
    if operation_id is not None:
        headers["Location"] = f"{request.root_url}/{'/'.join(OPERATIONS_PATH)}/{operation_id}?api-version={api_version}"
    return Response(202, None, headers)


# ---- handlers: (request, state, api_version, target) -> Response ------------------------------

def _get_link(_request: IncomingRequest, state: EmulatorState, _api_version: str, name: str) -> Response:
    rendered = state.links.get(name, state.config["response_shape"])
    return _not_found(state, name) if rendered is None else json_response(rendered)


def _put_link(request: IncomingRequest, state: EmulatorState, api_version: str, name: str) -> Response:
    definition = definition_to_store(request, name, state)
    if isinstance(definition, Response):
        return definition
    outcome = state.links.put(name, definition, LroSettings.from_config(state.config))
    if outcome.accepted:
        return _accepted(request, state, api_version, outcome.operation_id)
    return json_response(state.links.render(outcome.link, state.config["response_shape"]))


def _delete_link(request: IncomingRequest, state: EmulatorState, api_version: str, name: str) -> Response:
    outcome = state.links.delete(name, LroSettings.from_config(state.config))
    if outcome is None:
        return _not_found(state, name)
    if outcome.accepted:
        return _accepted(request, state, api_version, outcome.operation_id)
    return Response(200)


def _get_operation(request: IncomingRequest, state: EmulatorState, api_version: str, operation_id: str) -> Response:
    operation, in_progress = state.links.poll_operation(operation_id)
    if operation is None:
        return arm_error(404, "ResourceNotFound", f"Operation '{operation_id}' was not found.")
    if in_progress:
        return _accepted(request, state, api_version, operation_id)
    return json_response(operation.result())


def _query_count(request: IncomingRequest, parameter: str, minimum: int) -> int | None:
    """An integer query parameter (last value wins); None when absent. Raises ValueError."""
    values = request.query.get(parameter)
    if not values:
        return None
    if not values[-1].isdigit() or int(values[-1]) < minimum:
        raise ValueError(f"The query parameter {parameter} must be an integer >= {minimum}, got '{values[-1]}'.")
    return int(values[-1])


def _list_links(request: IncomingRequest, state: EmulatorState, api_version: str, _target: str) -> Response:
    try:
        offset = _query_count(request, "$skiptoken", 0) or 0
        top = _query_count(request, "$top", 1)
    except ValueError as error:
        return arm_error(400, "InvalidQueryParameter", str(error))
    # The docs: at most page_size items per response, "limited through the use of $top".
    size = min(top, state.config["page_size"]) if top is not None else state.config["page_size"]
    items, more = state.links.page(offset, size, state.config["response_shape"])
    body: dict[str, Any] = {"value": items}
    if more:
        next_link = f"{request.root_url}/{'/'.join(LINKS_PATH)}?api-version={api_version}&$skiptoken={offset + size}"
        body["nextLink"] = next_link + (f"&$top={top}" if top is not None else "")
    return json_response(body)


def _resolve_hub_route(method: str, segments: tuple[str, ...]) -> tuple[HubHandler, str] | None:
    """(handler, decoded target name or id) for a Hub API path, or None."""
    if segments == LINKS_PATH and method == "GET":
        return _list_links, ""
    if len(segments) == 4 and segments[:3] == LINKS_PATH:
        handler = {"GET": _get_link, "PUT": _put_link, "DELETE": _delete_link}.get(method)
        return (handler, unquote(segments[3])) if handler else None
    if len(segments) == 4 and segments[:3] == OPERATIONS_PATH and method == "GET":
        return _get_operation, unquote(segments[3])
    return None


def _api_version(request: IncomingRequest) -> str | Response:
    values = request.query.get("api-version", [])
    if len(set(values)) == 1 and values[0] in SUPPORTED_API_VERSIONS:
        return values[0]
    given = f"'{values[0]}'" if values else "none"
    return arm_error(400, "InvalidApiVersion",
                     f"The api-version query parameter is required and must be one of {', '.join(SUPPORTED_API_VERSIONS)}; got {given}.")


def is_aad_token_path(path: str) -> bool:
    segments = tuple(path.split("/")[1:])
    return len(segments) == 4 and segments[1:] == AAD_TOKEN_PATH


def handle(request: IncomingRequest, state: EmulatorState) -> Response:
    segments = tuple(request.path.split("/")[1:])
    if is_aad_token_path(request.path) and request.method == "POST":
        return issue_aad_token(unquote(segments[0]), request.body, state.config["aad"], state.tokens)
    route = _resolve_hub_route(request.method, segments)
    if route is None:
        return arm_error(404, "NotFound", f"The emulated hub has no resource for {request.method} {request.path}.")
    handler, target = route
    failure = authorize(request.header("Authorization"), request.root_url + request.path,
                        required_right(request.method), state.config, state.tokens)
    if failure is not None:
        challenge = f'Bearer realm="{state.hub_name}", SharedAccessSignature realm="{state.hub_name}"'
        return arm_error(failure.status, failure.code, failure.message,
                         headers={"WWW-Authenticate": challenge} if failure.status == 401 else None)
    api_version = _api_version(request)
    if isinstance(api_version, Response):
        return api_version
    return handler(request, state, api_version, target)
