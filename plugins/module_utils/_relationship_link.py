# -*- coding: utf-8 -*-
# Copyright: (c) 2026, customerinsights.hub contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY
# The interfaces in this file are meant for use within the customerinsights.hub collection
# and may not remain stable to outside uses. Changes may be made in ANY release, even a bugfix release.

"""The RelationshipLink resource of the hub model (API version 2017-04-26)."""

from __future__ import annotations

import re

from ansible_collections.customerinsights.hub.plugins.module_utils._model import (
    Field,
    ItemListField,
    LocaleMapField,
    ResourceModel,
)

COLLECTION_PATH = ('manage', 'model', 'relationshipLinks')

# The published schema constrains the PUT path parameter; the pattern needs two characters at least.
NAME_PATTERN = re.compile(r'^[a-zA-Z][a-zA-Z0-9_]+$')
NAME_MAX_LENGTH = 512

PROFILE_REFERENCE_KEYS = (
    ('interaction_property_name', 'interactionPropertyName'),
    ('profile_property_name', 'profilePropertyName'),
)

RELATIONSHIP_LINK = ResourceModel(
    kind='relationship link',
    result_key='relationship_link',
    fields=(
        Field('interaction_type', 'interactionType'),
        Field('relationship_name', 'relationshipName'),
        ItemListField('profile_property_references', 'profilePropertyReferences', PROFILE_REFERENCE_KEYS),
        ItemListField('related_profile_property_references', 'relatedProfilePropertyReferences', PROFILE_REFERENCE_KEYS),
        ItemListField('mappings', 'mappings', (
            ('interaction_field_name', 'interactionFieldName'),
            ('relationship_field_name', 'relationshipFieldName'),
            ('link_type', 'linkType'),
        ), server_defaulted=('link_type',)),
        LocaleMapField('display_name', 'displayName'),
        LocaleMapField('description', 'description'),
    ),
    required_on_create=('interaction_type', 'relationship_name', 'profile_property_references',
                        'related_profile_property_references'),
    read_only_text=('linkName', 'provisioningState', 'tenantId', 'relationshipGuidId'),
)

REFERENCE_SPEC = dict(
    interaction_property_name=dict(type='str', required=True),
    profile_property_name=dict(type='str', required=True),
)

# The writable resource options, shared by relationship_link and (as output shape) relationship_link_info.
RESOURCE_ARGSPEC = dict(
    interaction_type=dict(type='str'),
    relationship_name=dict(type='str'),
    profile_property_references=dict(type='list', elements='dict', options=REFERENCE_SPEC),
    related_profile_property_references=dict(type='list', elements='dict', options=REFERENCE_SPEC),
    mappings=dict(type='list', elements='dict', options=dict(
        interaction_field_name=dict(type='str', required=True),
        relationship_field_name=dict(type='str', required=True),
        link_type=dict(type='str', choices=['UpdateAlways', 'CopyIfNull']),
    )),
    display_name=dict(type='dict'),
    description=dict(type='dict'),
)


def name_problem(name):
    """Why a relationship link name is invalid, or None when it is fine."""
    if len(name) > NAME_MAX_LENGTH:
        return 'name must be at most %d characters long; it has %d' % (NAME_MAX_LENGTH, len(name))
    if not NAME_PATTERN.fullmatch(name):
        return ('name %r is invalid: it must start with a letter, be followed by at least one letter, digit or '
                'underscore, and hold nothing else (pattern %s)' % (name, NAME_PATTERN.pattern))
    return None


def locale_map_problems(params, options=('display_name', 'description')):
    """Messages for display_name/description values that are not dicts of string to string."""
    problems = []
    for option in options:
        value = params.get(option)
        if value is None:
            continue
        bad = sorted(str(key) for key, text in value.items() if not isinstance(key, str) or not isinstance(text, str))
        if bad:
            problems.append('%s must map locale codes to strings (e.g. {en-us: "Text"}); not a string: %s'
                            % (option, ', '.join(bad)))
    return problems
