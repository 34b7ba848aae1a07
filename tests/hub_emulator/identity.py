"""Loopback stand-ins for the managed identity token endpoints: Azure's instance metadata service (IMDS)
and the App Service (and Functions) identity endpoint.

A client points AZURE_POD_IDENTITY_AUTHORITY_HOST at the emulator's root for IMDS, or
IDENTITY_ENDPOINT at <root>/msi/token (with IDENTITY_HEADER) for App Service. Tokens are issued
for the audience the request names (the Hub API's or ARM's) and land in the same TokenStore as
the AAD endpoint's. handle() is called with EmulatorState.lock held.
"""

import time
from typing import Any
from urllib.parse import unquote

from . import AAD_TOKEN_LIFETIME_SECONDS, ARM_AUDIENCE, ARM_AUDIENCES, HUB_AUDIENCE
from .messages import IncomingRequest, Response
from .state import EmulatorState

IMDS_PATH = "/metadata/identity/oauth2/token"
IMDS_API_VERSION = "2018-02-01"
APP_SERVICE_PATH = "/msi/token"
APP_SERVICE_API_VERSION = "2019-08-01"


def is_identity_path(path: str) -> bool:
    return path in (IMDS_PATH, APP_SERVICE_PATH)


def audience_of(resource: str) -> str | None:
    """The audience a resource parameter names, or None for a resource the emulator does not know."""
    if resource.rstrip("/") == HUB_AUDIENCE:
        return HUB_AUDIENCE
    if resource in ARM_AUDIENCES:
        return ARM_AUDIENCE
    return None


def _query(request: IncomingRequest, name: str) -> str | None:
    values = request.query.get(name)
    return unquote(values[-1]) if values else None


def _imds_error(status: int, error: str, description: str) -> Response:
    return Response(status, {"error": error, "error_description": description})


def _app_service_error(status: int, message: str) -> Response:
    return Response(status, {"statusCode": status, "message": message, "correlationId": "emulated"})


def _identity_problem(request: IncomingRequest, identities: dict[str, Any]) -> str | None:
    """Why the identity the request asks for does not exist (a user-assigned client_id, else the system-assigned one)."""
    client_id = _query(request, "client_id")
    if client_id is not None and client_id not in identities["user_assigned_client_ids"]:
        return f"Identity not found: no user-assigned identity with client_id '{client_id}' is assigned to this machine."
    if client_id is None and not identities["system_assigned"]:
        return "Identity not found: this machine has no system-assigned identity."
    return None


def _token(state: EmulatorState, audience: str, resource: str, client_id: str | None) -> dict[str, Any]:
    now = time.time()
    return {
        "access_token": state.tokens.issue(now, audience),
        "client_id": client_id or "emulator-system-assigned-client",
        "expires_in": str(AAD_TOKEN_LIFETIME_SECONDS),
        "expires_on": str(int(now) + AAD_TOKEN_LIFETIME_SECONDS),
        "not_before": str(int(now)),
        "resource": resource,
        "token_type": "Bearer",
    }


def _imds(request: IncomingRequest, state: EmulatorState) -> Response:
    """IMDS: GET only, header Metadata: true, api-version, a known resource, an identity of this machine."""
    if request.method != "GET":
        return _imds_error(405, "invalid_request", f"{request.method} is not allowed; use GET.")
    if (request.header("Metadata") or "").lower() != "true":
        return _imds_error(400, "invalid_request", "Required metadata header not specified")
    if _query(request, "api-version") != IMDS_API_VERSION:
        return _imds_error(400, "invalid_request", f"Invalid or missing api-version; this emulator serves {IMDS_API_VERSION}.")
    resource = _query(request, "resource") or ""
    audience = audience_of(resource)
    if audience is None:
        return _imds_error(400, "invalid_resource",
                           f"AADSTS500011: The resource principal named {resource or '(none)'} was not found in the tenant.")
    problem = _identity_problem(request, state.config["managed_identity"])
    if problem is not None:
        return _imds_error(400, "invalid_request", problem)
    return Response(200, _token(state, audience, resource, _query(request, "client_id")))


def _app_service(request: IncomingRequest, state: EmulatorState) -> Response:
    """App Service: GET only, X-IDENTITY-HEADER equal to IDENTITY_HEADER, api-version, a known resource and identity."""
    identities = state.config["managed_identity"]
    if request.method != "GET":
        return _app_service_error(405, f"{request.method} is not allowed; use GET.")
    if request.header("X-IDENTITY-HEADER") != identities["identity_header"]:
        return _app_service_error(401, "The X-IDENTITY-HEADER header is missing or does not match IDENTITY_HEADER.")
    if _query(request, "api-version") != APP_SERVICE_API_VERSION:
        return _app_service_error(400, f"Invalid or missing api-version; this emulator serves {APP_SERVICE_API_VERSION}.")
    resource = _query(request, "resource") or ""
    audience = audience_of(resource)
    if audience is None:
        return _app_service_error(400, f"AADSTS500011: The resource principal named {resource or '(none)'} was not found.")
    problem = _identity_problem(request, identities)
    if problem is not None:
        return _app_service_error(400, problem)
    return Response(200, _token(state, audience, resource, _query(request, "client_id")))


def handle(request: IncomingRequest, state: EmulatorState) -> Response:
    return _imds(request, state) if request.path == IMDS_PATH else _app_service(request, state)
