"""The stored hub-model resources (all four kinds) and their emulated long-running provisioning.

Every pending change (a PUT or a DELETE that has not finished) waits for a number of "polls":
either GETs of the resource itself or GETs of the operation URL handed out in a Location header.
The rule is the same for both: N polls observe the pending state and the (N+1)th observes the
outcome. The resource itself never contradicts what a client last saw:

* driven by resource GETs, the change finishes right after the Nth GET (with N = 0: at once);
* driven by an operation URL, the change finishes at the poll that answers 200, the (N+1)th,
  so the resource shows Provisioning/Deleting for as long as the operation answers 202.

Nothing here validates: writes.py decides what may be stored or deleted.
Callers must hold EmulatorState.lock; nothing here is thread-safe by itself.
"""

import copy
import datetime
import uuid
from dataclasses import dataclass, field
from typing import Any

from . import DEFAULT_RESOURCE_GROUP, DEFAULT_SUBSCRIPTION_ID
from .config import AZURE_ASYNC_MODES
from .model import DEFAULT_DATA_SOURCE, KINDS, ResourceKind

PUT = "PUT"
DELETE = "DELETE"
SUCCEEDED = "Succeeded"
# The provisioningState a resource shows while a change of each kind is pending.
PENDING_STATE = {PUT: "Provisioning", DELETE: "Deleting"}
# How an operation that did not succeed reports its error.
OPERATION_ERRORS = {
    "Failed": ("ProvisioningFailed", "The {change} of {label} '{name}' failed (emulated failure)."),
    "HumanIntervention": ("HumanInterventionRequired", "The {change} of {label} '{name}' needs human intervention (emulated)."),
    "Canceled": ("OperationCanceled", "The {change} of {label} '{name}' was canceled (emulated)."),
}
# The async modes that hand out an operation URL to poll (Location, or ARM's Azure-AsyncOperation monitor).
OPERATION_MODES = ("location",) + AZURE_ASYNC_MODES

# collection -> resource name -> definition: the whole model as the integrity checks read it.
ModelView = dict[str, dict[str, dict[str, Any]]]


@dataclass(frozen=True)
class LroSettings:
    """The config values that decide how a PUT or DELETE is provisioned."""

    async_mode: str
    polls: int
    final_state: str

    @classmethod
    def from_config(cls, config: dict[str, Any], arm: bool = False) -> "LroSettings":
        """The settings of a request; the Hub API has no Azure-AsyncOperation and answers those modes as "location"."""
        mode = config["async_mode"]
        if not arm and mode in AZURE_ASYNC_MODES:
            mode = "location"
        return cls(mode, config["provisioning_polls"], config["final_state"])


@dataclass
class PendingChange:
    change: str  # PUT or DELETE
    polls_remaining: int
    final_state: str
    # Set when the change is driven by polls of an operation URL rather than by GETs of the resource.
    operation_id: str | None = None


@dataclass
class StoredResource:
    kind: ResourceKind
    name: str
    definition: dict[str, Any]  # the writable fields, server defaults included
    guid: str  # relationshipGuidId (shown by relationships and links): made at creation, kept by updates
    last_changed: str  # lastChangedUtc (shown by profiles and interactions)
    provisioning_state: str
    pending: PendingChange | None = None


@dataclass
class Operation:
    operation_id: str
    kind: ResourceKind
    name: str
    change: str
    polls_remaining: int
    final_state: str
    finished: bool = False

    def result(self) -> dict[str, Any]:
        body: dict[str, Any] = {"id": self.operation_id, "status": self.final_state}
        error = self.error()
        if error is not None:
            body["error"] = error
        return body

    def error(self) -> dict[str, str] | None:
        """The {code, message} of an operation that did not succeed, else None."""
        if self.final_state not in OPERATION_ERRORS:
            return None
        code, template = OPERATION_ERRORS[self.final_state]
        return {"code": code, "message": template.format(change=self.change, label=self.kind.label, name=self.name)}


@dataclass
class ChangeOutcome:
    """What the HTTP layer needs to answer a PUT or DELETE."""

    accepted: bool  # answer 202 (True) or 200 (False)
    resource: StoredResource | None = None
    operation_id: str | None = None


