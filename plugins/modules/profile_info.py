#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, customerinsights.hub contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: profile_info
short_description: Read profile types of a Customer Insights Hub
version_added: 1.1.0
description:
  - Return one profile type of a Customer Insights Hub, or all of them.
  - Listing follows the hub's C(nextLink) pages (about 30 profiles a page) until the last one, one request per page.
  - Each profile has the shape that the profile module returns as
    RV(customerinsights.hub.profile#module:profile) - its options (the writable fields) under their option names,
    plus read-only and server-filled fields whose names match no option.
  - To feed a profile back, pass the item's option keys to M(customerinsights.hub.profile), as the last example
    does; a profile put back unchanged reports no change. A field may hold the read-only
    C(data_source_precedence_rules), which is not a sub-option; the example leaves it out of each field.
author:
  - Customer Insights Hub collection maintainers (@customerinsights)
requirements:
  - requests
extends_documentation_fragment:
  - customerinsights.hub.connection
  - customerinsights.hub.auth
  - customerinsights.hub.attributes
  - customerinsights.hub.attributes.info_module
  - customerinsights.hub.hub_model.locale_code
options:
  name:
    description:
      - Name of the profile type to return. When the hub has no profile of that name, RV(profiles) is empty.
      - Without it, every profile of the hub is returned.
    type: str
seealso:
  - module: customerinsights.hub.profile
'''

EXAMPLES = r'''
- name: Read every profile type of the hub
  customerinsights.hub.profile_info:
    hub_endpoint: https://myhub.api.azurecustomerinsights.com
    sas_policy_name: RootManageSharedAccessKey
    sas_key: "{{ vault_hub_sas_key }}"
  register: all_profiles

# hub_endpoint and the credentials can come from module_defaults or from the environment
# (CUSTOMER_INSIGHTS_HUB_ENDPOINT, CUSTOMER_INSIGHTS_SAS_POLICY_NAME, CUSTOMER_INSIGHTS_SAS_KEY, ...).
- name: Read the Contact profile with its texts in French
  customerinsights.hub.profile_info:
    name: Contact
    locale_code: fr-fr
  register: contact

- name: Show the fields of the Contact profile
  ansible.builtin.debug:
    msg: "{{ contact.profiles[0].fields | map(attribute='field_name') | list }}"
  when: contact.profiles | length > 0

- name: Put every profile back as it was read (feeding info output back; nothing changes)
  customerinsights.hub.profile: "{{ item | dict2items | selectattr('key', 'in', profile_options) | rejectattr('value', 'none') | items2dict
    | combine(fields_option) }}"
  vars:
    # A field may carry the read-only data_source_precedence_rules (Microsoft's InteractionsGet example does):
    # it is not a sub-option, so it is left out of each field.
    fields_option: "{{ {'fields': item.fields | map('dict2items') | map('rejectattr', 'key', 'eq', 'data_source_precedence_rules')
                | map('list') | map('items2dict') | list} if item.fields else {} }}"
    profile_options: [name, api_entity_set_name, fields, strong_ids, timestamp_field_name, schema_item_type_link,
                      display_name, description, attributes, localized_attributes, small_image, medium_image,
                      large_image]
  loop: "{{ all_profiles.profiles }}"
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
  sample: 1
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
  sample: 0.031
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
      sample: https://myhub.api.azurecustomerinsights.com/manage/model/profiles?locale-code=en-us&api-version=2017-04-26
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
  sample: {error: {code: InvalidQueryParameter, message: "The query parameter locale-code must be a language tag such as en-us, got 'english'."}}
profiles:
  description:
    - The profiles. Writable fields have the names of the options of M(customerinsights.hub.profile); read-only
      and server-filled fields have snake_case names that match no option (the hub's C(tenantId) is
      C(hub_tenant_id)). C(name) is the bare profile name.
    - Empty when O(name) is given and the hub has no such profile.
  returned: always
  type: list
  elements: dict
  sample:
    # The shape of RV(customerinsights.hub.profile#module:profile); fields the hub holds nothing for are null,
    # so an item can be given back to that module.
    - id: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.CustomerInsights/hubs/myHub/profiles/Store
      name: Store
      type: Microsoft.CustomerInsights/hubs/profiles
      entity_type: Profile
      type_name: Store
      instances_count: 0
      provisioning_state: Succeeded
      hub_tenant_id: myhub
      last_changed_utc: '2026-11-20T09:12:44.102Z'
      api_entity_set_name: Stores
      fields:
        - {field_name: StoreId, field_type: Edm.String, is_array: false, is_enum: false, is_flag_enum: false,
           is_image: false, is_localized_string: false, is_name: false, is_required: true, property_id: id1}
        - {field_name: City, field_type: Edm.String, is_array: false, is_enum: false, is_flag_enum: false,
           is_image: false, is_localized_string: false, is_name: false, is_required: false, property_id: id2}
      strong_ids: [{strong_id_name: StoreKey, key_property_names: [StoreId]}]
      timestamp_field_name: null
      schema_item_type_link: null
      display_name: {en-us: Store}
      description: null
      attributes: null
      localized_attributes: null
      small_image: null
      medium_image: null
      large_image: null
'''

from ansible_collections.customerinsights.hub.plugins.module_utils._crud import run_info_module
from ansible_collections.customerinsights.hub.plugins.module_utils._hub_model import PROFILE as MODEL


def main():
    run_info_module(MODEL)


if __name__ == '__main__':
    main()
