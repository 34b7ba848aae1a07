"""The hub model as Azure Resource Manager serves it, on the same store as the Hub API.

<root>/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.CustomerInsights/hubs/<hub>/<collection>[/<name>]
with ARM's conventions: Bearer tokens for ARM's audience only, ARM-shaped bodies in and out,
long-running operations through Azure-AsyncOperation and Location, and x-ms-ratelimit-remaining-*
headers with 429 once a window's reads or writes are used up. README.md "Azure Resource Manager".
handle() is called with EmulatorState.lock held, after fault injection; it never does I/O.
"""

import time
from dataclasses import dataclass
from typing import Any, Callable
from urllib.parse import unquote

from . import ARM_AUDIENCES
from .auth import BEARER_SCHEME, AuthFailure, bearer_audience, split_scheme
from .hub_api import _api_version, list_page, route_handler
from .messages import IncomingRequest, Response, arm_error, json_response
from .model import KIND_BY_COLLECTION, ResourceKind
from .resources import ChangeOutcome, LroSettings
from .state import EmulatorState
from .writes import definition_from_request, deletion_conflict

PROVIDER = "Microsoft.CustomerInsights"
# The fixed segments of a hub's ARM id, compared case-insensitively as ARM does.
HUB_ID_SHAPE = ("subscriptions", None, "resourcegroups", None, "providers", PROVIDER.lower(), "hubs", None)
MONITORS = "operationStatuses"  # Azure-AsyncOperation
RESULTS = "operationResults"  # Location
RATELIMIT_HEADER = "x-ms-ratelimit-remaining-subscription-{kind}"
ALLOWED_AUDIENCES = ",".join(f"'{audience}'" for audience in ARM_AUDIENCES)


@dataclass(frozen=True)
class ArmRoute:
    handler: "ArmHandler"
    kind: ResourceKind | None  # None for operations
    target: str  # resource name or operation id; "" for a list
    identity: tuple[str, str, str]  # subscription, resource group, hub as the path spells them


ArmHandler = Callable[[IncomingRequest, EmulatorState, str, ArmRoute], Response]


def is_arm_path(path: str) -> bool:
    return path.lower().startswith("/subscriptions/")


def hub_id(state: EmulatorState) -> str:
    model = state.model
    return (f"/subscriptions/{model.subscription_id}/resourceGroups/{model.resource_group}"
            f"/providers/{PROVIDER}/hubs/{state.hub_name}")


def _ratelimit(kind: str, remaining: int) -> dict[str, str]:
    return {RATELIMIT_HEADER.format(kind=kind): str(remaining)}


def _not_found(state: EmulatorState, what: str) -> Response:
    return arm_error(404, "ResourceNotFound",
                     f"The Resource '{PROVIDER}/hubs/{what}' under resource group '{state.model.resource_group}' was not found.")


def _operation_headers(request: IncomingRequest, state: EmulatorState, api_version: str, operation_id: str,
                       monitor: bool) -> dict[str, str]:
    base = f"{request.root_url}{hub_id(state)}"
    headers = {"Retry-After": state.config["retry_after"],
               "Location": f"{base}/{RESULTS}/{operation_id}?api-version={api_version}"}
    if monitor:
        headers["Azure-AsyncOperation"] = f"{base}/{MONITORS}/{operation_id}?api-version={api_version}"
    return headers


def _change_answer(request: IncomingRequest, state: EmulatorState, api_version: str, outcome: ChangeOutcome,
                   settings: LroSettings, body: Any) -> Response:
    """How ARM answers an accepted PUT (body: the resource) or DELETE (body: None), per async_mode."""
    mode = settings.async_mode
    if not outcome.accepted:
        return Response(200, body)
    if mode == "no_location":
        return Response(202, None, {"Retry-After": state.config["retry_after"]})
    headers = _operation_headers(request, state, api_version, outcome.operation_id, monitor=mode != "location")
    if mode == "azure_async_operation_on_200":
        # An older ARM service: 200 with the pending resource and the monitor to follow (no Location).
        del headers["Location"]
        return Response(200, body, headers)
    return Response(202, None, headers)


