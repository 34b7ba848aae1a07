# -*- coding: utf-8 -*-
# Copyright: (c) 2026, customerinsights.hub contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY
# The interfaces in this file are meant for use within the customerinsights.hub collection
# and may not remain stable to outside uses. Changes may be made in ANY release, even a bugfix release.

"""Resource model: one table per resource type owns everything about it.

A model is a table of fields plus what the Hub API says about the resource: where it lives, its
name rule, what creation needs, whether it can be deleted, its query options. From the table come
the module's argspec (each option spelled once, sub-options included), the conversion between
options and API bodies, the comparison of what the task gave, the merge that keeps what the task
left out, the shape check of hub answers and the snake_case output.

Every field's option is the snake_case of its API key, at every level. A None in the task means
"not given": it is not compared, and an update carries the hub's value over.
"""

from __future__ import annotations

import datetime
import json
import re

from collections import Counter
from decimal import Decimal

from ansible_collections.customerinsights.hub.plugins.module_utils._client import ENVELOPE_KEYS, shape_error

# Read-only keys of hub answers whose snake_case would be the name of an option with another
# meaning: tenantId (the hub's tenant, i.e. its lower-cased name) is not the Azure AD tenant_id
# auth option. A returned key never shares a name with an option, so that reading a result can
# never be mistaken for what to send (and feeding a result back can never pick an auth method).
RETURNED_KEY_RENAMES = {'tenantId': 'hub_tenant_id'}

# The name rule of the hub model resources in the published schema (path parameter of PUT), and
# what it means in words; a table whose resource has another rule gives its own.
MODEL_NAME_PATTERN = re.compile(r'^[a-zA-Z][a-zA-Z0-9_]+$')
MODEL_NAME_RULE = 'it must start with a letter, be followed by at least one letter, digit or underscore, and hold nothing else'


def snake_case(name):
    """provisioningState -> provisioning_state (only for API keys, never for user data such as locales)."""
    return re.sub(r'(?<=[a-z0-9])([A-Z])', r'_\1', name).lower()


def returned_key(api_key):
    """The key a read-only API key has in returned resources."""
    return RETURNED_KEY_RENAMES.get(api_key) or snake_case(api_key)


def snake_case_keys(value):
    """A read-only part of an answer with snake_case keys at every level."""
    if isinstance(value, list):
        return [snake_case_keys(item) for item in value]
    if isinstance(value, dict):
        return dict((returned_key(key), snake_case_keys(item)) for key, item in value.items())
    return value


# An ISO 8601 date and time, as the schema's format date-time and the hub take it: a T between date
# and time, any fraction of a second, an offset of Z, +hh:mm, +hhmm or +hh; no offset means UTC (the
# fields that hold one say Utc).
DATE_TIME_PATTERN = re.compile(r'(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?'
                               r'(?:[Zz]|([+-])(\d{2})(?::?(\d{2}))?)?')


def instant(text):
    """The point in time of a date-time string, comparable across spellings of it; None when it is not one."""
    match = DATE_TIME_PATTERN.fullmatch(text) if isinstance(text, str) else None
    if not match:
        return None
    year, month, day, hour, minute, second, fraction, sign, offset_hours, offset_minutes = match.groups()
    offset = datetime.timedelta(hours=int(offset_hours or 0), minutes=int(offset_minutes or 0))
    try:
        moment = datetime.datetime(int(year), int(month), int(day), int(hour), int(minute), int(second))
        moment -= offset if sign == '+' else -offset
    except (ValueError, OverflowError):
        return None
    # The fraction as a Decimal keeps every digit a hub may send (.NET answers ticks, seven digits).
    return moment, Decimal('0.' + (fraction or '0'))


def _is_text_map(value):
    return isinstance(value, dict) and all(isinstance(key, str) and isinstance(text, str) for key, text in value.items())


