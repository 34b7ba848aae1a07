# -*- coding: utf-8 -*-
# Copyright: (c) 2026, customerinsights.hub contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY
# The interfaces in this file are meant for use within the customerinsights.hub collection
# and may not remain stable to outside uses. Changes may be made in ANY release, even a bugfix release.

"""Resource model: module options <-> API body, comparison of what the task gave, diff, snake_case output.

A model is a table of fields. Each field knows its option name, its API (camelCase) key and its
kind, so the same code converts, compares and merges every resource type of the hub.
"""

from __future__ import annotations

import re

ENVELOPE_KEYS = ('id', 'name', 'type')


def snake_case(name):
    """provisioningState -> provisioning_state (only for API keys, never for user data such as locales)."""
    return re.sub(r'(?<=[a-z0-9])([A-Z])', r'_\1', name).lower()


class Field:
    """A plain value (str): compared and replaced as a whole."""

    def __init__(self, option, api_key):
        self.option = option
        self.api_key = api_key

    def to_api(self, value):
        return value

    def from_api(self, value):
        return value

    def equal(self, desired, current):
        return desired == current

    def merge(self, desired, current):
        return desired


class LocaleMapField(Field):
    """A dict of locale to text (displayName, description); a missing dict equals an empty one."""

    def to_api(self, value):
        return dict(value or {})

    def from_api(self, value):
        return dict(value or {})

    def equal(self, desired, current):
        return (desired or {}) == (current or {})


class ItemListField(Field):
    """A list of small dicts (references, mappings).

    The lists are unordered for the comparison: every item is self-describing, and a hub that
    answers in another order than it was given must not make a task report a change forever.
    Sub-keys in server_defaulted may be left out of a task item (None); such an item matches a
    hub item whatever the hub filled in there, and a PUT carries the hub's value over, so what the
    task left out is left as it is.
    """

    def __init__(self, option, api_key, item_keys, server_defaulted=()):
        super().__init__(option, api_key)
        self.item_keys = item_keys  # ((sub-option, API sub-key), ...)
        self.server_defaulted = frozenset(server_defaulted)

    def to_api(self, value):
        return [dict((api, item[sub]) for sub, api in self.item_keys if item.get(sub) is not None) for item in value or []]

    def from_api(self, value):
        # A sub-key the hub left out stays out (not None), so an item can be given back to the module.
        return [dict((sub, item[api]) for sub, api in self.item_keys if item.get(api) is not None)
                for item in value or [] if isinstance(item, dict)]

    def match(self, desired, current):
        """Pair desired items with distinct current ones: {desired index: current index}.

        Complete items are paired first, so an item that leaves a server-defaulted key out can
        only take a hub item no complete item needs.
        """
        pairs = {}
        used = set()
        order = sorted(range(len(desired)), key=lambda index: sum(value is None for value in desired[index].values()))
        for index in order:
            wanted = dict((key, value) for key, value in desired[index].items()
                          if value is not None or key not in self.server_defaulted)
            for candidate, item in enumerate(current):
                if candidate not in used and all(item.get(key) == value for key, value in wanted.items()):
                    pairs[index] = candidate
                    used.add(candidate)
                    break
        return pairs

    def equal(self, desired, current):
        desired, current = desired or [], current or []
        return len(desired) == len(current) and len(self.match(desired, current)) == len(desired)

    def merge(self, desired, current):
        current = current or []
        pairs = self.match(desired, current)
        merged = []
        for index, item in enumerate(desired):
            item = dict(item)
            for key in self.server_defaulted:
                if item.get(key) is None and index in pairs:
                    item[key] = current[pairs[index]].get(key)
            merged.append(item)
        return merged


class ResourceModel:
    """The writable fields of one resource type and what creation needs.

    Read-only fields (linkName, provisioningState, ...) are simply not in the table, so they are
    never compared, merged or sent.
    """

    def __init__(self, kind, result_key, fields, required_on_create):
        self.kind = kind
        self.result_key = result_key
        self.fields = fields
        self.required_on_create = required_on_create

    def desired(self, params):
        """The writable options the task gave (None means: not given, leave as is)."""
        return dict((field.option, params[field.option]) for field in self.fields if params.get(field.option) is not None)

    @staticmethod
    def split(resource):
        """(envelope, definition) of a hub answer, ARM-shaped ({.., properties: {..}}) or flat."""
        resource = resource or {}
        if isinstance(resource.get('properties'), dict):
            envelope = dict((key, value) for key, value in resource.items() if key != 'properties')
            return envelope, resource['properties']
        envelope = dict((key, resource[key]) for key in ENVELOPE_KEYS if key in resource)
        definition = dict((key, value) for key, value in resource.items() if key not in ENVELOPE_KEYS)
        return envelope, definition

    def current(self, resource):
        """The writable fields of a hub answer, as options."""
        _envelope, definition = self.split(resource)
        return dict((field.option, field.from_api(definition[field.api_key])) for field in self.fields
                    if definition.get(field.api_key) is not None)

    def missing_for_create(self, desired):
        return [option for option in self.required_on_create if option not in desired]

    def differences(self, desired, current):
        """Options the task gave whose value differs from the hub's; nothing else is compared."""
        return [field.option for field in self.fields
                if field.option in desired and not field.equal(desired[field.option], current.get(field.option))]

    def merged(self, desired, current):
        """What to PUT: the hub's writable fields overlaid with what the task gave.

        A PUT replaces the whole resource, so every field the task did not mention is sent back
        with the hub's value rather than erased.
        """
        merged = dict(current)
        for field in self.fields:
            if field.option in desired:
                merged[field.option] = field.merge(desired[field.option], current.get(field.option))
        return merged

    def to_body(self, options):
        """The flat API body (camelCase) of the given options."""
        return dict((field.api_key, field.to_api(options[field.option])) for field in self.fields if field.option in options)

    @staticmethod
    def comparable(options):
        """Options as shown in a diff: sub-keys the task left out (None) are not shown."""
        return _drop_none(options)

    def describe(self, resource):
        """The resource as the hub returned it, with snake_case keys like the module options.

        The envelope name of an ARM answer is '<hub>/<link>': name is the bare resource name.
        """
        envelope, definition = self.split(resource)
        described = dict((snake_case(key), value) for key, value in envelope.items())
        if described.get('name'):
            described['name'] = described['name'].rsplit('/', 1)[-1]
        by_key = dict((field.api_key, field) for field in self.fields)
        for key, value in definition.items():
            if key not in by_key:
                described[snake_case(key)] = value
        # Every writable field is there, None where the hub holds nothing, so the shape is always
        # the module's option set and an item can be fed back to the module as it is.
        for field in self.fields:
            value = definition.get(field.api_key)
            described[field.option] = None if value is None else field.from_api(value)
        return described


def _drop_none(value):
    if isinstance(value, list):
        return [_drop_none(item) for item in value]
    if isinstance(value, dict):
        return dict((key, _drop_none(item)) for key, item in value.items() if item is not None)
    return value