# ---- handlers: (request, state, api_version, route) -> Response --------------------------------

def _get_resource(_request: IncomingRequest, state: EmulatorState, _api_version: str, route: ArmRoute) -> Response:
    rendered = state.model.get(route.kind, route.target, "arm")
    return _not_found(state, f"{state.hub_name}/{route.kind.collection}/{route.target}") if rendered is None else json_response(rendered)


def _put_resource(request: IncomingRequest, state: EmulatorState, api_version: str, route: ArmRoute) -> Response:
    definition = definition_from_request(route.kind, route.target, request, state.model, state.config, arm=True)
    if isinstance(definition, Response):
        return definition
    settings = LroSettings.from_config(state.config, arm=True)
    outcome = state.model.put(route.kind, route.target, definition, settings)
    return _change_answer(request, state, api_version, outcome, settings, state.model.render(outcome.resource, "arm"))


def _delete_resource(request: IncomingRequest, state: EmulatorState, api_version: str, route: ArmRoute) -> Response:
    if state.model.find(route.kind, route.target) is None:
        # ARM's guidance: deleting what is not there is no error.
        return Response(204)
    conflict = deletion_conflict(route.kind, route.target, state.model)
    if conflict is not None:
        return conflict
    settings = LroSettings.from_config(state.config, arm=True)
    outcome = state.model.delete(route.kind, route.target, settings)
    return _change_answer(request, state, api_version, outcome, settings, None)


def _list_resources(request: IncomingRequest, state: EmulatorState, api_version: str, route: ArmRoute) -> Response:
    return list_page(request, state, route.kind, f"{request.root_url}{hub_id(state)}/{route.kind.collection}", api_version, "arm")


def _get_monitor(request: IncomingRequest, state: EmulatorState, _api_version: str, route: ArmRoute) -> Response:
    """Azure-AsyncOperation: always 200, {"status": "InProgress"} while running, then the outcome (and its error)."""
    operation, in_progress = state.model.poll_operation(route.target)
    if operation is None:
        return arm_error(404, "ResourceNotFound", f"Operation '{route.target}' was not found.")
    body: dict[str, Any] = {"id": request.path, "name": route.target, "status": "InProgress" if in_progress else operation.final_state}
    if in_progress:
        return json_response(body, headers={"Retry-After": state.config["retry_after"]})
    if operation.error() is not None:
        body["error"] = operation.error()
    return json_response(body)


def _get_result(request: IncomingRequest, state: EmulatorState, api_version: str, route: ArmRoute) -> Response:
    """Location: 202 while running; then the PUT's resource (200) or 204 for a DELETE; an error answer if it failed."""
    operation, in_progress = state.model.poll_operation(route.target)
    if operation is None:
        return arm_error(404, "ResourceNotFound", f"Operation '{route.target}' was not found.")
    if in_progress:
        return Response(202, None, _operation_headers(request, state, api_version, route.target, monitor=False))
    error = operation.error()
    if error is not None:
        return arm_error(400, error["code"], error["message"])
    resource = state.model.find(operation.kind, operation.name)
    if operation.change == "DELETE" or resource is None:
        return Response(204)
    return json_response(state.model.render(resource, "arm"))


# ---- routing, authentication, throttling ----------------------------------------------------------

def _route(method: str, path: str) -> ArmRoute | Response | None:
    segments = tuple(unquote(segment) for segment in path.split("/")[1:])
    shape_matches = len(segments) in (9, 10) and all(
        expected is None or segment.lower() == expected for segment, expected in zip(segments, HUB_ID_SHAPE))
    if not shape_matches:
        return None
    identity = (segments[1], segments[3], segments[7])
    collection, target = segments[8], segments[9] if len(segments) == 10 else ""
    handler = route_handler(method, path, collection, target, {MONITORS: _get_monitor, RESULTS: _get_result},
                            (_list_resources, _get_resource, _put_resource, _delete_resource))
    if handler is None or isinstance(handler, Response):
        return handler
    return ArmRoute(handler, KIND_BY_COLLECTION.get(collection), target, identity)


