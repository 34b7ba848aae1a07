#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, customerinsights.hub contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: interaction
short_description: Manage interaction types of a Customer Insights Hub
version_added: 1.1.0
description:
  - Create or update an interaction type of a Customer Insights Hub through the Hub API
    (C(<hub_endpoint>/manage/model/interactions/<name>)).
  - An interaction type describes activity data such as purchases or visits - its fields, the fields that identify
    one interaction, and the profile types that take part in it. Relationship links
    (M(customerinsights.hub.relationship_link)) name an interaction type as their source of data.
  - The module reads the interaction type first (one GET) and writes (PUT) only when something must change.
    It compares only the options the task gives; an option left out is left as it is on the hub.
  - Because the hub replaces the whole interaction type on PUT, an update sends the hub's current writable fields
    overlaid with the options of the task, so nothing the task did not mention is erased.
  - Interaction types cannot be deleted - the Hub API has no DELETE for them.
author:
  - Customer Insights Hub collection maintainers (@customerinsights)
requirements:
  - requests
extends_documentation_fragment:
  - customerinsights.hub.connection
  - customerinsights.hub.auth
  - customerinsights.hub.hub_model.entity_type
  - customerinsights.hub.hub_model.fields
  - customerinsights.hub.hub_model.locale_code
  - customerinsights.hub.attributes
  - customerinsights.hub.attributes.actionable
  - customerinsights.hub.hub_model.wait
options:
  name:
    description:
      - Name of the interaction type (C(interactionName) in the URL). The hub also returns it as C(typeName).
      - Must start with a letter followed by at least one letter, digit or underscore, at most 128 characters.
        It is checked before any request.
    type: str
    required: true
  state:
    description:
      - V(present) creates the interaction type or updates it where the given options differ.
      - V(absent) is not possible - the Hub API has no DELETE for interaction types, so the task fails before
        any request with a message saying so.
    type: str
    choices: [present, absent]
    default: present
  id_property_names:
    description:
      - The fields whose values identify one interaction (C(idPropertyNames)), each a O(fields[].field_name).
      - The order of the items is not significant.
      - A new interaction type has none when this is left out.
    type: list
    elements: str
  participant_profiles:
    description:
      - The profile types that take part in the interaction (C(participantProfiles)).
      - The order of the items is not significant. A sub-option left out of an item matches whatever the hub holds
        there, and an update keeps the hub's value.
      - A new interaction type has none when this is left out. Give V([]) to remove all participants.
    type: list
    elements: dict
    suboptions:
      participant_name:
        description: Name of the participant in this interaction (C(participantName)), for example V(Buyer).
        type: str
        required: true
      profile_type_name:
        description: The profile type of the participant (C(profileTypeName)), the name of an existing profile type.
        type: str
        required: true
      participant_property_references:
        description:
          - Which fields of the interaction identify the participant's profile (C(participantPropertyReferences)).
          - The order of the items is not significant.
        type: list
        elements: dict
        required: true
        suboptions:
          source_property_name:
            description: The field of the interaction (C(sourcePropertyName)).
            type: str
            required: true
          target_property_name:
            description:
              - The property of the participant's profile type it refers to (C(targetPropertyName)), a field of the
                profile type or its system key V(ProfileId).
            type: str
            required: true
      role:
        description:
          - The role the participant plays in the interaction (C(role)), for example V(Buyer). The hub sets none
            when it is left out.
        type: str
      display_name:
        description: Localized display names of the participant (C(displayName)), a dict of locale code to text.
        type: dict
      description:
        description: Localized descriptions of the participant (C(description)), a dict of locale code to text.
        type: dict
  primary_participant_profile_property_name:
    description:
      - The participant that acts as the agent of the interaction (C(primaryParticipantProfilePropertyName)). The
        published definition asks for a O(participant_profiles[].participant_name) here. The hub sets none when it
        is left out.
    type: str
  is_activity:
    description:
      - Whether the interaction type is an activity (C(isActivity)), which makes it editable and lets its properties
        merge from several data sources.
      - It can only be set when the interaction type is created. A task that would change it on an existing
        interaction type fails after the GET and before any PUT, naming O(is_activity) and both values.
      - A new interaction type is not an activity when this is left out (the hub holds V(false)).
    type: bool
