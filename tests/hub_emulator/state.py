"""Everything the emulator remembers between requests, behind one lock."""

import copy
import threading
from typing import Any

from . import DEFAULT_HUB_NAME
from .auth import TokenStore
from .config import default_config
from .faults import FaultInjector
from .fixtures import seed_fixture_model
from .resources import ModelStore


class RequestLog:
    """What reached the Hub API (and the AAD endpoint), without header values or bodies."""

    def __init__(self) -> None:
        self.entries: list[dict[str, Any]] = []

    def record(self, method: str, path: str, query: dict[str, str], status: int | None,
               auth_scheme: str | None, fault: str | None, connection: str | None = None,
               proxied: bool = False) -> None:
        self.entries.append({
            # seq restarts at 1 whenever the log is cleared, so a test can clear and then count.
            "seq": len(self.entries) + 1,
            "method": method,
            "path": path,
            "query": dict(query),
            "status": status,
            "auth_scheme": auth_scheme,
            "fault": fault,
            # The client's address:port: requests sharing it came over one kept-alive connection.
            "connection": connection,
            # The request line held an absolute URL: a client sent it through an HTTP proxy (us).
            "proxied": proxied,
        })

    def clear(self) -> None:
        self.entries.clear()

    def to_json(self) -> dict[str, Any]:
        return {"count": len(self.entries), "requests": copy.deepcopy(self.entries)}


class ArmQuota:
    """ARM's reads and writes left in the current window (per subscription and principal; the emulator has one of each).

    A request past the end of the window is throttled (429) and opens a new window, so that the
    retry the 429 asks for goes through: deterministic, and no clock involved.
    """

    KINDS = ("reads", "writes")

    def __init__(self) -> None:
        self.used = dict.fromkeys(self.KINDS, 0)

    def take(self, kind: str, limit: int) -> int | None:
        """Count one request; what is left after it, or None when the window was used up (throttled)."""
        if self.used[kind] >= limit:
            self.used[kind] = 0
            return None
        self.used[kind] += 1
        return limit - self.used[kind]

    def clear(self) -> None:
        self.used = dict.fromkeys(self.KINDS, 0)


class EmulatorState:
    """Config, hub model (resources and operations), request log, fault rules and issued tokens.

    Request handlers hold `lock` for the whole time they read or change anything here (the
    individual stores are not thread-safe), but never while sleeping for a delay fault.
    """

    def __init__(self, startup_config: dict[str, Any] | None = None, hub_name: str = DEFAULT_HUB_NAME,
                 seed_model: bool = True):
        self.lock = threading.RLock()
        self.hub_name = hub_name
        self._startup_config = copy.deepcopy(startup_config if startup_config is not None else default_config())
        # Whether the hub starts (and resets to) the fixture model or an empty one (--empty-model).
        self.seed_model = seed_model
        self.config = copy.deepcopy(self._startup_config)
        self.model = ModelStore(hub_name)
        self.requests = RequestLog()
        self.faults = FaultInjector()
        self.tokens = TokenStore()
        self.arm_quota = ArmQuota()
        self.restore_startup_model()

    def restore_startup_model(self) -> None:
        """The fixture model, or an empty hub when started with --empty-model."""
        if self.seed_model:
            seed_fixture_model(self.model, self.config)
        else:
            self.model.clear()

    def reset(self) -> None:
        """Back to the state right after startup."""
        self.config = copy.deepcopy(self._startup_config)
        self.restore_startup_model()
        self.requests.clear()
        self.faults.clear()
        self.tokens.clear()
        self.arm_quota.clear()
