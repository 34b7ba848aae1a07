#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, customerinsights.hub contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: relationship_info
short_description: Read relationships of a Customer Insights Hub
version_added: 1.1.0
description:
  - Return one relationship of a Customer Insights Hub, or all of them.
  - Listing follows the hub's C(nextLink) pages (about 30 relationships a page) until the last one, one request per
    page.
  - Each relationship has the shape that the relationship module returns as
    RV(customerinsights.hub.relationship#module:relationship) - its options (the writable fields) under their option
    names, plus read-only fields whose names match no option.
  - To feed a relationship back, pass the item's option keys that hold a value to
    M(customerinsights.hub.relationship), as the last example does; a relationship put back unchanged reports no
    change. Leave the null ones out (null means the same as not given, but the module refuses null for
    O(customerinsights.hub.relationship#module:cardinality), which has choices).
    A field may hold the read-only C(data_source_precedence_rules), which is not a sub-option; the example leaves
    it out of each field.
author:
  - Customer Insights Hub collection maintainers (@customerinsights)
requirements:
  - requests
extends_documentation_fragment:
  - customerinsights.hub.connection
  - customerinsights.hub.auth
  - customerinsights.hub.attributes
  - customerinsights.hub.attributes.info_module
options:
  name:
    description:
      - Name of the relationship to return. When the hub has no relationship of that name, RV(relationships) is
        empty.
      - Without it, every relationship of the hub is returned.
    type: str
seealso:
  - module: customerinsights.hub.relationship
'''

EXAMPLES = r'''
- name: Read every relationship of the hub
  customerinsights.hub.relationship_info:
    hub_endpoint: https://myhub.api.azurecustomerinsights.com
    sas_policy_name: RootManageSharedAccessKey
    sas_key: "{{ vault_hub_sas_key }}"
  register: all_relationships

# hub_endpoint and the credentials can come from module_defaults or from the environment
# (CUSTOMER_INSIGHTS_HUB_ENDPOINT, CUSTOMER_INSIGHTS_SAS_POLICY_NAME, CUSTOMER_INSIGHTS_SAS_KEY, ...).
- name: Read one relationship
  customerinsights.hub.relationship_info:
    name: BuyerSeller
  register: buyer_seller

- name: Show which profiles each relationship connects
  ansible.builtin.debug:
    msg: "{{ item.name }}: {{ item.profile_type }} -> {{ item.related_profile_type }} ({{ item.cardinality }})"
  loop: "{{ all_relationships.relationships }}"
  loop_control:
    label: "{{ item.name }}"

- name: Put every relationship back as it was read (feeding info output back; nothing changes)
  customerinsights.hub.relationship: "{{ item | dict2items | selectattr('key', 'in', relationship_options) | rejectattr('value', 'none') | items2dict
    | combine(fields_option) }}"
  vars:
    # A field may carry the read-only data_source_precedence_rules (Microsoft's InteractionsGet example does):
    # it is not a sub-option, so it is left out of each field.
    fields_option: "{{ {'fields': item.fields | map('dict2items') | map('rejectattr', 'key', 'eq', 'data_source_precedence_rules')
                | map('list') | map('items2dict') | list} if item.fields else {} }}"
    relationship_options: [name, profile_type, related_profile_type, cardinality, fields, lookup_mappings,
                           expiry_date_time_utc, display_name, description]
  loop: "{{ all_relationships.relationships }}"
  loop_control:
    label: "{{ item.name }}"
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
      sample: https://myhub.api.azurecustomerinsights.com/manage/model/relationships?api-version=2017-04-26
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
  sample: 401
response:
  description: Body of the hub's answer that failed the task (parsed JSON, else the start of the text).
  returned: failure, when the hub answered
  type: raw
  sample: {error: {code: Unauthorized, message: The SAS token has expired}}
relationships:
  description:
    - The relationships. Writable fields have the names of the options of M(customerinsights.hub.relationship), at
      every level; read-only fields have snake_case names that match no option (the hub's C(tenantId) is
      C(hub_tenant_id)). C(name) is the bare relationship name.
    - Empty when O(name) is given and the hub has no such relationship.
  returned: always
  type: list
  elements: dict
  sample:
    # The shape of RV(customerinsights.hub.relationship#module:relationship); fields the hub holds
    # nothing for are null (leave them out when giving an item back to that module).
    - id: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.CustomerInsights/hubs/myHub/relationships/CustomerToStore
      name: CustomerToStore
      type: Microsoft.CustomerInsights/hubs/relationships
      relationship_name: CustomerToStore
      relationship_guid_id: 8e1c5a7d-2f4b-4a9e-b3d6-0c7f9e2a1b5d
      provisioning_state: Succeeded
      hub_tenant_id: myhub
      profile_type: Customer
      related_profile_type: Store
      cardinality: ManyToMany
      fields:
        - {field_name: LastPurchase, field_type: Edm.DateTimeOffset, is_array: false, is_enum: false, is_flag_enum: false,
           is_image: false, is_localized_string: false, is_name: false, is_required: false, property_id: id1}
      lookup_mappings:
        - field_mappings: [{profile_field_name: PreferredStoreId, related_profile_key_property: StoreId}]
      expiry_date_time_utc: "2030-01-01T00:00:00Z"
      display_name: {en-us: Customer shops at store}
      description: null
'''

from ansible_collections.customerinsights.hub.plugins.module_utils._crud import run_info_module
from ansible_collections.customerinsights.hub.plugins.module_utils._hub_model import RELATIONSHIP as MODEL


def main():
    run_info_module(MODEL)


if __name__ == '__main__':
    main()
