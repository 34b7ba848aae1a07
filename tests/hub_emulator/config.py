"""The emulator's runtime configuration: defaults and validation of updates from the admin API."""

import copy
import re
from typing import Any, Callable

from . import (
    DEFAULT_AAD_CLIENT_ID,
    DEFAULT_AAD_CLIENT_SECRET,
    DEFAULT_AAD_TENANT,
    DEFAULT_ARM_BEARER_TOKENS,
    DEFAULT_ARM_READS_PER_WINDOW,
    DEFAULT_ARM_WRITES_PER_WINDOW,
    DEFAULT_BEARER_TOKENS,
    DEFAULT_IDENTITY_HEADER,
    DEFAULT_PAGE_SIZE,
    DEFAULT_SAS_POLICIES,
    DEFAULT_USER_ASSIGNED_CLIENT_IDS,
)

# The last two are ARM's status monitor (Azure-AsyncOperation); the Hub API answers them as "location".
ASYNC_MODES = ("off", "location", "no_location", "azure_async_operation", "azure_async_operation_on_200")
AZURE_ASYNC_MODES = ("azure_async_operation", "azure_async_operation_on_200")
FINAL_STATES = ("Succeeded", "Failed", "Canceled", "HumanIntervention")
RESPONSE_SHAPES = ("arm", "flat")
LINK_TYPES = ("UpdateAlways", "CopyIfNull")
SAS_RIGHTS = ("Read", "Write", "Manage")
AAD_SETTINGS = ("tenant", "client_id", "client_secret")
IDENTITY_SETTINGS = ("system_assigned", "user_assigned_client_ids", "identity_header")
MAX_ARM_QUOTA = 100000

# Bounds that keep a mistyped test setting from making a run hang or allocate without limit.
MAX_PROVISIONING_POLLS = 1000
MAX_PAGE_SIZE = 1000


class ConfigError(ValueError):
    """A configuration (or fault rule) value that the emulator refuses; the message says why."""


def default_config(page_size: int = DEFAULT_PAGE_SIZE) -> dict[str, Any]:
    return {
        "async_mode": "off",
        "provisioning_polls": 0,
        "final_state": "Succeeded",
        "retry_after": "1",
        "response_shape": "arm",
        "default_link_type": None,
        "page_size": page_size,
        "echo_headers_in_errors": False,
        "sas_policies": copy.deepcopy(DEFAULT_SAS_POLICIES),
        "bearer_tokens": list(DEFAULT_BEARER_TOKENS),
        "arm_bearer_tokens": list(DEFAULT_ARM_BEARER_TOKENS),
        "arm_reads_per_window": DEFAULT_ARM_READS_PER_WINDOW,
        "arm_writes_per_window": DEFAULT_ARM_WRITES_PER_WINDOW,
        "managed_identity": {
            "system_assigned": True,
            "user_assigned_client_ids": list(DEFAULT_USER_ASSIGNED_CLIENT_IDS),
            "identity_header": DEFAULT_IDENTITY_HEADER,
        },
        "aad": {
            "tenant": DEFAULT_AAD_TENANT,
            "client_id": DEFAULT_AAD_CLIENT_ID,
            "client_secret": DEFAULT_AAD_CLIENT_SECRET,
        },
    }


def check_choice(key: str, value: Any, choices: tuple[Any, ...]) -> Any:
    if value not in choices:
        raise ConfigError(f"{key}: {value!r} is not one of {', '.join(repr(choice) for choice in choices)}")
    return value


def check_int(key: str, value: Any, minimum: int, maximum: int) -> int:
    # Digit strings are accepted because Ansible templating ("{{ n | int }}") may render them as text.
    if isinstance(value, str) and re.fullmatch(r"[0-9]+", value):
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not minimum <= value <= maximum:
        raise ConfigError(f"{key}: expected an integer from {minimum} to {maximum}, got {value!r}")
    return value


