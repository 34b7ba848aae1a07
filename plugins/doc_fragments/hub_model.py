# -*- coding: utf-8 -*-
# Copyright: (c) 2026, customerinsights.hub contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations


class ModuleDocFragment:
    """Options that several hub model resources share, documented once."""

    # The locale-code query parameter of profiles and interactions.
    LOCALE_CODE = r'''
options:
  locale_code:
    description:
      - Locale of the localized texts the hub returns, sent as the C(locale-code) query parameter of every request.
    type: str
    default: en-us
'''

    # wait and wait_timeout of every module that writes.
    WAIT = r'''
options:
  wait:
    description:
      - Wait until the hub has finished provisioning (or deleting) the resource.
      - The hub may answer a write with C(202 Accepted) and work on in the background, or answer with
        C(provisioningState=Provisioning). With V(true) the module polls the operation the hub names in
        C(Azure-AsyncOperation) (also on a C(200)), else in C(Location), else the resource itself, until the state is
        final, honouring C(Retry-After); then it reads the resource.
      - C(Failed), C(Canceled) or C(HumanIntervention) as the final state fails the task, with C(changed=true) - the
        hub accepted the write.
      - With V(false) the module returns right after the hub accepted the write.
    type: bool
    default: true
  wait_timeout:
    description:
      - Seconds the module may take in all for the write and its waits, retries included. Must be positive.
      - Retries and polls never go beyond it. When it runs out after the hub accepted the write, the task fails
        with C(changed=true), since the hub did change and may still finish the write.
    type: int
    default: 300
'''

    # PropertyDefinition: fields of profiles, interactions and relationships.
    FIELDS = r'''
options:
  fields:
    description:
      - The fields (properties) of the type (C(fields)).
      - The order of the items is not significant. A sub-option left out of an item matches whatever the hub holds
        there (for example the C(is_*) flags it fills in as V(false), or its C(propertyId)), and an update keeps the
        hub's value.
    type: list
    elements: dict
    suboptions:
      field_name:
        description: Name of the field (C(fieldName)).
        type: str
        required: true
      field_type:
        description:
          - Type of the field (C(fieldType)), sent as given, for example V(Edm.String), V(Edm.Int32), V(Edm.Int64),
            V(Edm.Decimal), V(Edm.Boolean), V(Edm.DateTimeOffset) or V(Edm.Guid).
        type: str
        required: true
      array_value_separator:
        description: Separator of the values of an array field (C(arrayValueSeparator)).
        type: str
      enum_valid_values:
        description: The values of an enum field (C(enumValidValues)); order is not significant.
        type: list
        elements: dict
        suboptions:
          value:
            description: The integer value.
            type: int
          localized_value_names:
            description: Localized names of the value, a dict of locale code to text.
            type: dict
      is_array:
        description: Whether the field holds an array (C(isArray)). The hub's default is V(false).
        type: bool
      is_available_in_graph:
        description: Whether the field is available in the graph (C(isAvailableInGraph)).
        type: bool
      is_enum:
        description: Whether the field is an enum (C(isEnum)). The hub's default is V(false).
        type: bool
      is_flag_enum:
        description: Whether the field is a flag enum (C(isFlagEnum)). The hub's default is V(false).
        type: bool
      is_image:
        description: Whether the field is an image (C(isImage)). The hub's default is V(false).
        type: bool
      is_localized_string:
        description: Whether the field is a localized string (C(isLocalizedString)). The hub's default is V(false).
        type: bool
      is_name:
        description: Whether the field is a name (C(isName)). The hub's default is V(false).
        type: bool
      is_required:
        description: Whether the field is required (C(isRequired)); the hub enforces it on interaction instances only.
        type: bool
      max_length:
        description: Maximum length of the field's values (C(maxLength)).
        type: int
      property_id:
        description: Property id (C(propertyId)); the hub fills it in when left out.
        type: str
      schema_item_prop_link:
        description: Schema.org link of the field (C(schemaItemPropLink)).
        type: str
'''

    # MetadataDefinitionBase + EntityTypeDefinition: the common options of profiles and interactions.
    ENTITY_TYPE = r'''
options:
  api_entity_set_name:
    description:
      - Name of the type's entity set in the data API (C(apiEntitySetName)). The hub docs require it to differ
        across all profile and interaction types of a hub.
    type: str
  timestamp_field_name:
    description: The field that holds the timestamp of an instance (C(timestampFieldName)).
    type: str
  schema_item_type_link:
    description: Schema.org link of the type (C(schemaItemTypeLink)).
    type: str
  display_name:
    description:
      - 'Localized display names, a dict of locale code to text, for example C({"en-us": "Contact"}).'
      - Replaces the whole dict when given; V({}) clears it.
    type: dict
  description:
    description:
      - Localized descriptions, a dict of locale code to text.
      - Replaces the whole dict when given; V({}) clears it.
    type: dict
  attributes:
    description:
      - Attributes of the type, a dict of attribute name to a list of strings (C(attributes)). Replaces the whole
        dict when given; the order within each list is not significant.
    type: dict
  localized_attributes:
    description:
      - Localized attributes, a dict of attribute name to a dict of locale code to text (C(localizedAttributes)).
    type: dict
  small_image:
    description: Small image of the type (C(smallImage)).
    type: str
  medium_image:
    description: Medium image of the type (C(mediumImage)).
    type: str
  large_image:
    description: Large image of the type (C(largeImage)).
    type: str
'''
