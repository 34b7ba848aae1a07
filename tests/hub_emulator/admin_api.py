"""The unauthenticated admin API under /_emulator/ that tests use to steer and inspect the emulator.

handle() is called with EmulatorState.lock held. Admin requests are never logged, faulted or
authenticated.
"""

import time
from typing import Callable
from urllib.parse import unquote

from . import ARM_AUDIENCE, HUB_AUDIENCE, identity
from .config import ConfigError, merge_config
from .faults import parse_fault_rule
from .fixtures import seed_fixture_model
from .messages import IncomingRequest, InvalidJsonError, Response, arm_error, json_response
from .model import KIND_BY_ADMIN_NAME, KINDS, RELATIONSHIP_LINKS, ResourceKind
from .state import EmulatorState
from .writes import definition_from_request

ADMIN_PREFIX = "_emulator"

AdminHandler = Callable[[IncomingRequest, EmulatorState], Response]


def _health(_request: IncomingRequest, _state: EmulatorState) -> Response:
    return json_response({"status": "ok"})


def _reset(_request: IncomingRequest, state: EmulatorState) -> Response:
    state.reset()
    return json_response({"status": "reset"})


def _get_config(_request: IncomingRequest, state: EmulatorState) -> Response:
    return json_response(state.config)


def _update_config(request: IncomingRequest, state: EmulatorState) -> Response:
    try:
        update = request.json_body()
        state.config = merge_config(state.config, update)
    except InvalidJsonError as error:
        return arm_error(400, "InvalidJson", str(error))
    except ConfigError as error:
        return arm_error(400, "InvalidConfig", str(error))
    if any(key.startswith("arm_") and key.endswith("_per_window") for key in update):
        # A new quota starts a new window, so that a test knows exactly when the 429 comes.
        state.arm_quota.clear()
    return json_response(state.config)


def _get_requests(_request: IncomingRequest, state: EmulatorState) -> Response:
    return json_response(state.requests.to_json())


def _clear_requests(_request: IncomingRequest, state: EmulatorState) -> Response:
    state.requests.clear()
    return json_response(state.requests.to_json())


def _snapshot(kind: ResourceKind) -> AdminHandler:
    """GET /_emulator/<profiles|interactions|relationships|links>: the stored resources of one kind."""
    return lambda _request, state: json_response(state.model.snapshot(kind))


def _clear_links(_request: IncomingRequest, state: EmulatorState) -> Response:
    # Links are the end of every chain: nothing refers to them, so they can go without any check.
    state.model.clear((RELATIONSHIP_LINKS,))
    return json_response(state.model.snapshot(RELATIONSHIP_LINKS))


def _get_model(_request: IncomingRequest, state: EmulatorState) -> Response:
    return json_response({kind.admin_name: state.model.snapshot(kind) for kind in KINDS})


def _clear_model(request: IncomingRequest, state: EmulatorState) -> Response:
    state.model.clear()
    return _get_model(request, state)


def _seed_fixture(request: IncomingRequest, state: EmulatorState) -> Response:
    seed_fixture_model(state.model, state.config)
    return _get_model(request, state)


def _seed_resource(request: IncomingRequest, state: EmulatorState, kind: ResourceKind, name: str) -> Response:
    definition = definition_from_request(kind, name, request, state.model, state.config)
    if isinstance(definition, Response):
        return definition
    return json_response(state.model.render(state.model.seed(kind, name, definition)))


def _get_faults(_request: IncomingRequest, state: EmulatorState) -> Response:
    return json_response({"faults": state.faults.to_json()})


def _add_fault(request: IncomingRequest, state: EmulatorState) -> Response:
    try:
        state.faults.add(parse_fault_rule(request.json_body()))
    except InvalidJsonError as error:
        return arm_error(400, "InvalidJson", str(error))
    except ConfigError as error:
        return arm_error(400, "InvalidFault", str(error))
    return _get_faults(request, state)


def _clear_faults(request: IncomingRequest, state: EmulatorState) -> Response:
    state.faults.clear()
    return _get_faults(request, state)


def _get_tokens(_request: IncomingRequest, state: EmulatorState) -> Response:
    # Lets a test search its output for every token that was handed out (none may leak).
    return json_response({"issued_tokens": state.tokens.issued()})


def _issue_token(request: IncomingRequest, state: EmulatorState) -> Response:
    """A token for {"audience": ...}, as a signed-in Azure CLI would print it (the tests' stub az asks here)."""
    try:
        body = request.json_body()
    except InvalidJsonError as error:
        return arm_error(400, "InvalidJson", str(error))
    audience = identity.audience_of(body.get("audience", "")) if isinstance(body, dict) and isinstance(body.get("audience"), str) else None
    if audience is None:
        return arm_error(400, "InvalidAudience", f"Expected {{\"audience\": ...}} naming {HUB_AUDIENCE} or {ARM_AUDIENCE}.")
    return json_response({"access_token": state.tokens.issue(time.time(), audience), "audience": audience})


def _revoke_tokens(request: IncomingRequest, state: EmulatorState) -> Response:
    state.tokens.clear()
    return _get_tokens(request, state)


# resource (the path segment after /_emulator/) -> method -> handler
_ROUTES: dict[str, dict[str, AdminHandler]] = {
    "health": {"GET": _health},
    "reset": {"POST": _reset},
    "config": {"GET": _get_config, "POST": _update_config},
    "requests": {"GET": _get_requests, "DELETE": _clear_requests},
    **{kind.admin_name: {"GET": _snapshot(kind)} for kind in KINDS},
    "links": {"GET": _snapshot(RELATIONSHIP_LINKS), "DELETE": _clear_links},
    "model": {"GET": _get_model, "DELETE": _clear_model},
    "seed": {"POST": _seed_fixture},
    "faults": {"GET": _get_faults, "POST": _add_fault, "DELETE": _clear_faults},
    "tokens": {"GET": _get_tokens, "POST": _issue_token, "DELETE": _revoke_tokens},
}


def is_admin_path(path: str) -> bool:
    return path.split("/")[1:2] == [ADMIN_PREFIX]


def handle(request: IncomingRequest, state: EmulatorState) -> Response:
    segments = request.path.split("/")[2:]
    if len(segments) == 2 and segments[0] in KIND_BY_ADMIN_NAME and request.method == "PUT":
        return _seed_resource(request, state, KIND_BY_ADMIN_NAME[segments[0]], unquote(segments[1]))
    methods = _ROUTES.get(segments[0]) if len(segments) == 1 else None
    if methods is None:
        return arm_error(404, "NotFound", f"The admin API has no resource {request.path}.")
    handler = methods.get(request.method)
    if handler is None:
        allowed = ", ".join(methods)
        return arm_error(405, "MethodNotAllowed", f"{request.path} accepts {allowed}.", headers={"Allow": allowed})
    return handler(request, state)