def _unauthenticated(code: str, message: str) -> Response:
    challenge = f'Bearer authorization_uri="https://login.microsoftonline.com/common", error="invalid_token", error_description="{message}"'
    return arm_error(401, code, message, headers={"WWW-Authenticate": challenge})


def _authenticate(request: IncomingRequest, state: EmulatorState) -> Response | None:
    """None for a bearer token issued for ARM; otherwise ARM's 401."""
    header = request.header("Authorization")
    if not header:
        return _unauthenticated("AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing.")
    scheme, credentials = split_scheme(header)
    if scheme != BEARER_SCHEME:
        return _unauthenticated("AuthenticationFailed", "Authentication failed. The 'Authorization' header is provided in an invalid "
                                "format: Azure Resource Manager takes Bearer tokens (SharedAccessSignature is the Hub API's).")
    audience = bearer_audience(credentials, state.config, state.tokens, time.time())
    if isinstance(audience, AuthFailure):
        expired = "expired" in audience.message
        return _unauthenticated("ExpiredAuthenticationToken" if expired else "InvalidAuthenticationToken",
                                "The access token has expired." if expired else "The access token is invalid.")
    if audience not in ARM_AUDIENCES:
        return _unauthenticated("InvalidAuthenticationTokenAudience",
                                f"The access token has been obtained for wrong audience or resource '{audience}'. It should exactly "
                                f"match with one of the allowed audiences {ALLOWED_AUDIENCES}.")
    return None


def _identity_error(state: EmulatorState, identity: tuple[str, str, str]) -> Response | None:
    subscription, group, hub = identity
    model = state.model
    if subscription.lower() != model.subscription_id.lower():
        return arm_error(404, "SubscriptionNotFound", f"The subscription '{subscription}' could not be found.")
    if group.lower() != model.resource_group.lower():
        return arm_error(404, "ResourceGroupNotFound", f"Resource group '{group}' could not be found.")
    if hub.lower() != state.hub_name.lower():
        return arm_error(404, "ParentResourceNotFound", "Can not perform requested operation on nested resource. Parent resource "
                         f"'{hub}' not found.")
    return None


def _throttled(state: EmulatorState, kind: str) -> Response:
    limit = state.config[f"arm_{kind}_per_window"]
    message = (f"Number of '{kind[:-1]}' requests for subscription '{state.model.subscription_id}' exceeded the limit of "
               f"'{limit}' for this window. Please try again after '{state.config['retry_after']}' seconds.")
    return arm_error(429, "TooManyRequests", message, headers={"Retry-After": state.config["retry_after"], **_ratelimit(kind, 0)})


def handle(request: IncomingRequest, state: EmulatorState) -> Response:
    """Order of checks: route (404/405), authentication (401), api-version (400), quota (429), subscription,
    resource group and hub (404), then the operation."""
    route = _route(request.method, request.path)
    if route is None:
        return arm_error(404, "NotFound", f"The emulated Azure Resource Manager has no resource for {request.method} {request.path}.")
    if isinstance(route, Response):
        return route
    failure = _authenticate(request, state)
    if failure is not None:
        return failure
    api_version = _api_version(request)
    if isinstance(api_version, Response):
        return api_version
    kind = "reads" if request.method == "GET" else "writes"
    remaining = state.arm_quota.take(kind, state.config[f"arm_{kind}_per_window"])
    if remaining is None:
        return _throttled(state, kind)
    response = _identity_error(state, route.identity) or route.handler(request, state, api_version, route)
    response.headers.update(_ratelimit(kind, remaining))
    return response
