"""Validation of request bodies against the definitions of the swagger extract in schema/.

The extract holds Microsoft's 2017-04-26 definitions of the four hub-model types (profiles,
interactions, relationships, relationship links). Only the subset of Swagger 2.0 schema keywords
those definitions use is supported: type, properties, required, items, enum, additionalProperties,
readOnly, allOf, format "date-time" and local "$ref"s ("#/definitions/Name"). Two choices differ
from plain JSON-schema semantics and mirror how the Hub treats requests:

* objects are closed: a property that is neither declared nor allowed by additionalProperties is
  an error (the swagger never says "additionalProperties": false, but the emulator must catch
  typos in the requests a client sends);
* read-only properties in a request are ignored: they are neither validated nor kept.
"""

import datetime
import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SWAGGER_FILE = Path(__file__).resolve().parent / "schema" / "hub_model_swagger_extract.json"

_JSON_TYPE_CHECKS = {
    "object": lambda value: isinstance(value, dict),
    "array": lambda value: isinstance(value, list),
    "string": lambda value: isinstance(value, str),
    "boolean": lambda value: isinstance(value, bool),
    # bool is a subclass of int in Python, but true/false are not numbers in JSON.
    "integer": lambda value: isinstance(value, int) and not isinstance(value, bool),
    "number": lambda value: isinstance(value, (int, float)) and not isinstance(value, bool),
}