def _utc_now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass
class ModelStore:
    hub_name: str
    subscription_id: str = DEFAULT_SUBSCRIPTION_ID
    resource_group: str = DEFAULT_RESOURCE_GROUP
    # collection -> name -> resource, for every kind
    resources: dict[str, dict[str, StoredResource]] = field(default_factory=lambda: {kind.collection: {} for kind in KINDS})
    operations: dict[str, Operation] = field(default_factory=dict)

    def clear(self, kinds: tuple[ResourceKind, ...] = KINDS) -> None:
        """Forget every resource of these kinds and the operations of their changes."""
        for kind in kinds:
            self.resources[kind.collection].clear()
        self.operations = {key: operation for key, operation in self.operations.items() if operation.kind not in kinds}

    def find(self, kind: ResourceKind, name: str) -> StoredResource | None:
        """The stored resource, without counting a poll."""
        return self.resources[kind.collection].get(name)

    def view(self) -> ModelView:
        """Every stored definition (resources being deleted included), for the integrity checks."""
        return {collection: {name: resource.definition for name, resource in stored.items()}
                for collection, stored in self.resources.items()}

    # ---- rendering -------------------------------------------------------------------------

    def render(self, resource: StoredResource, shape: str = "arm") -> dict[str, Any]:
        kind = resource.kind
        definition = copy.deepcopy(resource.definition)
        if kind.shows_name_as:
            definition[kind.shows_name_as] = resource.name
        definition.update(provisioningState=resource.provisioning_state, tenantId=self.hub_name.lower())
        if kind.shows_guid:
            definition["relationshipGuidId"] = resource.guid
        if kind.shows_last_changed:
            definition["lastChangedUtc"] = resource.last_changed
        if kind.shows_data_source:
            definition["defaultDataSource"] = dict(DEFAULT_DATA_SOURCE)
            definition["dataSourcePrecedenceRules"] = [{"dataSource": dict(DEFAULT_DATA_SOURCE), "precedence": 1}]
            # As in Microsoft's InteractionsGet example: each field shows its read-only rules too.
            for field in definition.get("fields") or []:
                field["dataSourcePrecedenceRules"] = [{"dataSource": dict(DEFAULT_DATA_SOURCE), "precedence": 1}]
        envelope = {
            "id": (f"/subscriptions/{self.subscription_id}/resourceGroups/{self.resource_group}"
                   f"/providers/Microsoft.CustomerInsights/hubs/{self.hub_name}/{kind.collection}/{resource.name}"),
            "name": f"{self.hub_name}/{resource.name}",
            "type": kind.arm_type,
        }
        if shape == "flat":
            return {**envelope, **definition}
        return {**envelope, "properties": definition}

    # ---- changes -----------------------------------------------------------------------------

    def seed(self, kind: ResourceKind, name: str, definition: dict[str, Any]) -> StoredResource:
        """Store a resource as fully provisioned, bypassing the long-running emulation."""
        resource = self._store(kind, name, definition)
        resource.provisioning_state = SUCCEEDED
        resource.pending = None
        return resource

    def put(self, kind: ResourceKind, name: str, definition: dict[str, Any], settings: LroSettings) -> ChangeOutcome:
        resource = self._store(kind, name, definition)
        return self._begin(resource, PUT, settings)

    def delete(self, kind: ResourceKind, name: str, settings: LroSettings) -> ChangeOutcome | None:
        """Start deleting a resource; None when there is no such resource."""
        resource = self.find(kind, name)
        if resource is None:
            return None
        if settings.async_mode == "off":
            # A synchronous delete is final: there is nothing left to poll.
            del self.resources[kind.collection][name]
            return ChangeOutcome(accepted=False)
        return self._begin(resource, DELETE, settings)

    def _store(self, kind: ResourceKind, name: str, definition: dict[str, Any]) -> StoredResource:
        """Full replace of the writable fields; the guid survives updates."""
        existing = self.find(kind, name)
        guid = existing.guid if existing else str(uuid.uuid4())
        resource = StoredResource(kind, name, copy.deepcopy(definition), guid, _utc_now(), PENDING_STATE[PUT])
        self.resources[kind.collection][name] = resource
        return resource

    def _begin(self, resource: StoredResource, change: str, settings: LroSettings) -> ChangeOutcome:
        outcome = ChangeOutcome(accepted=settings.async_mode != "off", resource=resource)
        resource.pending = PendingChange(change, settings.polls, settings.final_state)
        resource.provisioning_state = PENDING_STATE[change]
        if settings.async_mode in OPERATION_MODES:
            operation = Operation(str(uuid.uuid4()), resource.kind, resource.name, change, settings.polls, settings.final_state)
            self.operations[operation.operation_id] = operation
            resource.pending.operation_id = operation.operation_id
            outcome.operation_id = operation.operation_id
        elif settings.polls == 0:
            self._finish(resource)
        return outcome

    def _finish(self, resource: StoredResource) -> None:
        pending = resource.pending
        resource.pending = None
        if pending.change == DELETE and pending.final_state == SUCCEEDED:
            self.resources[resource.kind.collection].pop(resource.name, None)
        else:
            resource.provisioning_state = pending.final_state

    # ---- reads (which are also polls) ------------------------------------------------------

    def get(self, kind: ResourceKind, name: str, shape: str) -> dict[str, Any] | None:
        """Render a resource for a GET, which counts as one poll of a change driven by resource GETs."""
        resource = self.find(kind, name)
        if resource is None:
            return None
        rendered = self.render(resource, shape)
        pending = resource.pending
        if pending is not None and pending.operation_id is None:
            pending.polls_remaining -= 1
            if pending.polls_remaining <= 0:
                self._finish(resource)
        return rendered

    def page(self, kind: ResourceKind, offset: int, limit: int, shape: str) -> tuple[list[dict[str, Any]], bool]:
        """Resources of a kind in name order from offset (at most limit of them), and whether more follow.

        Listing does not count as a poll of any pending change.
        """
        stored = self.resources[kind.collection]
        selected = sorted(stored)[offset:offset + limit]
        return [self.render(stored[name], shape) for name in selected], offset + limit < len(stored)

    def poll_operation(self, operation_id: str) -> tuple[Operation | None, bool]:
        """Count one poll of an operation URL: (operation, whether this poll saw it in progress).

        The caller answers 202 while in progress, else 200 with the operation's result.
        """
        operation = self.operations.get(operation_id)
        if operation is None or operation.finished:
            return operation, False
        if operation.polls_remaining > 0:
            operation.polls_remaining -= 1
            return operation, True
        operation.finished = True
        resource = self.find(operation.kind, operation.name)
        # A later PUT or DELETE of the same resource supersedes this operation's effect.
        if resource is not None and resource.pending is not None and resource.pending.operation_id == operation_id:
            self._finish(resource)
        return operation, False

    def snapshot(self, kind: ResourceKind) -> dict[str, dict[str, Any]]:
        """All resources of a kind in ARM shape, without counting any poll (for test assertions)."""
        stored = self.resources[kind.collection]
        return {name: self.render(stored[name]) for name in sorted(stored)}
