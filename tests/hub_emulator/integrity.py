"""Referential integrity of the hub model: what each resource names, and whether that exists.

A profile's strong IDs name its own fields; an interaction names profiles (its participants) and
its own fields; a relationship names two profiles and their fields; a relationship link names an
interaction, a relationship, their fields and the fields of the relationship's profiles. The
rules (hub_model_resources.md section 3; the Hub never documents them, see README.md "emulator
assumptions") are written once, as the references each kind holds, and checked on any model:

* dangling(): what a definition names that does not exist in a model (400 for the resource PUT),
  as Violations with the path of the reference in the definition;
* newly_broken(): the references of other resources that a change (an update or a delete) would
  break (409 for that change).
"""

from dataclasses import dataclass
from typing import Any, Callable, Iterator

from .model import INTERACTIONS, PROFILES, RELATIONSHIP_LINKS, RELATIONSHIPS, KINDS, ResourceKind
from .resources import ModelView
from .schema import Violation

# Every profile has this system key property besides its own fields (Microsoft's examples use it
# as a strong ID key and as the profilePropertyName of relationship links).
PROFILE_ID = "ProfileId"


def _field_names(definition: dict[str, Any]) -> set[str]:
    return {field["fieldName"] for field in definition.get("fields", [])}


@dataclass(frozen=True)
class FieldSet:
    """Which names of a resource a reference may use, and how a message calls them."""

    description: str
    names: Callable[[dict[str, Any]], set[str]]


FIELDS = FieldSet("a field", _field_names)
PROFILE_PROPERTIES = FieldSet(f"a field (or {PROFILE_ID})", lambda definition: _field_names(definition) | {PROFILE_ID})
STRONG_ID_KEYS = FieldSet(
    f"a strong ID key property (or {PROFILE_ID})",
    lambda definition: {key for strong_id in definition.get("strongIds", []) for key in strong_id["keyPropertyNames"]} | {PROFILE_ID},
)


@dataclass(frozen=True)
class Reference:
    """One name a definition uses: a resource, or (with field) one of that resource's fields."""

    path: str  # where in the referring definition, e.g. "mappings[0].interactionFieldName"
    kind: ResourceKind
    name: str
    field: str | None = None
    field_set: FieldSet = FIELDS


def _fields_named(owner: ResourceKind, name: str, path: str, values: list[str], field_set: FieldSet = FIELDS) -> Iterator[Reference]:
    for index, value in enumerate(values):
        yield Reference(f"{path}[{index}]", owner, name, value, field_set)


def _timestamp(kind: ResourceKind, name: str, definition: dict[str, Any]) -> Iterator[Reference]:
    if "timestampFieldName" in definition:
        yield Reference("timestampFieldName", kind, name, definition["timestampFieldName"])


def _profile_references(name: str, definition: dict[str, Any], _model: ModelView) -> Iterator[Reference]:
    for index, strong_id in enumerate(definition.get("strongIds", [])):
        yield from _fields_named(PROFILES, name, f"strongIds[{index}].keyPropertyNames", strong_id["keyPropertyNames"],
                                 PROFILE_PROPERTIES)
    yield from _timestamp(PROFILES, name, definition)


def _interaction_references(name: str, definition: dict[str, Any], _model: ModelView) -> Iterator[Reference]:
    yield from _fields_named(INTERACTIONS, name, "idPropertyNames", definition.get("idPropertyNames", []))
    yield from _timestamp(INTERACTIONS, name, definition)
    for index, participant in enumerate(definition.get("participantProfiles", [])):
        path = f"participantProfiles[{index}]"
        profile = participant["profileTypeName"]
        yield Reference(f"{path}.profileTypeName", PROFILES, profile)
        for position, reference in enumerate(participant["participantPropertyReferences"]):
            where = f"{path}.participantPropertyReferences[{position}]"
            yield Reference(f"{where}.sourcePropertyName", INTERACTIONS, name, reference["sourcePropertyName"])
            yield Reference(f"{where}.targetPropertyName", PROFILES, profile, reference["targetPropertyName"], PROFILE_PROPERTIES)


def _relationship_references(_name: str, definition: dict[str, Any], _model: ModelView) -> Iterator[Reference]:
    profile, related_profile = definition["profileType"], definition["relatedProfileType"]
    yield Reference("profileType", PROFILES, profile)
    yield Reference("relatedProfileType", PROFILES, related_profile)
    for index, lookup in enumerate(definition.get("lookupMappings", [])):
        for position, mapping in enumerate(lookup["fieldMappings"]):
            where = f"lookupMappings[{index}].fieldMappings[{position}]"
            yield Reference(f"{where}.profileFieldName", PROFILES, profile, mapping["profileFieldName"], PROFILE_PROPERTIES)
            yield Reference(f"{where}.relatedProfileKeyProperty", PROFILES, related_profile,
                            mapping["relatedProfileKeyProperty"], STRONG_ID_KEYS)


