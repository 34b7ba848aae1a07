"""The stored relationship links and their emulated long-running provisioning.

Every pending change (a PUT or a DELETE that has not finished) waits for a number of "polls":
either GETs of the link itself or GETs of the operation URL handed out in a Location header.
The rule is the same for both: N polls observe the pending state and the (N+1)th observes the
outcome. The link itself never contradicts what a client last saw:

* driven by link GETs, the change finishes right after the Nth GET (with N = 0: at once);
* driven by an operation URL, the change finishes at the poll that answers 200, the (N+1)th,
  so the link shows Provisioning/Deleting for as long as the operation answers 202.

Callers must hold EmulatorState.lock; nothing here is thread-safe by itself.
"""

import copy
import uuid
from dataclasses import dataclass, field
from typing import Any

from . import DEFAULT_RESOURCE_GROUP, DEFAULT_SUBSCRIPTION_ID

RESOURCE_TYPE = "Microsoft.CustomerInsights/hubs/relationshipLinks"

PUT = "PUT"
DELETE = "DELETE"
SUCCEEDED = "Succeeded"
# The provisioningState a link shows while a change of each kind is pending.
PENDING_STATE = {PUT: "Provisioning", DELETE: "Deleting"}
# How an operation that did not succeed reports its error.
OPERATION_ERRORS = {
    "Failed": ("ProvisioningFailed", "The {kind} of relationship link '{name}' failed (emulated failure)."),
    "HumanIntervention": ("HumanInterventionRequired", "The {kind} of relationship link '{name}' needs human intervention (emulated)."),
}


@dataclass(frozen=True)
class LroSettings:
    """The config values that decide how a PUT or DELETE is provisioned."""

    async_mode: str
    polls: int
    final_state: str

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> "LroSettings":
        return cls(config["async_mode"], config["provisioning_polls"], config["final_state"])


@dataclass
class PendingChange:
    kind: str
    polls_remaining: int
    final_state: str
    # Set when the change is driven by polls of an operation URL rather than by GETs of the link.
    operation_id: str | None = None


@dataclass
class StoredLink:
    name: str
    definition: dict[str, Any]
    relationship_guid_id: str
    provisioning_state: str
    pending: PendingChange | None = None


@dataclass
class Operation:
    operation_id: str
    link_name: str
    kind: str
    polls_remaining: int
    final_state: str
    finished: bool = False

    def result(self) -> dict[str, Any]:
        body: dict[str, Any] = {"id": self.operation_id, "status": self.final_state}
        if self.final_state in OPERATION_ERRORS:
            code, template = OPERATION_ERRORS[self.final_state]
            body["error"] = {"code": code, "message": template.format(kind=self.kind, name=self.link_name)}
        return body


@dataclass
class ChangeOutcome:
    """What the HTTP layer needs to answer a PUT or DELETE."""

    accepted: bool  # answer 202 (True) or 200 (False)
    link: StoredLink | None = None
    operation_id: str | None = None


def apply_default_link_type(definition: dict[str, Any], link_type: str | None) -> dict[str, Any]:
    """Give mappings without a linkType the configured default, as the real hub fills one in."""
    if link_type is None or "mappings" not in definition:
        return definition
    filled = copy.deepcopy(definition)
    for mapping in filled["mappings"]:
        mapping.setdefault("linkType", link_type)
    return filled


