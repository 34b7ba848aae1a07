# -*- coding: utf-8 -*-
# Copyright: (c) 2026, customerinsights.hub contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY
# The interfaces in this file are meant for use within the customerinsights.hub collection
# and may not remain stable to outside uses. Changes may be made in ANY release, even a bugfix release.

"""The profile, interaction and relationship resources of the hub model (API version 2017-04-26).

Each is one table of the published definitions' writable fields. Left out on purpose, as values
the hub owns although the schema does not mark them read-only: entityType, typeName and
instancesCount (the hub fills them in; a task could only ever make them differ). defaultDataSource
is left out too: every field of DataSource is read-only.
"""

from __future__ import annotations

from ansible_collections.customerinsights.hub.plugins.module_utils._model import (
    DateTime,
    Flag,
    ItemList,
    JsonObject,
    LocaleMap,
    LocaleMapMap,
    Number,
    QueryOption,
    ResourceModel,
    Text,
    TextList,
    TextListMap,
)

LOCALE_CODE = QueryOption('locale_code', 'locale-code', 'en-us', 'Locale of the localized texts the hub returns.')

# PropertyDefinition: a field of a profile, interaction or relationship. A field is known by its name,
# unique within a type (the schema's x-ms-identifiers add fieldType): a task that changes the type or
# a flag of a field keeps the hub's other settings of it and its propertyId.
FIELDS = ItemList('fields', (
    Text('fieldName', required=True),
    Text('fieldType', required=True),
    Text('arrayValueSeparator'),
    ItemList('enumValidValues', (
        Number('value'),
        LocaleMap('localizedValueNames'),
    )),
    Flag('isArray'),
    Flag('isAvailableInGraph'),
    Flag('isEnum'),
    Flag('isFlagEnum'),
    Flag('isImage'),
    Flag('isLocalizedString'),
    Flag('isName'),
    Flag('isRequired'),
    Number('maxLength'),
    Text('propertyId'),
    Text('schemaItemPropLink'),
), identity=('fieldName',))

# MetadataDefinitionBase and EntityTypeDefinition, the common part of profiles and interactions.
ENTITY_TYPE_FIELDS = (
    Text('apiEntitySetName'),
    FIELDS,
    Text('timestampFieldName'),
    Text('schemaItemTypeLink'),
    LocaleMap('displayName'),
    LocaleMap('description'),
    TextListMap('attributes'),
    LocaleMapMap('localizedAttributes'),
    Text('smallImage'),
    Text('mediumImage'),
    Text('largeImage'),
)
# What the hub fills in on profiles and interactions: never options, but checked in answers.
ENTITY_TYPE_READ_ONLY = (Text('lastChangedUtc'), Text('provisioningState'), Text('tenantId'), Text('entityType'),
                         Text('typeName'), Number('instancesCount'))

PROFILE = ResourceModel(
    kind='profile',
    result_key='profile',
    info_key='profiles',
    collection=('manage', 'model', 'profiles'),
    fields=ENTITY_TYPE_FIELDS + (
        ItemList('strongIds', (
            Text('strongIdName', required=True),
            TextList('keyPropertyNames', required=True, no_log=False),
            LocaleMap('displayName'),
            LocaleMap('description'),
        ), identity=('strongIdName',)),
    ),
    required_on_create=(),
    name_max_length=128,
    read_only=ENTITY_TYPE_READ_ONLY,
    query=(LOCALE_CODE,),
)

INTERACTION = ResourceModel(
    kind='interaction',
    result_key='interaction',
    info_key='interactions',
    collection=('manage', 'model', 'interactions'),
    fields=ENTITY_TYPE_FIELDS + (
        TextList('idPropertyNames'),
        # A participant is known by its name (primaryParticipantProfilePropertyName names it): one whose
        # references change keeps the hub's role and texts the task left out.
        ItemList('participantProfiles', (
            Text('participantName', required=True),
            Text('profileTypeName', required=True),
            ItemList('participantPropertyReferences', (
                Text('sourcePropertyName', required=True),
                Text('targetPropertyName', required=True),
            ), required=True),
            Text('role'),
            LocaleMap('displayName'),
            LocaleMap('description'),
        ), identity=('participantName',)),
        Text('primaryParticipantProfilePropertyName'),
        # "An interaction can be tagged as an activity only during create" (the published schema).
        Flag('isActivity', create_only=True),
    ),
    required_on_create=(),
    name_max_length=128,
    read_only=ENTITY_TYPE_READ_ONLY + (JsonObject('defaultDataSource'), ItemList('dataSourcePrecedenceRules', ())),
    # The API has no DELETE for interactions.
    deletable=False,
    query=(LOCALE_CODE,),
)

RELATIONSHIP = ResourceModel(
    kind='relationship',
    result_key='relationship',
    info_key='relationships',
    collection=('manage', 'model', 'relationships'),
    fields=(
        Text('profileType'),
        Text('relatedProfileType'),
        Text('cardinality', choices=('OneToOne', 'OneToMany', 'ManyToMany')),
        FIELDS,
        ItemList('lookupMappings', (
            ItemList('fieldMappings', (
                Text('profileFieldName', required=True),
                # A key property's name, no secret (validate-modules takes any "key" option for one).
                Text('relatedProfileKeyProperty', required=True, no_log=False),
            ), required=True),
        )),
        DateTime('expiryDateTimeUtc'),
        LocaleMap('displayName'),
        LocaleMap('description'),
    ),
    required_on_create=('profile_type', 'related_profile_type'),
    name_max_length=512,
    read_only=(Text('provisioningState'), Text('relationshipName'), Text('relationshipGuidId'), Text('tenantId')),
)