class Field:
    """A text value: compared and replaced as a whole.

    Subclasses say what the value is (its argspec type, its JSON shape) and how two values compare.
    """

    argspec_type = 'str'
    json_kind = 'a string'

    def __init__(self, api_key, required=False, choices=None, create_only=False, no_log=None):
        self.api_key = api_key
        self.option = snake_case(api_key)
        # Required as a sub-option of a list item (a top-level option is never required: an
        # update may leave it out; creation needs are the model's required_on_create).
        self.required = required
        self.choices = choices
        # Settable only when the resource is created (isActivity of an interaction).
        self.create_only = create_only
        # False for an option whose name only looks like a secret's (key_property_names): said
        # explicitly, so that ansible-test's validate-modules does not ask for no_log.
        self.no_log = no_log

    def argspec(self):
        spec = dict(type=self.argspec_type)
        if self.required:
            spec['required'] = True
        if self.choices:
            spec['choices'] = list(self.choices)
        if self.no_log is not None:
            spec['no_log'] = self.no_log
        return spec

    def is_json_kind(self, value):
        return isinstance(value, str)

    def to_api(self, value):
        return value

    def from_api(self, value):
        """The writable value of a hub answer, as the option holds it."""
        return value

    def describe(self, value):
        """The value as returned to the user (read-only parts included)."""
        return self.from_api(value)

    def equal(self, desired, current):
        return desired == current

    def merge(self, desired, current):
        return desired

    def cleared(self):
        """The value that leaves the field empty (state=replaced of relationship_links): None is not sent at all."""
        return None

    def shape_problem(self, value):
        """(where below the field, what the schema wants, the value found) for a mis-typed hub value, else None."""
        return None if self.is_json_kind(value) else ('', self.json_kind, value)

    def input_problems(self, value, where):
        """Messages for task values the argspec lets through but the API would refuse."""
        return []


class Text(Field):
    """A string (free, or one of choices)."""


class Flag(Field):
    """A boolean the hub fills in as false when it is not given."""

    argspec_type = 'bool'
    json_kind = 'a boolean'

    def is_json_kind(self, value):
        return isinstance(value, bool)

    def equal(self, desired, current):
        return desired == bool(current)

    def cleared(self):
        # What the hub fills in when the flag is not given: clearing to None would differ from it forever.
        return False


class Number(Field):
    """An integer."""

    argspec_type = 'int'
    json_kind = 'an integer'

    def is_json_kind(self, value):
        return isinstance(value, int) and not isinstance(value, bool)


class DateTime(Text):
    """A UTC date and time (format date-time), sent as given and compared as a point in time.

    A hub that answers 2030-01-01T00:00:00.000Z to a task that said 2030-01-01T00:00:00Z, or the
    same instant with another offset, must not make the task report a change forever.
    """

    def equal(self, desired, current):
        desired_instant, current_instant = instant(desired), instant(current)
        if desired_instant is None or current_instant is None:
            return desired == current
        return desired_instant == current_instant

    def input_problems(self, value, where):
        if value is None or instant(value) is not None:
            return []
        hint = ''
        if instant(value.replace(' ', 'T', 1)) is not None:
            # What str() of a Python datetime gives, e.g. from a template: isoformat() is the form.
            hint = ' (the date and the time must be separated by a T)'
        return ['%s must be an ISO 8601 date and time such as 2030-01-01T00:00:00Z, not %r%s' % (where, value, hint)]


class TextList(Field):
    """A list of strings, compared as an unordered collection (a multiset)."""

    argspec_type = 'list'
    json_kind = 'a list of strings'

    def argspec(self):
        return dict(super().argspec(), elements='str')

    def is_json_kind(self, value):
        return isinstance(value, list) and all(isinstance(item, str) for item in value)

    def equal(self, desired, current):
        return Counter(desired or []) == Counter(current or [])

    def cleared(self):
        return []


class LocaleMap(Field):
    """A dict of locale code to text (displayName, description); a missing dict equals an empty one."""

    argspec_type = 'dict'
    json_kind = 'a JSON object of locale code to text'

    def is_json_kind(self, value):
        return _is_text_map(value)

    def to_api(self, value):
        return dict(value or {})

    def from_api(self, value):
        return dict(value or {})

    def equal(self, desired, current):
        return (desired or {}) == (current or {})

    def cleared(self):
        return {}

    def input_problems(self, value, where):
        if value is None:
            return []
        bad = sorted(str(key) for key, text in value.items() if not isinstance(key, str) or not isinstance(text, str))
        return ['%s must map locale codes to strings (e.g. {en-us: "Text"}); not a string: %s' % (where, ', '.join(bad))] if bad else []