@dataclass
class LinkStore:
    hub_name: str
    subscription_id: str = DEFAULT_SUBSCRIPTION_ID
    resource_group: str = DEFAULT_RESOURCE_GROUP
    links: dict[str, StoredLink] = field(default_factory=dict)
    operations: dict[str, Operation] = field(default_factory=dict)

    def clear(self) -> None:
        self.links.clear()
        self.operations.clear()

    # ---- rendering -------------------------------------------------------------------------

    def render(self, link: StoredLink, shape: str = "arm") -> dict[str, Any]:
        definition = {
            **copy.deepcopy(link.definition),
            "linkName": link.name,
            "provisioningState": link.provisioning_state,
            "tenantId": self.hub_name.lower(),
            "relationshipGuidId": link.relationship_guid_id,
        }
        envelope = {
            "id": (f"/subscriptions/{self.subscription_id}/resourceGroups/{self.resource_group}"
                   f"/providers/Microsoft.CustomerInsights/hubs/{self.hub_name}/relationshipLinks/{link.name}"),
            "name": f"{self.hub_name}/{link.name}",
            "type": RESOURCE_TYPE,
        }
        if shape == "flat":
            return {**envelope, **definition}
        return {**envelope, "properties": definition}

    # ---- changes -----------------------------------------------------------------------------

    def seed(self, name: str, definition: dict[str, Any]) -> StoredLink:
        """Store a link as fully provisioned, bypassing the long-running emulation."""
        link = self._store(name, definition)
        link.provisioning_state = SUCCEEDED
        link.pending = None
        return link

    def put(self, name: str, definition: dict[str, Any], settings: LroSettings) -> ChangeOutcome:
        link = self._store(name, definition)
        return self._begin(link, PUT, settings)

    def delete(self, name: str, settings: LroSettings) -> ChangeOutcome | None:
        """Start deleting a link; None when there is no such link."""
        link = self.links.get(name)
        if link is None:
            return None
        if settings.async_mode == "off":
            # A synchronous delete is final: there is nothing left to poll.
            del self.links[name]
            return ChangeOutcome(accepted=False)
        return self._begin(link, DELETE, settings)

    def _store(self, name: str, definition: dict[str, Any]) -> StoredLink:
        """Full replace of the writable fields; the relationshipGuidId survives updates."""
        existing = self.links.get(name)
        guid = existing.relationship_guid_id if existing else str(uuid.uuid4())
        link = StoredLink(name, copy.deepcopy(definition), guid, PENDING_STATE[PUT])
        self.links[name] = link
        return link

    def _begin(self, link: StoredLink, kind: str, settings: LroSettings) -> ChangeOutcome:
        outcome = ChangeOutcome(accepted=settings.async_mode != "off", link=link)
        link.pending = PendingChange(kind, settings.polls, settings.final_state)
        link.provisioning_state = PENDING_STATE[kind]
        if settings.async_mode == "location":
            operation = Operation(str(uuid.uuid4()), link.name, kind, settings.polls, settings.final_state)
            self.operations[operation.operation_id] = operation
            link.pending.operation_id = operation.operation_id
            outcome.operation_id = operation.operation_id
        elif settings.polls == 0:
            self._finish(link)
        return outcome

    def _finish(self, link: StoredLink) -> None:
        change = link.pending
        link.pending = None
        if change.kind == DELETE and change.final_state == SUCCEEDED:
            self.links.pop(link.name, None)
        else:
            link.provisioning_state = change.final_state

    # ---- reads (which are also polls) ------------------------------------------------------

    def get(self, name: str, shape: str) -> dict[str, Any] | None:
        """Render a link for a GET, which counts as one poll of a change driven by link GETs."""
        link = self.links.get(name)
        if link is None:
            return None
        rendered = self.render(link, shape)
        change = link.pending
        if change is not None and change.operation_id is None:
            change.polls_remaining -= 1
            if change.polls_remaining <= 0:
                self._finish(link)
        return rendered

    def page(self, offset: int, limit: int, shape: str) -> tuple[list[dict[str, Any]], bool]:
        """Links in name order from offset (at most limit of them), and whether more follow.

        Listing does not count as a poll of any pending change.
        """
        names = sorted(self.links)
        selected = names[offset:offset + limit]
        return [self.render(self.links[name], shape) for name in selected], offset + limit < len(names)

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
        link = self.links.get(operation.link_name)
        # A later PUT or DELETE of the same link supersedes this operation's effect.
        if link is not None and link.pending is not None and link.pending.operation_id == operation_id:
            self._finish(link)
        return operation, False

    def snapshot(self) -> dict[str, dict[str, Any]]:
        """All links in ARM shape, without counting any poll (for test assertions)."""
        return {name: self.render(self.links[name]) for name in sorted(self.links)}
