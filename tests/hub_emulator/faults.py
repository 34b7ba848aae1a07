"""Fault injection rules for retry tests (admin API /_emulator/faults).

Callers must hold EmulatorState.lock; nothing here is thread-safe by itself.
"""

import copy
import email.utils
import re
from dataclasses import dataclass
from typing import Any

from .config import ConfigError, check_choice, check_int, check_object_keys, check_text

FAULT_ACTIONS = ("status", "drop", "truncate", "delay")
RULE_KEYS = ("count", "status", "retry_after", "body", "action", "delay", "methods", "path_contains")
# A status fault is an error by default; a truncated answer pretends to be a success so that the
# client reads the body (and fails on it) instead of giving up on the status line.
DEFAULT_STATUS = {"status": 503, "truncate": 200}
DEFAULT_DELAY_SECONDS = 1.0
MAX_DELAY_SECONDS = 300.0
MAX_COUNT = 10000


@dataclass
class FaultRule:
    count: int
    action: str
    status: int
    retry_after: str | None
    body: Any
    delay: float
    methods: tuple[str, ...] | None
    path_contains: str | None

    def matches(self, method: str, path: str) -> bool:
        if self.methods is not None and method.upper() not in self.methods:
            return False
        return self.path_contains is None or self.path_contains in path

    def label(self) -> str:
        """How a request hit by this rule is marked in the request log."""
        if self.action == "status":
            return f"status:{self.status}"
        if self.action == "delay":
            return f"delay:{self.delay:g}"
        return self.action

    def to_json(self) -> dict[str, Any]:
        return {
            "count": self.count,
            "action": self.action,
            "status": self.status,
            "retry_after": self.retry_after,
            "body": copy.deepcopy(self.body),
            "delay": self.delay,
            "methods": list(self.methods) if self.methods is not None else None,
            "path_contains": self.path_contains,
        }


def _check_retry_after(value: Any) -> str | None:
    """Seconds ("5" or 5) or an HTTP date ("Wed, 21 Oct 2015 07:28:00 GMT"), as Retry-After allows."""
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return str(value)
    if isinstance(value, str) and (re.fullmatch(r"[0-9]+", value) or email.utils.parsedate_tz(value)):
        return value
    raise ConfigError(f"retry_after: expected seconds or an HTTP date, got {value!r}")


def _check_delay(value: Any) -> float:
    valid = isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= MAX_DELAY_SECONDS
    if not valid:
        raise ConfigError(f"delay: expected a number of seconds from 0 to {MAX_DELAY_SECONDS:g}, got {value!r}")
    return float(value)


def _check_methods(value: Any) -> tuple[str, ...] | None:
    if value is None:
        return None
    if not isinstance(value, list) or not value:
        raise ConfigError(f"methods: expected a non-empty list of HTTP methods, got {value!r}")
    return tuple(check_text("methods[]", method).upper() for method in value)


def parse_fault_rule(document: Any) -> FaultRule:
    """Build a rule from the JSON posted to /_emulator/faults, or raise ConfigError."""
    check_object_keys("fault", document, RULE_KEYS, ("count",))
    action = check_choice("action", document.get("action", "status"), FAULT_ACTIONS)
    path_contains = document.get("path_contains")
    return FaultRule(
        count=check_int("count", document["count"], 1, MAX_COUNT),
        action=action,
        status=check_int("status", document.get("status", DEFAULT_STATUS.get(action, 503)), 200, 599),
        retry_after=_check_retry_after(document.get("retry_after")),
        body=copy.deepcopy(document.get("body")),
        delay=_check_delay(document.get("delay", DEFAULT_DELAY_SECONDS)),
        methods=_check_methods(document.get("methods")),
        path_contains=None if path_contains is None else check_text("path_contains", path_contains),
    )


class FaultInjector:
    def __init__(self) -> None:
        self.rules: list[FaultRule] = []

    def add(self, rule: FaultRule) -> None:
        self.rules.append(rule)

    def clear(self) -> None:
        self.rules.clear()

    def consume(self, method: str, path: str, aad: bool = False) -> FaultRule | None:
        """Take one count from the first rule matching the request; return a copy of it, or None.

        An AAD token request only meets rules whose path_contains is set (and matches).
        """
        for rule in self.rules:
            if rule.matches(method, path) and (not aad or rule.path_contains is not None):
                rule.count -= 1
                if rule.count <= 0:
                    self.rules.remove(rule)
                return copy.deepcopy(rule)
        return None

    def to_json(self) -> list[dict[str, Any]]:
        return [rule.to_json() for rule in self.rules]
