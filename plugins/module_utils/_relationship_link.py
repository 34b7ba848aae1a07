# -*- coding: utf-8 -*-
# Copyright: (c) 2026, customerinsights.hub contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY
# The interfaces in this file are meant for use within the customerinsights.hub collection
# and may not remain stable to outside uses. Changes may be made in ANY release, even a bugfix release.

"""The RelationshipLink resource of the hub model (API version 2017-04-26)."""

from __future__ import annotations

from ansible_collections.customerinsights.hub.plugins.module_utils._model import (
    ItemList,
    LocaleMap,
    ResourceModel,
    Text,
)


def _profile_references(api_key):
    return ItemList(api_key, (
        Text('interactionPropertyName', required=True),
        Text('profilePropertyName', required=True),
    ))


RELATIONSHIP_LINK = ResourceModel(
    kind='relationship link',
    result_key='relationship_link',
    info_key='relationship_links',
    collection=('manage', 'model', 'relationshipLinks'),
    fields=(
        Text('interactionType'),
        Text('relationshipName'),
        _profile_references('profilePropertyReferences'),
        _profile_references('relatedProfilePropertyReferences'),
        ItemList('mappings', (
            Text('interactionFieldName', required=True),
            Text('relationshipFieldName', required=True),
            Text('linkType', choices=('UpdateAlways', 'CopyIfNull')),
        )),
        LocaleMap('displayName'),
        LocaleMap('description'),
    ),
    required_on_create=('interaction_type', 'relationship_name', 'profile_property_references',
                        'related_profile_property_references'),
    name_max_length=512,
    read_only=(Text('linkName'), Text('provisioningState'), Text('tenantId'), Text('relationshipGuidId')),
)
