#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, customerinsights.hub contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: relationship
short_description: Manage relationships of a Customer Insights Hub
version_added: 1.1.0
description:
  - Create, update or delete a relationship of a Customer Insights Hub through the Hub API
    (C(<hub_endpoint>/manage/model/relationships/<name>)).
  - A relationship connects a profile type with a related profile type (or with itself), for example the buyers and
    sellers among contacts. Relationship links (M(customerinsights.hub.relationship_link)) fill it with instances
    from interaction data.
  - The module reads the relationship first (one GET) and writes (PUT or DELETE) only when something must change.
    It compares only the options the task gives; an option left out is left as it is on the hub.
  - Because the hub replaces the whole relationship on PUT, an update sends the hub's current writable fields
    overlaid with the options of the task, so nothing the task did not mention is erased.
author:
  - Customer Insights Hub collection maintainers (@customerinsights)
requirements:
  - requests
extends_documentation_fragment:
  - customerinsights.hub.connection
  - customerinsights.hub.auth
  - customerinsights.hub.attributes
  - customerinsights.hub.attributes.actionable
  - customerinsights.hub.hub_model.wait
  - customerinsights.hub.hub_model.fields
options:
  name:
    description:
      - Name of the relationship; the hub returns it as the read-only C(relationshipName).
      - Must start with a letter followed by at least one letter, digit or underscore, at most 512 characters.
        It is checked before any request.
    type: str
    required: true
  state:
    description:
      - V(present) creates the relationship or updates it where the given options differ.
      - V(absent) deletes it; a relationship that does not exist is left alone. The hub refuses to delete a
        relationship that a relationship link still names, and the task fails with the hub's code and message;
        remove those links first.
    type: str
    choices: [present, absent]
    default: present
  profile_type:
    description:
      - The profile type the relationship starts from (C(profileType)), the name of an existing profile.
        Required to create a relationship.
    type: str
  related_profile_type:
    description:
      - The profile type the relationship leads to (C(relatedProfileType)), the name of an existing profile; it may
        be the same as O(profile_type). Required to create a relationship.
    type: str
  cardinality:
    description:
      - How many related profiles a profile may have, and the other way round (C(cardinality)).
      - The API documents no default; a relationship created without it has none.
    type: str
    choices: [OneToOne, OneToMany, ManyToMany]
  lookup_mappings:
    description:
      - Which fields of the O(profile_type) profile hold the strong ID of the related profile, so that the hub can
        find the related profile from the profile alone (C(lookupMappings)).
      - The order of the items is not significant. The hub holds V([]) when none are given; give V([]) to remove
        all lookup mappings.
    type: list
    elements: dict
    suboptions:
      field_mappings:
        description:
          - The field-to-key pairs of one lookup (C(fieldMappings)), one pair for each key property of the related
            profile's strong ID (several for a composite key).
          - The order of the items is not significant.
        type: list
        elements: dict
        required: true
        suboptions:
          profile_field_name:
            description: A field of the O(profile_type) profile (C(profileFieldName)).
            type: str
            required: true
          related_profile_key_property:
            description:
              - A key property of a strong ID of the O(related_profile_type) profile (C(relatedProfileKeyProperty)).
            type: str
            required: true
  expiry_date_time_utc:
    description:
      - When the relationship expires (C(expiryDateTimeUtc)), an ISO 8601 date and time such as
        V(2030-01-01T00:00:00Z); without an offset it is read as UTC. The API documents no default.
      - Sent as given. It is compared as a point in time, so V(2030-01-01T01:00:00+01:00) equals a hub value of
        V(2030-01-01T00:00:00.000Z). A value that is not a date and time fails before any request.
      - Left unquoted in YAML, V(2030-01-01T00:00:00Z) is read as a timestamp and reaches the module as
        V(2030-01-01T00:00:00+00:00), the same instant.
    type: str
  display_name:
    description:
      - 'Localized display names of the relationship, a dict of locale code to text (C(displayName)), for example
        C({"en-us": "Buyer and seller"}).'
      - Replaces the whole dict when given; V({}) clears it.
    type: dict
  description:
    description:
      - Localized descriptions of the relationship, a dict of locale code to text (C(description)).
      - Replaces the whole dict when given; V({}) clears it.
    type: dict
notes:
  - The module compares only the options the task gives. Every list option is compared as an unordered collection
    (no list keeps an order), and a sub-option left out of a list item matches whatever the hub holds there.
  - The hub fills in values of its own, which never cause a change - C(fields) and C(lookupMappings) as V([]) when
    left out, the C(is_*) flags of a field as V(false) and its C(propertyId). It also owns the read-only
    C(relationshipName), C(relationshipGuidId), C(provisioningState) and C(tenantId), which are not options and
    are never sent.
  - The hub checks what a relationship names - O(profile_type), O(related_profile_type), and in
    O(lookup_mappings) the profile fields and the strong ID keys. A name that does not exist fails the task with
    the hub's code and message (the emulator answers C(400 InvalidReference)), and so does a change that would
    break a relationship link built on the relationship (the emulator answers C(409 Conflict)).
  - The PUT body is the flat RelationshipDefinition, as M(customerinsights.hub.relationship_link) sends links.
    Answers are accepted flat or ARM-shaped (C({id, name, type, properties})).
  - When the hub answers a create with C(202 Accepted) and O(wait=false), the hub has not said the relationship's
    id yet, so RV(id) is null.