def _link_references(_name: str, definition: dict[str, Any], model: ModelView) -> Iterator[Reference]:
    interaction, relationship_name = definition["interactionType"], definition["relationshipName"]
    yield Reference("interactionType", INTERACTIONS, interaction)
    yield Reference("relationshipName", RELATIONSHIPS, relationship_name)
    # The profiles are the relationship's: unknown while the relationship itself is missing.
    relationship = model[RELATIONSHIPS.collection].get(relationship_name, {})
    for list_name, profile_key in (("profilePropertyReferences", "profileType"),
                                   ("relatedProfilePropertyReferences", "relatedProfileType")):
        for index, reference in enumerate(definition[list_name]):
            where = f"{list_name}[{index}]"
            yield Reference(f"{where}.interactionPropertyName", INTERACTIONS, interaction, reference["interactionPropertyName"])
            if profile_key in relationship:
                yield Reference(f"{where}.profilePropertyName", PROFILES, relationship[profile_key],
                                reference["profilePropertyName"], PROFILE_PROPERTIES)
    for index, mapping in enumerate(definition.get("mappings", [])):
        yield Reference(f"mappings[{index}].interactionFieldName", INTERACTIONS, interaction, mapping["interactionFieldName"])
        yield Reference(f"mappings[{index}].relationshipFieldName", RELATIONSHIPS, relationship_name, mapping["relationshipFieldName"])


_REFERENCES: dict[str, Callable[[str, dict[str, Any], ModelView], Iterator[Reference]]] = {
    PROFILES.collection: _profile_references,
    INTERACTIONS.collection: _interaction_references,
    RELATIONSHIPS.collection: _relationship_references,
    RELATIONSHIP_LINKS.collection: _link_references,
}


def dangling(kind: ResourceKind, name: str, definition: dict[str, Any], model: ModelView) -> list[Violation]:
    """What the definition of kind/name names that does not exist in the model.

    A field of a missing resource is not reported on its own: the reference to that resource
    (profileType, interactionType, ...) already is.
    """
    problems = []
    for reference in _REFERENCES[kind.collection](name, definition, model):
        target = model[reference.kind.collection].get(reference.name)
        if target is None:
            if reference.field is None:
                problems.append(Violation(reference.path, f"{reference.kind.label} '{reference.name}' does not exist"))
        elif reference.field is not None and reference.field not in reference.field_set.names(target):
            what = f"{reference.field_set.description} of {reference.kind.label} '{reference.name}'"
            problems.append(Violation(reference.path, f"'{reference.field}' is not {what}"))
    return problems


def with_change(model: ModelView, kind: ResourceKind, name: str, definition: dict[str, Any] | None) -> ModelView:
    """The model after kind/name is stored with this definition, or deleted (definition None)."""
    changed = dict(model[kind.collection])
    if definition is None:
        changed.pop(name, None)
    else:
        changed[name] = definition
    return {**model, kind.collection: changed}


def newly_broken(before: ModelView, after: ModelView, changed: tuple[ResourceKind, str]) -> list[tuple[ResourceKind, str, Violation]]:
    """(kind, name, problem) of every reference a change breaks in a resource other than the changed one."""
    broken = []
    for kind in KINDS:
        for name, definition in after[kind.collection].items():
            if (kind, name) == changed:
                continue
            already = before[kind.collection].get(name)
            known = set(dangling(kind, name, already, before)) if already is not None else set()
            broken += [(kind, name, problem) for problem in dangling(kind, name, definition, after) if problem not in known]
    return broken


# Profiles and interactions are both entity types of the hub's data API: their entity set names share one namespace.
ENTITY_SET_KINDS = (PROFILES, INTERACTIONS)


def entity_set_owner(kind: ResourceKind, name: str, definition: dict[str, Any], model: ModelView) -> tuple[ResourceKind, str] | None:
    """The other profile or interaction that already uses the definition's apiEntitySetName, if any."""
    entity_set = definition.get("apiEntitySetName")
    if kind not in ENTITY_SET_KINDS or entity_set is None:
        return None
    for owner_kind in ENTITY_SET_KINDS:
        for owner, owner_definition in model[owner_kind.collection].items():
            if (owner_kind, owner) != (kind, name) and owner_definition.get("apiEntitySetName") == entity_set:
                return owner_kind, owner
    return None
