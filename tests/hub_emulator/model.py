"""The four hub-model resource types, one table row each: where they live, how they are named and
validated, what the server fills in and which read-only fields it shows.

Everything that differs between profiles, interactions, relationships and relationship links is
here; the store (resources.py), the HTTP layer (hub_api.py) and the integrity checks (writes.py,
integrity.py) work on any ResourceKind.
"""

import copy
import re
from dataclasses import dataclass
from typing import Any, Callable

# From the swagger's PUT path parameters; fullmatch, because "$" in a pattern also matches before a final newline.
NAME_PATTERN = re.compile(r"[a-zA-Z][a-zA-Z0-9_]+")

# Flags of a PropertyDefinition that Microsoft's example answers show as false when a request leaves them out.
FIELD_FLAGS = ("isArray", "isEnum", "isFlagEnum", "isImage", "isLocalizedString", "isName", "isRequired")

# Interactions report where their instances come from; the emulator has one, invented, data source.
DEFAULT_DATA_SOURCE = {
    "name": "SystemDefault",
    "dataSourceType": "SystemDefault",
    "status": "Active",
    "id": 1,
    "dataSourceReferenceId": "system-default",
}

DefaultsFiller = Callable[[str, dict[str, Any], dict[str, Any] | None, dict[str, Any]], dict[str, Any]]


@dataclass(frozen=True)
class ResourceKind:
    collection: str  # the path segment under /manage/model/ (and of the ARM resource type)
    admin_name: str  # the path segment under /_emulator/ and the key of the admin model snapshot
    label: str  # how messages call one resource
    definition: str  # the swagger definition of a flat PUT body
    wrapper: str  # the swagger definition of an ARM-shaped PUT body ({"properties": ...})
    max_name_length: int
    # (name, validated writable fields, previous definition or None, config) -> definition to store
    fill_defaults: DefaultsFiller
    deletable: bool = True
    localized: bool = False  # takes the locale-code query parameter
    # Fields that only a create may set: an update that leaves them out keeps them, one that changes them is refused.
    create_only: tuple[str, ...] = ()
    # Read-only fields shown besides provisioningState and tenantId: a read-only field name -> what it shows.
    shows_name_as: str | None = None  # linkName / relationshipName = the URL name
    shows_guid: bool = False  # relationshipGuidId
    shows_last_changed: bool = False  # lastChangedUtc
    shows_data_source: bool = False  # defaultDataSource and dataSourcePrecedenceRules (also in each field)

    @property
    def arm_type(self) -> str:
        return f"Microsoft.CustomerInsights/hubs/{self.collection}"

    def name_error(self, name: str) -> str | None:
        """Why a PUT may not use this name, or None when it may."""
        if len(name) <= self.max_name_length and NAME_PATTERN.fullmatch(name):
            return None
        return (f"The {self.label} name '{name}' is invalid: it must match ^[a-zA-Z][a-zA-Z0-9_]+$ "
                f"and be at most {self.max_name_length} characters long.")


# ---- server-filled defaults -----------------------------------------------------------------------

def _property_ids(fields: list[dict[str, Any]]) -> dict[str, str]:
    return {field["fieldName"]: field["propertyId"] for field in fields if "propertyId" in field}