seealso:
  - module: customerinsights.hub.relationship_info
  - module: customerinsights.hub.relationship_link
'''

EXAMPLES = r'''
- name: Relate contacts that buy to contacts that sell (SAS key auth)
  customerinsights.hub.relationship:
    hub_endpoint: https://myhub.api.azurecustomerinsights.com
    sas_policy_name: RootManageSharedAccessKey
    sas_key: "{{ vault_hub_sas_key }}"
    name: BuyerSeller
    profile_type: Contact
    related_profile_type: Contact
  register: relationship

- name: Relate customers to the stores they shop at, with a field, a lookup mapping and an expiry
  customerinsights.hub.relationship:
    hub_endpoint: https://myhub.api.azurecustomerinsights.com
    access_token: "{{ aad_token }}"
    name: CustomerToStore
    profile_type: Customer
    related_profile_type: Store
    cardinality: ManyToMany
    fields:
      - field_name: LastPurchase
        field_type: Edm.DateTimeOffset
    lookup_mappings:
      - field_mappings:
          - profile_field_name: PreferredStoreId
            related_profile_key_property: StoreId
    expiry_date_time_utc: "2030-01-01T00:00:00Z"
    display_name:
      en-us: Customer shops at store

# hub_endpoint and the credentials can come from module_defaults or from the environment
# (CUSTOMER_INSIGHTS_HUB_ENDPOINT, CUSTOMER_INSIGHTS_SAS_POLICY_NAME, CUSTOMER_INSIGHTS_SAS_KEY, ...).
- name: Change only the description; every other field stays as it is on the hub
  customerinsights.hub.relationship:
    name: BuyerSeller
    description:
      en-us: Contacts who bought from other contacts

- name: Delete the relationship (its relationship links must be deleted first)
  customerinsights.hub.relationship:
    name: BuyerSeller
    state: absent
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
  description: How many times the task looked at a pending long-running operation (always 0 for a module that never waits).
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
      sample: https://myhub.api.azurecustomerinsights.com/manage/model/relationships/BuyerSeller?api-version=2017-04-26
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
      message: "The relationship 'BuyerSeller' refers to what does not exist: profileType: profile 'Contact' does not exist"
id:
  description: Resource id of the relationship as the hub returned it.
  returned: success, when the hub has said it
  type: str
  sample: /subscriptions/c909e979-ef71-4def-a970-bc7c154db8c5/resourceGroups/rg/providers/Microsoft.CustomerInsights/hubs/myHub/relationships/BuyerSeller
name:
  description: The bare name of the relationship, also when the hub answers C(<hub>/<relationship>).
  returned: always
  type: str
  sample: BuyerSeller
type:
  description: Resource type the hub reports.
  returned: success, when the hub has said it
  type: str
  sample: Microsoft.CustomerInsights/hubs/relationships
provisioning_state:
  description: C(provisioningState) of the relationship after the task.
  returned: success, when the hub has said it
  type: str
  sample: Succeeded
relationship:
  description:
    - The relationship as the hub returned it. Its writable fields have the names of the module options, at every
      level; read-only fields (C(relationship_name), C(relationship_guid_id), C(provisioning_state),
      C(hub_tenant_id)) and values the hub fills in (such as a field's C(property_id) and C(is_*) flags) have
      snake_case names too. The hub's C(tenantId) is C(hub_tenant_id), not the O(tenant_id) option.
    - Writable fields the hub holds nothing for are null.
    - In check mode, and after a C(202) with O(wait=false), the relationship as it is expected to be.
    - Empty when O(state=absent).
  returned: always
  type: dict
  sample:
    id: /subscriptions/c909e979-ef71-4def-a970-bc7c154db8c5/resourceGroups/rg/providers/Microsoft.CustomerInsights/hubs/myHub/relationships/BuyerSeller
    name: BuyerSeller
    type: Microsoft.CustomerInsights/hubs/relationships
    relationship_name: BuyerSeller
    relationship_guid_id: 3f2a9c4e-7b1d-4e8a-9c6f-1d2e3f4a5b6c
    provisioning_state: Succeeded
    hub_tenant_id: myhub
    profile_type: Contact
    related_profile_type: Contact
    cardinality: OneToMany
    fields:
      - field_name: LastPurchase
        field_type: Edm.DateTimeOffset
        is_array: false
        is_enum: false
        is_flag_enum: false
        is_image: false
        is_localized_string: false
        is_name: false
        is_required: false
        property_id: id1
    lookup_mappings: []
    expiry_date_time_utc: null
    display_name:
      en-us: Buyer and seller
    description: null
diff:
  description: The writable fields before and after the task, in diff mode.
  returned: when diff mode is on
  type: dict
  contains:
    before:
      description: The fields as they were on the hub (empty when the relationship did not exist).
      type: dict
      returned: when diff mode is on
      sample: {profile_type: Contact, related_profile_type: Contact, cardinality: OneToOne, fields: [], lookup_mappings: []}
    after:
      description: The fields as they are (or would be, in check mode) after the task; empty when deleted.
      type: dict
      returned: when diff mode is on
      sample: {profile_type: Contact, related_profile_type: Contact, cardinality: OneToMany, fields: [], lookup_mappings: []}
'''

from ansible_collections.customerinsights.hub.plugins.module_utils._crud import run_resource_module
from ansible_collections.customerinsights.hub.plugins.module_utils._hub_model import RELATIONSHIP as MODEL


def main():
    run_resource_module(MODEL)


if __name__ == '__main__':
    main()