class TextListMap(LocaleMap):
    """A dict of name to a list of strings (attributes); the lists compare unordered."""

    json_kind = 'a JSON object of lists of strings'

    def is_json_kind(self, value):
        return isinstance(value, dict) and all(TextList.is_json_kind(self, item) for item in value.values())

    def equal(self, desired, current):
        desired, current = desired or {}, current or {}
        return set(desired) == set(current) and all(Counter(desired[key]) == Counter(current[key]) for key in desired)

    def input_problems(self, value, where):
        if value is None:
            return []
        bad = sorted(str(key) for key, items in value.items()
                     if not isinstance(items, list) or not all(isinstance(item, str) for item in items))
        return ['%s must map names to lists of strings; not a list of strings: %s' % (where, ', '.join(bad))] if bad else []


class LocaleMapMap(LocaleMap):
    """A dict of name to a locale map (localizedAttributes)."""

    json_kind = 'a JSON object of locale maps'

    def is_json_kind(self, value):
        return isinstance(value, dict) and all(_is_text_map(item) for item in value.values())

    def input_problems(self, value, where):
        if value is None:
            return []
        bad = sorted(str(key) for key, item in value.items() if not _is_text_map(item))
        return ['%s must map names to locale maps of strings; not such a map: %s' % (where, ', '.join(bad))] if bad else []


class ItemList(Field):
    """A list of items, each a small table of fields (which may hold lists of items themselves).

    The lists are unordered for the comparison: every item is self-describing, and a hub that
    answers in another order than it was given must not make a task report a change forever.
    A sub-option the task leaves out of an item (None) matches whatever the hub holds there (the
    hub's defaults: false is* flags, a propertyId, a linkType), and an update carries the hub's
    value over, so what the task left out is left as it is.

    identity names the sub-fields that say which item an item is (a field's fieldName, a strong
    ID's strongIdName). A task's item that differs from every hub item is still the hub's item of
    the same identity, so an update that changes one sub-option of it (isName of a field, say)
    keeps the hub's values of the sub-options the task left out (its isRequired, its propertyId)
    instead of letting the hub reset them. Without identity such an item is sent as the task gives it.
    """

    argspec_type = 'list'
    json_kind = 'a list of JSON objects'

    def __init__(self, api_key, item_fields, identity=(), **kwargs):
        super().__init__(api_key, **kwargs)
        self.item_fields = item_fields
        self.identity = tuple(snake_case(key) for key in identity)

    def argspec(self):
        return dict(super().argspec(), elements='dict',
                    options=dict((field.option, field.argspec()) for field in self.item_fields))

    def to_api(self, value):
        return [dict((field.api_key, field.to_api(item[field.option])) for field in self.item_fields
                     if item.get(field.option) is not None) for item in value or []]

    def from_api(self, value):
        # A sub-key the hub left out stays out (not None), so an item can be given back to the module.
        return [dict((field.option, field.from_api(item[field.api_key])) for field in self.item_fields
                     if item.get(field.api_key) is not None) for item in value or [] if isinstance(item, dict)]

    def describe(self, value):
        described = []
        for item in value or []:
            known = dict((field.api_key, field) for field in self.item_fields)
            entry = dict((returned_key(key), snake_case_keys(part)) for key, part in item.items() if key not in known)
            entry.update((field.option, field.describe(item[field.api_key])) for field in self.item_fields
                         if item.get(field.api_key) is not None)
            described.append(entry)
        return described

    def shape_problem(self, value):
        if not isinstance(value, list):
            return '', self.json_kind, value
        for index, item in enumerate(value):
            if not isinstance(item, dict):
                return '[%d]' % index, 'a JSON object', item
            for field in self.item_fields:
                problem = None if item.get(field.api_key) is None else field.shape_problem(item[field.api_key])
                if problem:
                    where, expected, found = problem
                    return '[%d].%s%s' % (index, field.api_key, where), expected, found
        return None

    def input_problems(self, value, where):
        problems = []
        for index, item in enumerate(value or []):
            for field in self.item_fields:
                problems.extend(field.input_problems(item.get(field.option), '%s[%d].%s' % (where, index, field.option)))
        return problems

    def _item_matches(self, desired, current):
        return all(field.equal(desired[field.option], current.get(field.option)) for field in self.item_fields
                   if desired.get(field.option) is not None)

    def match(self, desired, current):
        """Pair desired items with distinct current ones: {desired index: current index}.

        Complete items are paired first, so an item that leaves a sub-option out can only take a
        hub item no more complete item needs.
        """
        order = sorted(range(len(desired)), key=lambda index: sum(value is None for value in desired[index].values()))
        return self._pair(order, desired, current, self._item_matches, {})

    @staticmethod
    def _pair(indexes, desired, current, fits, pairs):
        """Add to pairs each desired index, in the order given, with the first hub item not paired yet that fits it."""
        used = set(pairs.values())
        for index in indexes:
            for candidate, item in enumerate(current):
                if candidate not in used and fits(desired[index], item):
                    pairs[index] = candidate
                    used.add(candidate)
                    break
        return pairs

    def equal(self, desired, current):
        desired, current = desired or [], current or []
        return len(desired) == len(current) and len(self.match(desired, current)) == len(desired)

    def cleared(self):
        return []

    def _same_identity(self, desired, current):
        return all(desired.get(option) is not None and desired[option] == current.get(option) for option in self.identity)

    def pairs_for_merge(self, desired, current):
        """match(), then each unpaired desired item with a distinct hub item of the same identity."""
        pairs = self.match(desired, current)
        if not self.identity:
            return pairs
        unpaired = [index for index in range(len(desired)) if index not in pairs]
        return self._pair(unpaired, desired, current, self._same_identity, pairs)

    def merge(self, desired, current):
        current = current or []
        pairs = self.pairs_for_merge(desired, current)
        merged = []
        for index, item in enumerate(desired):
            paired = current[pairs[index]] if index in pairs else {}
            merged.append(dict((field.option, paired.get(field.option) if item.get(field.option) is None
                                else field.merge(item[field.option], paired.get(field.option)))
                               for field in self.item_fields))
        return merged


