"""Which emulated service a (non-admin) request is for: Azure Resource Manager, a managed identity
endpoint, or the Hub API (which also holds the AAD token endpoint).

handle() is called with EmulatorState.lock held, after fault injection.
"""

from . import arm_api, hub_api, identity
from .messages import IncomingRequest, Response
from .state import EmulatorState


def is_token_service_path(path: str) -> bool:
    """AAD and the managed identity endpoints stand for services other than the hub: hub faults spare them."""
    return hub_api.is_aad_token_path(path) or identity.is_identity_path(path)


def handle(request: IncomingRequest, state: EmulatorState) -> Response:
    if arm_api.is_arm_path(request.path):
        return arm_api.handle(request, state)
    if identity.is_identity_path(request.path):
        return identity.handle(request, state)
    return hub_api.handle(request, state)