notes:
  - The module compares only the options the task gives. Every list option is compared as an unordered collection, at
    every level (O(fields), O(id_property_names), O(participant_profiles) and the lists inside their items); no list
    keeps an order. A list item matches a hub item that has the same values for every sub-option the task gives.
  - Values the hub fills in on its own never cause a change. C(entityType) (V(Interaction)), C(typeName) (the name)
    and C(instancesCount) belong to the hub and are not options; they are returned as C(entity_type), C(type_name)
    and C(instances_count). A field given without its C(is_*) flags or O(fields[].property_id) matches the hub's
    V(false) flags and the property id it assigned, and an update keeps them.
  - Read-only fields (C(provisioningState), C(tenantId), C(lastChangedUtc), C(defaultDataSource),
    C(dataSourcePrecedenceRules)) are never sent; they are returned with snake_case names.
  - What the interaction type refers to (the profile types of its participants, its own fields in
    O(id_property_names) and O(timestamp_field_name), the profile properties of O(participant_profiles)) is checked by
    the hub, not by the module. When the hub refuses a reference, the task fails with the hub's status, error code
    and message (for example C(400 InvalidReference)) and nothing is changed.
  - The PUT body is the flat InteractionTypeDefinition. Answers are accepted flat or ARM-shaped
    (C({id, name, type, properties})).
  - When the hub answers a create with C(202 Accepted) and O(wait=false), the hub has not said the interaction
    type's id yet, so RV(id) is null.
seealso:
  - module: customerinsights.hub.interaction_info
  - module: customerinsights.hub.relationship_link
'''

EXAMPLES = r'''
- name: Create the Purchase interaction type, bought by one contact from another (SAS key auth)
  customerinsights.hub.interaction:
    hub_endpoint: https://myhub.api.azurecustomerinsights.com
    sas_policy_name: RootManageSharedAccessKey
    sas_key: "{{ vault_hub_sas_key }}"
    name: Purchase
    api_entity_set_name: Purchases
    fields:
      - field_name: PurchaseId
        field_type: Edm.String
        is_required: true
      - field_name: BuyerId
        field_type: Edm.String
      - field_name: SellerId
        field_type: Edm.String
      - field_name: PurchaseDate
        field_type: Edm.DateTimeOffset
      - field_name: Amount
        field_type: Edm.Decimal
    id_property_names: [PurchaseId]
    timestamp_field_name: PurchaseDate
    participant_profiles:
      - participant_name: Buyer
        profile_type_name: Contact
        role: Buyer
        participant_property_references:
          - source_property_name: BuyerId
            target_property_name: ContactId
      - participant_name: Seller
        profile_type_name: Contact
        role: Seller
        participant_property_references:
          - source_property_name: SellerId
            target_property_name: ContactId
    primary_participant_profile_property_name: Buyer
    display_name:
      en-us: Purchase
    description:
      en-us: A contact buys from another contact
  register: purchase

- name: Create an activity (is_activity can only be set now, when the interaction type is created)
  customerinsights.hub.interaction:
    hub_endpoint: https://myhub.api.azurecustomerinsights.com
    access_token: "{{ aad_token }}"
    name: StoreVisit
    api_entity_set_name: StoreVisits
    is_activity: true
    fields:
      - field_name: VisitId
        field_type: Edm.String
      - field_name: ContactId
        field_type: Edm.String
      - field_name: VisitedAt
        field_type: Edm.DateTimeOffset
    id_property_names: [VisitId]
    timestamp_field_name: VisitedAt

# hub_endpoint and the credentials can come from module_defaults (group/customerinsights.hub.hub) or from the
# environment (CUSTOMER_INSIGHTS_HUB_ENDPOINT, CUSTOMER_INSIGHTS_SAS_POLICY_NAME, CUSTOMER_INSIGHTS_SAS_KEY, ...).
- name: Change only the description; the fields, participants and everything else stay as they are on the hub
  customerinsights.hub.interaction:
    name: Purchase
    description:
      en-us: Purchases between contacts, online and in store
'''

RETURN = r'''
auth_source_used:
  description:
    - Where the credentials of the task came from - V(task) (its own authentication options or module_defaults),
      V(env) (environment variables), V(credential_file), V(cli) (the Azure CLI) or V(msi) (a managed identity).
    - Null when the task failed before the credentials were looked up (an invalid option, say).
  returned: always
  type: str
  sample: task
request_count:
  description: How many HTTP requests the task sent, retries, polls and an Azure AD token request included.
  returned: always
  type: int
  sample: 2
retry_count:
  description:
    - How many requests were repeated after a transient failure (see O(retries)). The task warns with the reasons
      when it is not 0.
  returned: always
  type: int
  sample: 0
poll_count:
  description: How many times the task looked at a pending long-running operation.
  returned: always
  type: int
  sample: 0
elapsed_seconds:
  description: Seconds the module ran, waits and retries included.
  returned: always
  type: float
  sample: 0.084
request_trace:
  description:
    - One entry per request, in order, at verbosity C(-vvv) or more. URLs hold no secret; headers are not shown.
  returned: when run with -vvv or more
  type: list
  elements: dict
  contains:
    method:
      description: HTTP method.
      type: str
      returned: always
      sample: GET
    url:
      description: The URL requested.
      type: str
      returned: always
      sample: https://myhub.api.azurecustomerinsights.com/manage/model/interactions/Purchase?locale-code=en-us&api-version=2017-04-26
    status:
      description: HTTP status of the answer; null when no answer came (connection failure, time-out).
      type: int
      returned: always
      sample: 200
    milliseconds:
      description: How long the request took.
      type: int
      returned: always
      sample: 12