class JsonObject(Field):
    """A read-only object the hub returns (defaultDataSource): only its shape is checked."""

    json_kind = 'a JSON object'

    def is_json_kind(self, value):
        return isinstance(value, dict)


class QueryOption:
    """A module option sent as a query parameter of every request (locale-code)."""

    def __init__(self, option, parameter, default, description):
        self.option = option
        self.parameter = parameter
        self.default = default
        self.description = description


class ResourceModel:
    """Everything about one resource type of a hub model.

    Read-only fields (linkName, provisioningState, ...) are not in the field table, so they are
    never compared, merged or sent; read_only lists them as fields too, so that answers are checked
    for their types as for the writable ones.
    """

    def __init__(self, kind, result_key, info_key, collection, fields, required_on_create, name_max_length,
                 read_only=(), deletable=True, query=(), name_pattern=MODEL_NAME_PATTERN, name_rule=MODEL_NAME_RULE):
        self.kind = kind
        self.result_key = result_key
        self.info_key = info_key
        # Path segments of the collection under the hub endpoint, e.g. ('manage', 'model', 'profiles').
        self.collection = collection
        self.fields = fields
        self.required_on_create = required_on_create
        self.name_max_length = name_max_length
        self.read_only = read_only
        self.name_pattern = name_pattern
        self.name_rule = name_rule
        self.deletable = deletable
        self.query = query

    # ---- addressing -----------------------------------------------------------------------

    def path(self, name=None):
        return self.collection + ((name,) if name is not None else ())

    def query_parameters(self, params):
        return dict((query.parameter, params[query.option]) for query in self.query)

    # ---- options --------------------------------------------------------------------------

    def resource_argspec(self):
        """The options of the resource itself, generated from the field table."""
        return dict((field.option, field.argspec()) for field in self.fields)

    def _query_argspec(self):
        return dict((query.option, dict(type='str', default=query.default)) for query in self.query)

    def module_argspec(self):
        """The argspec of the module that manages the resource (connection/auth options are added by HubModule)."""
        states = ['present', 'absent']
        return dict(
            name=dict(type='str', required=True),
            state=dict(type='str', default='present', choices=states),
            wait=dict(type='bool', default=True),
            wait_timeout=dict(type='int', default=300),
            **dict(self._query_argspec(), **self.resource_argspec())
        )

    def info_argspec(self):
        return dict(name=dict(type='str'), **self._query_argspec())

    def name_problem(self, name):
        """Why a resource name is invalid, or None when it is fine."""
        if name is None:
            return None
        if len(name) > self.name_max_length:
            return 'name must be at most %d characters long; it has %d' % (self.name_max_length, len(name))
        if not self.name_pattern.fullmatch(name):
            return 'name %r is invalid: %s (pattern %s)' % (name, self.name_rule, self.name_pattern.pattern)
        return None

    def input_problems(self, params):
        """Every problem with the task's resource options that can be seen before any request."""
        problems = [self.name_problem(params.get('name'))]
        if params.get('state') == 'absent' and not self.deletable:
            problems.append('state=absent is not possible: the Hub API cannot delete %ss (it has no DELETE for them)'
                            % self.kind)
        for field in self.fields:
            problems.extend(field.input_problems(params.get(field.option), field.option))
        return [problem for problem in problems if problem]

    # ---- answers --------------------------------------------------------------------------

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

    def check_shape(self, method, url, resource):
        """Fail with a HubShapeError naming the first field of a hub answer whose type the schema forbids."""
        _envelope, definition = self.split(resource)
        prefix = 'properties.' if isinstance(resource.get('properties'), dict) else ''
        for field in self.read_only + self.fields:
            value = definition.get(field.api_key)
            problem = None if value is None else field.shape_problem(value)
            if problem:
                where, expected, found = problem
                raise shape_error(method, url, prefix + field.api_key + where, expected, found)
        return resource

    def current(self, resource):
        """The writable fields of a hub answer, as options."""
        _envelope, definition = self.split(resource)
        return dict((field.option, field.from_api(definition[field.api_key])) for field in self.fields
                    if definition.get(field.api_key) is not None)

    def describe(self, resource):
        """The resource as the hub returned it, with snake_case keys at every level.

        The envelope name of an ARM answer is '<hub>/<name>': name is the bare resource name.
        """
        envelope, definition = self.split(resource)
        described = dict((returned_key(key), value) for key, value in envelope.items())
        if described.get('name'):
            described['name'] = described['name'].rsplit('/', 1)[-1]
        by_key = dict((field.api_key, field) for field in self.fields)
        for key, value in definition.items():
            if key not in by_key:
                described[returned_key(key)] = snake_case_keys(value)
        # Every writable field is there, None where the hub holds nothing, so the shape is always
        # the module's option set and an item can be fed back to the module as it is.
        for field in self.fields:
            value = definition.get(field.api_key)
            described[field.option] = None if value is None else field.describe(value)
        return described

    # ---- what to send -------------------------------------------------------------------------

    def desired(self, params):
        """The writable options the task gave (None means: not given, leave as is)."""
        return dict((field.option, params[field.option]) for field in self.fields if params.get(field.option) is not None)

    def missing_for_create(self, desired):
        return [option for option in self.required_on_create if option not in desired]

    def differences(self, desired, current):
        """Options the task gave whose value differs from the hub's; nothing else is compared."""
        return [field.option for field in self.fields
                if field.option in desired and not field.equal(desired[field.option], current.get(field.option))]

    def create_only_changes(self, desired, current):
        """Messages for options that can only be set at creation and that the task would change."""
        return ['%s can only be set when the %s is created: the hub holds %s, the task asks for %s'
                % (field.option, self.kind, _shown(current.get(field.option)), _shown(desired[field.option]))
                for field in self.fields
                if field.create_only and field.option in desired and not field.equal(desired[field.option], current.get(field.option))]

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

    def replaced(self, desired, current):
        """What to PUT so that the resource holds exactly the given fields (state=replaced of relationship_links).

        The variant of merged() that clears what the task left out: each field the task gives is
        merged as merged() merges it (a sub-option an item leaves out keeps the hub's value, such as
        a linkType the hub filled in); every other field gets its cleared() value ([] for lists, {}
        for maps, false for flags, None - not sent, so unset - for the rest). A create-only field the
        task leaves out keeps the hub's value, if any: it could never be set again. Every field of the table
        is in the result, so differences(result, current) sees a field that must be cleared too.
        """
        merged = self.merged(desired, current)
        kept = set(field.option for field in self.fields if field.create_only and current.get(field.option) is not None)
        return dict((field.option, merged[field.option] if field.option in desired or field.option in kept else field.cleared())
                    for field in self.fields)

    def to_body(self, options):
        """The flat API body (camelCase) of the given options."""
        return dict((field.api_key, field.to_api(options[field.option])) for field in self.fields
                    if options.get(field.option) is not None)

    @staticmethod
    def comparable(options):
        """Options as shown in a diff: sub-keys the task left out (None) are not shown."""
        return _drop_none(options)


def _shown(value):
    """A value as a playbook spells it (true, not Python's True)."""
    return 'nothing' if value is None else json.dumps(value, sort_keys=True)


def _drop_none(value):
    if isinstance(value, list):
        return [_drop_none(item) for item in value]
    if isinstance(value, dict):
        return dict((key, _drop_none(item)) for key, item in value.items() if item is not None)
    return value
