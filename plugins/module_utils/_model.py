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

from ansible_collections.customerinsights.hub.plugins.module_utils._client import ENVELOPE_KEYS, shape_error

# Read-only keys of hub answers whose snake_case would be the name of an option with another
# meaning: tenantId (the hub's tenant, i.e. its lower-cased name) is not the Azure AD tenant_id
# auth option. A returned key never shares a name with an option, so that reading a result can
# never be mistaken for what to send (and feeding a result back can never pick an auth method).
RETURNED_KEY_RENAMES = {'tenantId': 'hub_tenant_id'}


def snake_case(name):
    """provisioningState -> provisioning_state (only for API keys, never for user data such as locales)."""
    return re.sub(r'(?<=[a-z0-9])([A-Z])', r'_\1', name).lower()


def returned_key(api_key):
    """The key a read-only API key has in returned resources."""
    return RETURNED_KEY_RENAMES.get(api_key) or snake_case(api_key)


def _is_text_map(value):
    return isinstance(value, dict) and all(isinstance(key, str) and isinstance(text, str) for key, text in value.items())


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

    def shape_problem(self, value):
        """(where below the field, what the schema wants, the value found) for a mis-typed hub value, else None."""
        return None if isinstance(value, str) else ('', 'a string', value)


class LocaleMapField(Field):
    """A dict of locale to text (displayName, description); a missing dict equals an empty one."""

    def to_api(self, value):
        return dict(value or {})

    def from_api(self, value):
        return dict(value or {})

    def equal(self, desired, current):
        return (desired or {}) == (current or {})

    def shape_problem(self, value):
        return None if _is_text_map(value) else ('', 'a JSON object of locale code to text', value)


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

    def shape_problem(self, value):
        if not isinstance(value, list):
            return '', 'a list of JSON objects', value
        for index, item in enumerate(value):
            if not isinstance(item, dict):
                return '[%d]' % index, 'a JSON object', item
            for _sub, api in self.item_keys:
                if item.get(api) is not None and not isinstance(item[api], str):
                    return '[%d].%s' % (index, api), 'a string', item[api]
        return None

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

    def __init__(self, kind, result_key, fields, required_on_create, read_only_text=()):
        self.kind = kind
        self.result_key = result_key
        self.fields = fields
        self.required_on_create = required_on_create
        # Read-only keys the schema types as strings (checked in answers, never sent).
        self.read_only_text = read_only_text

    def check_shape(self, method, url, resource):
        """Fail with a HubShapeError naming the first field of a hub answer whose type the schema forbids."""
        _envelope, definition = self.split(resource)
        prefix = 'properties.' if isinstance(resource.get('properties'), dict) else ''
        for key in self.read_only_text:
            if definition.get(key) is not None and not isinstance(definition[key], str):
                raise shape_error(method, url, prefix + key, 'a string', definition[key])
        for field in self.fields:
            value = definition.get(field.api_key)
            problem = None if value is None else field.shape_problem(value)
            if problem:
                where, expected, found = problem
                raise shape_error(method, url, prefix + field.api_key + where, expected, found)
        return resource

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
        described = dict((returned_key(key), value) for key, value in envelope.items())
        if described.get('name'):
            described['name'] = described['name'].rsplit('/', 1)[-1]
        by_key = dict((field.api_key, field) for field in self.fields)
        for key, value in definition.items():
            if key not in by_key:
                described[returned_key(key)] = value
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