status:
  description: HTTP status of the hub's answer that failed the task.
  returned: failure, when the hub answered
  type: int
  sample: 400
response:
  description: Body of the hub's answer that failed the task (parsed JSON, else the start of the text).
  returned: failure, when the hub answered
  type: raw
  sample:
    error:
      code: InvalidReference
      message: "The interaction 'Purchase' refers to what does not exist: participantProfiles[0].profileTypeName: profile 'Contact' does not exist"
id:
  description: Resource id of the interaction type as the hub returned it.
  returned: success, when the hub has said it
  type: str
  sample: /subscriptions/c909e979-ef71-4def-a970-bc7c154db8c5/resourceGroups/rg/providers/Microsoft.CustomerInsights/hubs/myHub/interactions/Purchase
name:
  description: The bare name of the interaction type, also when the hub answers C(<hub>/<interaction>).
  returned: success
  type: str
  sample: Purchase
type:
  description: Resource type the hub reports.
  returned: success, when the hub has said it
  type: str
  sample: Microsoft.CustomerInsights/hubs/interactions
provisioning_state:
  description: C(provisioningState) of the interaction type after the task.
  returned: success, when the hub has said it
  type: str
  sample: Succeeded
interaction:
  description:
    - The interaction type as the hub returned it, with snake_case keys at every level. Its writable fields have the
      names of the module options, null where the hub holds nothing. Read-only and hub-owned fields
      (C(provisioning_state), C(hub_tenant_id), C(last_changed_utc), C(entity_type), C(type_name),
      C(instances_count), C(default_data_source), C(data_source_precedence_rules)) have snake_case names that match
      no option (the hub's C(tenantId) is C(hub_tenant_id), not the O(tenant_id) option).
    - In check mode, and after a C(202) with O(wait=false), the interaction type as it is expected to be.
  returned: success
  type: dict
  sample:
    id: /subscriptions/c909e979-ef71-4def-a970-bc7c154db8c5/resourceGroups/rg/providers/Microsoft.CustomerInsights/hubs/myHub/interactions/Purchase
    name: Purchase
    type: Microsoft.CustomerInsights/hubs/interactions
    provisioning_state: Succeeded
    hub_tenant_id: myhub
    last_changed_utc: '2026-11-27T10:15:00.000Z'
    entity_type: Interaction
    type_name: Purchase
    instances_count: 0
    default_data_source:
      name: SystemDefault
      data_source_type: SystemDefault
      status: Active
      id: 1
      data_source_reference_id: system-default
    data_source_precedence_rules:
      - data_source:
          name: SystemDefault
          data_source_type: SystemDefault
          status: Active
          id: 1
          data_source_reference_id: system-default
        precedence: 1
    api_entity_set_name: Purchases
    fields:
      - field_name: PurchaseId
        field_type: Edm.String
        is_array: false
        is_enum: false
        is_flag_enum: false
        is_image: false
        is_localized_string: false
        is_name: false
        is_required: true
        property_id: id1
      - field_name: BuyerId
        field_type: Edm.String
        is_array: false
        is_enum: false
        is_flag_enum: false
        is_image: false
        is_localized_string: false
        is_name: false
        is_required: false
        property_id: id2
      - field_name: SellerId
        field_type: Edm.String
        is_array: false
        is_enum: false
        is_flag_enum: false
        is_image: false
        is_localized_string: false
        is_name: false
        is_required: false
        property_id: id3
    id_property_names: [PurchaseId]
    timestamp_field_name: null
    participant_profiles:
      - participant_name: Buyer
        profile_type_name: Contact
        role: Buyer
        participant_property_references:
          - source_property_name: BuyerId
            target_property_name: ContactId
      - participant_name: Seller
        profile_type_name: Contact
        role: Seller
        participant_property_references:
          - source_property_name: SellerId
            target_property_name: ContactId
    primary_participant_profile_property_name: Buyer
    is_activity: false
    schema_item_type_link: null
    display_name:
      en-us: Purchase
    description:
      en-us: A contact buys from another contact
    attributes: null
    localized_attributes: null
    small_image: null
    medium_image: null
    large_image: null
diff:
  description: The writable fields before and after the task, in diff mode.
  returned: when diff mode is on
  type: dict
  contains:
    before:
      description: The fields as they were on the hub (empty when the interaction type did not exist).
      type: dict
      returned: when diff mode is on
      sample: {description: {en-us: A contact buys from another contact}}
    after:
      description: The fields as they are (or would be, in check mode) after the task.
      type: dict
      returned: when diff mode is on
      sample: {description: {en-us: 'Purchases between contacts, online and in store'}}
'''

from ansible_collections.customerinsights.hub.plugins.module_utils._crud import run_resource_module
from ansible_collections.customerinsights.hub.plugins.module_utils._hub_model import INTERACTION as MODEL


def main():
    run_resource_module(MODEL)


if __name__ == '__main__':
    main()