def check_text(key: str, value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise ConfigError(f"{key}: expected a non-empty string, got {value!r}")
    return value


def check_seconds(key: str, value: Any) -> str:
    """A whole number of seconds, given as a string ("0") or an integer (0); kept as a string."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return str(value)
    if isinstance(value, str) and re.fullmatch(r"[0-9]+", value):
        return value
    raise ConfigError(f"{key}: expected a whole number of seconds such as \"0\", got {value!r}")


def check_object_keys(key: str, value: Any, allowed: tuple[str, ...], required: tuple[str, ...] = ()) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"{key}: expected an object, got {value!r}")
    unknown = sorted(set(value) - set(allowed))
    if unknown:
        raise ConfigError(f"{key}: unknown key(s) {', '.join(unknown)}; allowed: {', '.join(allowed)}")
    missing = [name for name in required if name not in value]
    if missing:
        raise ConfigError(f"{key}: missing key(s) {', '.join(missing)}")
    return value


def _check_sas_policies(value: Any, _current: dict[str, Any]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"sas_policies: expected an object of policy name -> policy, got {value!r}")
    policies = {}
    for name, policy in value.items():
        where = f"sas_policies.{name}"
        check_text("sas_policies (policy name)", name)
        check_object_keys(where, policy, ("primary_key", "secondary_key", "rights"), ("primary_key", "rights"))
        rights = policy["rights"]
        if not isinstance(rights, list):
            raise ConfigError(f"{where}.rights: expected a list, got {rights!r}")
        policies[name] = {
            "primary_key": check_text(f"{where}.primary_key", policy["primary_key"]),
            # A policy without a secondary key only accepts tokens signed with the primary one.
            "secondary_key": check_text(f"{where}.secondary_key", policy["secondary_key"]) if "secondary_key" in policy else None,
            "rights": [check_choice(f"{where}.rights", right, SAS_RIGHTS) for right in rights],
        }
    return policies


def check_text_list(key: str, value: Any) -> list[str]:
    if not isinstance(value, list):
        raise ConfigError(f"{key}: expected a list of strings, got {value!r}")
    return [check_text(f"{key}[]", item) for item in value]


def _check_managed_identity(value: Any, current: dict[str, Any]) -> dict[str, Any]:
    # Merged key by key, as aad is, so that a test can switch off the system-assigned identity alone.
    check_object_keys("managed_identity", value, IDENTITY_SETTINGS)
    merged = dict(current["managed_identity"])
    if "system_assigned" in value:
        if not isinstance(value["system_assigned"], bool):
            raise ConfigError(f"managed_identity.system_assigned: expected true or false, got {value['system_assigned']!r}")
        merged["system_assigned"] = value["system_assigned"]
    if "user_assigned_client_ids" in value:
        merged["user_assigned_client_ids"] = check_text_list("managed_identity.user_assigned_client_ids",
                                                             value["user_assigned_client_ids"])
    if "identity_header" in value:
        merged["identity_header"] = check_text("managed_identity.identity_header", value["identity_header"])
    return merged


def _check_aad(value: Any, current: dict[str, Any]) -> dict[str, str]:
    # Unlike the other keys, aad is merged key by key so that a test can change only the secret.
    check_object_keys("aad", value, AAD_SETTINGS)
    merged = dict(current["aad"])
    merged.update({name: check_text(f"aad.{name}", setting) for name, setting in value.items()})
    return merged


def _check_default_link_type(value: Any, _current: dict[str, Any]) -> str | None:
    return None if value is None else check_choice("default_link_type", value, LINK_TYPES)


def _check_echo_headers(value: Any, _current: dict[str, Any]) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"echo_headers_in_errors: expected true or false, got {value!r}")
    return value


# key -> function(new value, current config) returning the value to store or raising ConfigError.
_CHECKS: dict[str, Callable[[Any, dict[str, Any]], Any]] = {
    "async_mode": lambda value, _current: check_choice("async_mode", value, ASYNC_MODES),
    "provisioning_polls": lambda value, _current: check_int("provisioning_polls", value, 0, MAX_PROVISIONING_POLLS),
    "final_state": lambda value, _current: check_choice("final_state", value, FINAL_STATES),
    "retry_after": lambda value, _current: check_seconds("retry_after", value),
    "response_shape": lambda value, _current: check_choice("response_shape", value, RESPONSE_SHAPES),
    "default_link_type": _check_default_link_type,
    "page_size": lambda value, _current: check_int("page_size", value, 1, MAX_PAGE_SIZE),
    "echo_headers_in_errors": _check_echo_headers,
    "sas_policies": _check_sas_policies,
    "bearer_tokens": lambda value, _current: check_text_list("bearer_tokens", value),
    "arm_bearer_tokens": lambda value, _current: check_text_list("arm_bearer_tokens", value),
    "arm_reads_per_window": lambda value, _current: check_int("arm_reads_per_window", value, 1, MAX_ARM_QUOTA),
    "arm_writes_per_window": lambda value, _current: check_int("arm_writes_per_window", value, 1, MAX_ARM_QUOTA),
    "managed_identity": _check_managed_identity,
    "aad": _check_aad,
}


def merge_config(current: dict[str, Any], update: Any) -> dict[str, Any]:
    """Return a new config with update applied, or raise ConfigError leaving current untouched.

    The merge is shallow (a given key replaces the whole value, e.g. all SAS policies), except for
    "aad" and "managed_identity", whose keys are merged one by one.
    """
    if not isinstance(update, dict):
        raise ConfigError(f"expected a JSON object of settings, got {update!r}")
    unknown = sorted(set(update) - set(_CHECKS))
    if unknown:
        raise ConfigError(f"unknown setting(s) {', '.join(unknown)}; known: {', '.join(_CHECKS)}")
    merged = copy.deepcopy(current)
    for key, value in update.items():
        merged[key] = _CHECKS[key](value, current)
    return merged