@dataclass(frozen=True)
class Violation:
    """One reason why a request document is refused (schema or reference); path is like 'mappings[0].linkType'."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path or '(root)'}: {self.message}"


def _is_date_time(value: str) -> bool:
    """A date and a time ("2017-01-01T00:00:00Z"), read leniently as ISO 8601 by datetime.fromisoformat.

    Lenient (an offset may be left out) because the docs never say how strict the Hub is; a date
    alone or free text is refused.
    """
    if "T" not in value.upper():
        return False
    try:
        datetime.datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


# The formats checked; others in the extract (e.g. "decimal" on KPI numbers) are not reached by the
# four hub-model definitions and are not checked.
_FORMAT_CHECKS = {"date-time": _is_date_time}


def json_type_name(value: Any) -> str:
    if value is None:
        return "null"
    for name in ("boolean", "integer", "number", "string", "array", "object"):
        if _JSON_TYPE_CHECKS[name](value):
            return name
    return type(value).__name__


def _child_path(parent: str, key: str) -> str:
    return f"{parent}.{key}" if parent else key


class SwaggerValidator:
    """Validates JSON documents against the 'definitions' section of a swagger document."""

    def __init__(self, swagger_document: dict[str, Any]):
        self._definitions = swagger_document["definitions"]

    @classmethod
    def from_file(cls, path: Path = SWAGGER_FILE) -> "SwaggerValidator":
        with open(path, encoding="utf-8") as swagger_file:
            return cls(json.load(swagger_file))

    def validate_request(self, document: Any, definition_name: str) -> tuple[Any, list[Violation]]:
        """Check a request document; return (copy without read-only properties, violations)."""
        violations: list[Violation] = []
        cleaned = self._validate(document, {"$ref": f"#/definitions/{definition_name}"}, "", violations)
        return cleaned, violations

    def _resolve(self, schema: dict[str, Any]) -> dict[str, Any]:
        """Follow "$ref"s; sibling keywords such as readOnly win over the referenced schema's."""
        while "$ref" in schema:
            reference = schema["$ref"]
            prefix = "#/definitions/"
            if not reference.startswith(prefix):
                raise ValueError(f"unsupported $ref {reference!r}: only local definitions are handled")
            siblings = {key: value for key, value in schema.items() if key != "$ref"}
            schema = {**self._definitions[reference[len(prefix):]], **siblings}
        return schema

    def _object_shape(self, schema: dict[str, Any]) -> tuple[dict[str, Any], set[str], Any]:
        """Declared properties, required names and additionalProperties, merged across allOf.

        Merging (rather than validating each allOf branch on its own) is needed because objects are
        closed: each branch alone would reject the properties the other branches declare.
        """
        properties = dict(schema.get("properties", {}))
        required = set(schema.get("required", []))
        for branch in schema.get("allOf", []):
            branch_properties, branch_required, _additional = self._object_shape(self._resolve(branch))
            properties = {**branch_properties, **properties}
            required |= branch_required
        return properties, required, schema.get("additionalProperties")

    def _validate(self, value: Any, schema: dict[str, Any], path: str, violations: list[Violation]) -> Any:
        schema = self._resolve(schema)
        expected_type = schema.get("type") or ("object" if "properties" in schema or "allOf" in schema else None)
        if expected_type is not None and not _JSON_TYPE_CHECKS[expected_type](value):
            violations.append(Violation(path, f"expected {expected_type}, got {json_type_name(value)}"))
            return value
        # An enum with x-ms-enum.modelAsString is extensible: other values are allowed.
        enum_is_closed = not schema.get("x-ms-enum", {}).get("modelAsString", False)
        if "enum" in schema and enum_is_closed and value not in schema["enum"]:
            allowed = ", ".join(json.dumps(item) for item in schema["enum"])
            violations.append(Violation(path, f"{json.dumps(value)} is not one of {allowed}"))
            return value
        format_check = _FORMAT_CHECKS.get(schema.get("format", ""))
        if format_check is not None and isinstance(value, str) and not format_check(value):
            violations.append(Violation(path, f"{json.dumps(value)} is not a {schema['format']} (ISO 8601 date and time)"))
            return value
        if expected_type == "array":
            item_schema = schema.get("items", {})
            return [self._validate(item, item_schema, f"{path}[{index}]", violations) for index, item in enumerate(value)]
        if expected_type == "object":
            return self._validate_object(value, schema, path, violations)
        return value

    def _validate_object(self, value: dict[str, Any], schema: dict[str, Any], path: str,
                         violations: list[Violation]) -> dict[str, Any]:
        properties, required, additional = self._object_shape(schema)
        cleaned = {}
        for key in sorted(required - value.keys()):
            if not self._resolve(properties.get(key, {})).get("readOnly"):
                violations.append(Violation(_child_path(path, key), "required property is missing"))
        for key, item in value.items():
            child_path = _child_path(path, key)
            if key in properties:
                property_schema = self._resolve(properties[key])
                if property_schema.get("readOnly"):
                    continue
                cleaned[key] = self._validate(item, property_schema, child_path, violations)
            elif isinstance(additional, dict):
                cleaned[key] = self._validate(item, additional, child_path, violations)
            elif additional is True:
                cleaned[key] = item
            else:
                violations.append(Violation(child_path, f"unknown property '{key}'"))
        return cleaned


@functools.cache
def hub_model_validator() -> SwaggerValidator:
    """The validator for the bundled swagger extract, loaded once."""
    return SwaggerValidator.from_file()


def validate_definition_body(document: Any, definition_name: str, wrapper_name: str) -> tuple[dict[str, Any], list[Violation]]:
    """Validate a PUT body of one resource type; return (writable definition fields, violations).

    The Hub docs show a flat definition (e.g. RelationshipLinkDefinition) as the body while the
    swagger and the SDKs wrap it as {"properties": {...}} (the <Type>ResourceFormat, ambiguity A1):
    both are accepted. None of the four definitions has a "properties" member, so its presence tells
    the two apart. In the wrapped form the read-only id, name and type are ignored and violation
    paths start with "properties.".
    """
    validator = hub_model_validator()
    if isinstance(document, dict) and "properties" in document:
        cleaned, violations = validator.validate_request(document, wrapper_name)
        return (cleaned.get("properties", {}) if isinstance(cleaned, dict) else {}), violations
    cleaned, violations = validator.validate_request(document, definition_name)
    return (cleaned if isinstance(cleaned, dict) else {}), violations
