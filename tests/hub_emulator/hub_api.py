"""The emulated Hub API: hub-model resources, operations and the AAD token endpoint.

Profiles, interactions, relationships and relationship links share every route shape and
handler; what differs between them is a ResourceKind (model.py).
handle() is called with EmulatorState.lock held, after fault injection; it never does I/O.
"""

import re
from dataclasses import dataclass
from typing import Any, Callable
from urllib.parse import unquote

from . import SUPPORTED_API_VERSIONS
from .auth import authorize, issue_aad_token, required_right
from .messages import IncomingRequest, Response, arm_error, json_response
from .model import KIND_BY_COLLECTION, ResourceKind
from .resources import LroSettings
from .state import EmulatorState
from .writes import definition_from_request, deletion_conflict

MODEL_PATH = ("manage", "model")
OPERATIONS = "operations"
AAD_TOKEN_PATH = ("oauth2", "v2.0", "token")
DEFAULT_LOCALE = "en-us"
# A language tag such as en-us or fr-FR (the Hub docs only ever show en-us).
LOCALE_PATTERN = re.compile(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")


@dataclass(frozen=True)
class Route:
    handler: "HubHandler"
    target: str = ""  # the decoded resource name or operation id
    kind: ResourceKind | None = None  # None for operations


HubHandler = Callable[[IncomingRequest, EmulatorState, str, Route], Response]


def _not_found(state: EmulatorState, kind: ResourceKind, name: str) -> Response:
    return arm_error(404, "ResourceNotFound", f"{kind.label.capitalize()} '{name}' was not found in hub '{state.hub_name}'.")


def _accepted(request: IncomingRequest, state: EmulatorState, api_version: str, operation_id: str | None) -> Response:
    headers = {"Retry-After": state.config["retry_after"]}
    if operation_id is not None:
        headers["Location"] = f"{request.root_url}/{'/'.join(MODEL_PATH)}/{OPERATIONS}/{operation_id}?api-version={api_version}"
    return Response(202, None, headers)


# ---- handlers: (request, state, api_version, route) -> Response --------------------------------

def _get_resource(_request: IncomingRequest, state: EmulatorState, _api_version: str, route: Route) -> Response:
    rendered = state.model.get(route.kind, route.target, state.config["response_shape"])
    return _not_found(state, route.kind, route.target) if rendered is None else json_response(rendered)


def _put_resource(request: IncomingRequest, state: EmulatorState, api_version: str, route: Route) -> Response:
    definition = definition_from_request(route.kind, route.target, request, state.model, state.config)
    if isinstance(definition, Response):
        return definition
    outcome = state.model.put(route.kind, route.target, definition, LroSettings.from_config(state.config))
    if outcome.accepted:
        return _accepted(request, state, api_version, outcome.operation_id)
    return json_response(state.model.render(outcome.resource, state.config["response_shape"]))


def _delete_resource(request: IncomingRequest, state: EmulatorState, api_version: str, route: Route) -> Response:
    if state.model.find(route.kind, route.target) is None:
        return _not_found(state, route.kind, route.target)
    conflict = deletion_conflict(route.kind, route.target, state.model)
    if conflict is not None:
        return conflict
    outcome = state.model.delete(route.kind, route.target, LroSettings.from_config(state.config))
    if outcome.accepted:
        return _accepted(request, state, api_version, outcome.operation_id)
    return Response(200)


def _get_operation(request: IncomingRequest, state: EmulatorState, api_version: str, route: Route) -> Response:
    operation, in_progress = state.model.poll_operation(route.target)
    if operation is None:
        return arm_error(404, "ResourceNotFound", f"Operation '{route.target}' was not found.")
    if in_progress:
        return _accepted(request, state, api_version, route.target)
    return json_response(operation.result())


def _last_query_value(request: IncomingRequest, parameter: str) -> str | None:
    values = request.query.get(parameter)
    return values[-1] if values else None


def _query_count(request: IncomingRequest, parameter: str, minimum: int) -> int | None:
    """An integer query parameter (last value wins); None when absent. Raises ValueError."""
    value = _last_query_value(request, parameter)
    if value is None:
        return None
    if not value.isdigit() or int(value) < minimum:
        raise ValueError(f"The query parameter {parameter} must be an integer >= {minimum}, got '{value}'.")
    return int(value)


def list_page(request: IncomingRequest, state: EmulatorState, kind: ResourceKind, collection_url: str, api_version: str,
              shape: str) -> Response:
    """One page of a collection, with a nextLink under collection_url that asks for the next page as this one was asked."""
    try:
        offset = _query_count(request, "$skiptoken", 0) or 0
        top = _query_count(request, "$top", 1)
    except ValueError as error:
        return arm_error(400, "InvalidQueryParameter", str(error))
    # The docs: at most page_size items per response, "limited through the use of $top".
    size = min(top, state.config["page_size"]) if top is not None else state.config["page_size"]
    items, more = state.model.page(kind, offset, size, shape)
    body: dict[str, Any] = {"value": items}
    if more:
        next_link = f"{collection_url}?api-version={api_version}&$skiptoken={offset + size}"
        # The next page is asked for the way this one was.
        for parameter, value in (("$top", top), ("locale-code", _last_query_value(request, "locale-code"))):
            next_link += f"&{parameter}={value}" if value is not None else ""
        body["nextLink"] = next_link
    return json_response(body)


def _list_resources(request: IncomingRequest, state: EmulatorState, api_version: str, route: Route) -> Response:
    collection_url = f"{request.root_url}/{'/'.join(MODEL_PATH)}/{route.kind.collection}"
    return list_page(request, state, route.kind, collection_url, api_version, state.config["response_shape"])


def method_not_allowed(method: str, path: str, handlers: dict[str, Any], kind: ResourceKind | None) -> Response:
    allowed = ", ".join(handlers)
    message = f"{method} is not allowed on {path}; it accepts {allowed}."
    if method == "DELETE" and kind is not None and not kind.deletable:
        message += f" The Hub API has no DELETE for {kind.collection}: they can only be added or updated."
    return arm_error(405, "MethodNotAllowed", message, headers={"Allow": allowed})


def _resolve_hub_route(method: str, path: str, segments: tuple[str, ...]) -> Route | Response | None:
    """The route of a Hub API path; a 405 answer for a method the path does not have; None for an unknown path."""
    if segments[:2] != MODEL_PATH or len(segments) not in (3, 4):
        return None
    collection, target = segments[2], unquote(segments[3]) if len(segments) == 4 else ""
    handler = route_handler(method, path, collection, target, {OPERATIONS: _get_operation},
                            (_list_resources, _get_resource, _put_resource, _delete_resource))
    if handler is None or isinstance(handler, Response):
        return handler
    return Route(handler, target, KIND_BY_COLLECTION.get(collection))


def route_handler(method: str, path: str, collection: str, target: str, operations: dict[str, Any],
                  resource_handlers: tuple[Any, Any, Any, Any]) -> Any:
    """The handler of a method on a path of the hub model (the Hub API's or ARM's), a 405 answer, or None (unknown path).

    operations: collection segment -> GET handler of operation URLs (they need a target);
    resource_handlers: (list, get, put, delete); DELETE only where the kind has it.
    """
    kind = KIND_BY_COLLECTION.get(collection)
    list_handler, get_handler, put_handler, delete_handler = resource_handlers
    if collection in operations and target:
        handlers = {"GET": operations[collection]}
    elif kind is None:
        return None
    elif not target:
        handlers = {"GET": list_handler}
    else:
        handlers = {"GET": get_handler, "PUT": put_handler}
        if kind.deletable:
            handlers["DELETE"] = delete_handler
    handler = handlers.get(method)
    return handler if handler is not None else method_not_allowed(method, path, handlers, kind)


def _locale_error(request: IncomingRequest) -> Response | None:
    """400 for a locale-code that is not a language tag (the default, en-us, needs no parameter)."""
    locale = _last_query_value(request, "locale-code") or DEFAULT_LOCALE
    if LOCALE_PATTERN.fullmatch(locale):
        return None
    return arm_error(400, "InvalidQueryParameter",
                     f"The query parameter locale-code must be a language tag such as {DEFAULT_LOCALE}, got '{locale}'.")


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
    route = _resolve_hub_route(request.method, request.path, segments)
    if route is None:
        return arm_error(404, "NotFound", f"The emulated hub has no resource for {request.method} {request.path}.")
    if isinstance(route, Response):
        return route
    failure = authorize(request.header("Authorization"), request.root_url + request.path,
                        required_right(request.method), state.config, state.tokens)
    if failure is not None:
        challenge = f'Bearer realm="{state.hub_name}", SharedAccessSignature realm="{state.hub_name}"'
        return arm_error(failure.status, failure.code, failure.message,
                         headers={"WWW-Authenticate": challenge} if failure.status == 401 else None)
    api_version = _api_version(request)
    if isinstance(api_version, Response):
        return api_version
    if route.kind is not None and route.kind.localized:
        invalid_locale = _locale_error(request)
        if invalid_locale is not None:
            return invalid_locale
    return route.handler(request, state, api_version, route)