def fill_field_defaults(fields: list[dict[str, Any]], previous_fields: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Fields as the hub stores them: the is* flags false and a propertyId when the request has none.

    A field keeps the propertyId it had (matched by fieldName), so updates do not renumber; a new
    field gets the lowest "id<n>" no field has or had.
    """
    previous_ids = _property_ids(previous_fields)
    taken = set(_property_ids(fields).values())
    filled = []
    for field in fields:
        field = {**field, **{flag: False for flag in FIELD_FLAGS if flag not in field}}
        if "propertyId" not in field:
            property_id = previous_ids.get(field["fieldName"])
            if property_id is None or property_id in taken:
                used = taken | set(previous_ids.values())
                property_id = next(f"id{number}" for number in range(1, len(used) + 2) if f"id{number}" not in used)
            field["propertyId"] = property_id
            taken.add(property_id)
        filled.append(field)
    return filled


def _with_list_defaults(definition: dict[str, Any], previous: dict[str, Any] | None, lists: tuple[str, ...]) -> dict[str, Any]:
    """Empty lists for the given list fields left out, and the field defaults on "fields"."""
    filled = copy.deepcopy(definition)
    for list_name in lists:
        filled.setdefault(list_name, [])
    filled["fields"] = fill_field_defaults(filled["fields"], (previous or {}).get("fields", []))
    return filled


def _entity_type_defaults(entity_type: str, name: str, definition: dict[str, Any], previous: dict[str, Any] | None,
                          lists: tuple[str, ...]) -> dict[str, Any]:
    """Profiles and interactions: entityType, typeName and instancesCount are the server's, whatever is sent."""
    filled = _with_list_defaults(definition, previous, lists)
    filled.update(entityType=entity_type, typeName=name, instancesCount=0)
    return filled


def _profile_defaults(name: str, definition: dict[str, Any], previous: dict[str, Any] | None,
                      _config: dict[str, Any]) -> dict[str, Any]:
    return _entity_type_defaults("Profile", name, definition, previous, ("fields", "strongIds"))


def _interaction_defaults(name: str, definition: dict[str, Any], previous: dict[str, Any] | None,
                          _config: dict[str, Any]) -> dict[str, Any]:
    filled = _entity_type_defaults("Interaction", name, definition, previous, ("fields", "idPropertyNames", "participantProfiles"))
    # Read-only in all but name (every member of a DataSource is read-only): the server shows its own.
    filled.pop("defaultDataSource", None)
    filled.setdefault("isActivity", False)
    return filled


def _relationship_defaults(_name: str, definition: dict[str, Any], previous: dict[str, Any] | None,
                           _config: dict[str, Any]) -> dict[str, Any]:
    return _with_list_defaults(definition, previous, ("fields", "lookupMappings"))


def _link_defaults(_name: str, definition: dict[str, Any], _previous: dict[str, Any] | None,
                   config: dict[str, Any]) -> dict[str, Any]:
    """Give mappings without a linkType the configured default (config default_link_type), if any."""
    link_type = config["default_link_type"]
    if link_type is None or "mappings" not in definition:
        return definition
    filled = copy.deepcopy(definition)
    for mapping in filled["mappings"]:
        mapping.setdefault("linkType", link_type)
    return filled


# ---- the table ----------------------------------------------------------------------------------

PROFILES = ResourceKind(
    "profiles", "profiles", "profile", "ProfileTypeDefinition", "ProfileResourceFormat", 128, _profile_defaults,
    localized=True, shows_last_changed=True,
)
INTERACTIONS = ResourceKind(
    "interactions", "interactions", "interaction", "InteractionTypeDefinition", "InteractionResourceFormat", 128, _interaction_defaults,
    deletable=False, localized=True, create_only=("isActivity",), shows_last_changed=True, shows_data_source=True,
)
RELATIONSHIPS = ResourceKind(
    "relationships", "relationships", "relationship", "RelationshipDefinition", "RelationshipResourceFormat", 512, _relationship_defaults,
    shows_name_as="relationshipName", shows_guid=True,
)
# The admin API has called links "links" since before the other kinds existed.
RELATIONSHIP_LINKS = ResourceKind(
    "relationshipLinks", "links", "relationship link", "RelationshipLinkDefinition", "RelationshipLinkResourceFormat", 512, _link_defaults,
    shows_name_as="linkName", shows_guid=True,
)

# In dependency order: a resource only refers to resources of the kinds before it.
KINDS = (PROFILES, INTERACTIONS, RELATIONSHIPS, RELATIONSHIP_LINKS)
KIND_BY_COLLECTION = {kind.collection: kind for kind in KINDS}
KIND_BY_ADMIN_NAME = {kind.admin_name: kind for kind in KINDS}
