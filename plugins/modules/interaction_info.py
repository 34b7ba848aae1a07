#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, customerinsights.hub contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: interaction_info
short_description: Read interaction types of a Customer Insights Hub
version_added: 1.1.0
description:
  - Return one interaction type of a Customer Insights Hub, or all of them.
  - Listing follows the hub's C(nextLink) pages (about 30 interaction types a page) until the last one, one request
    per page.
  - Each interaction type has the shape that the interaction module returns as
    RV(customerinsights.hub.interaction#module:interaction) - its options (the writable fields) under their option
    names, plus read-only and hub-owned fields whose names match no option.
  - To feed an interaction type back, pass the item's option keys to M(customerinsights.hub.interaction), as the
    last example does; an interaction type put back unchanged reports no change. The hub returns the read-only
    C(data_source_precedence_rules) inside each item of C(fields) too (Microsoft's example answers do); it is not a
    sub-option, so the example leaves it out of each field.
author:
  - Customer Insights Hub collection maintainers (@customerinsights)
requirements:
  - requests
extends_documentation_fragment:
  - customerinsights.hub.connection
  - customerinsights.hub.auth
  - customerinsights.hub.hub_model.locale_code
  - customerinsights.hub.attributes
  - customerinsights.hub.attributes.info_module
options:
  name:
    description:
      - Name of the interaction type to return. When the hub has no interaction type of that name,
        RV(interactions) is empty.
      - Without it, every interaction type of the hub is returned.
    type: str
seealso:
  - module: customerinsights.hub.interaction
'''

EXAMPLES = r'''
- name: Read every interaction type of the hub
  customerinsights.hub.interaction_info:
    hub_endpoint: https://myhub.api.azurecustomerinsights.com
    sas_policy_name: RootManageSharedAccessKey
    sas_key: "{{ vault_hub_sas_key }}"
  register: all_interactions

# hub_endpoint and the credentials can come from module_defaults (group/customerinsights.hub.hub) or from the
# environment (CUSTOMER_INSIGHTS_HUB_ENDPOINT, CUSTOMER_INSIGHTS_SAS_POLICY_NAME, CUSTOMER_INSIGHTS_SAS_KEY, ...).
- name: Read one interaction type, asking for French texts
  customerinsights.hub.interaction_info:
    name: Purchase
    locale_code: fr-fr
  register: purchase

- name: Show which interaction types are activities
  ansible.builtin.debug:
    msg: "{{ all_interactions.interactions | selectattr('is_activity') | map(attribute='name') | list }}"

- name: Put every interaction type back as it was read (feeding info output back; nothing changes)
  customerinsights.hub.interaction: "{{ item | dict2items | selectattr('key', 'in', interaction_options) | rejectattr('value', 'none') | items2dict
    | combine(fields_option) }}"
  vars:
    # A field may carry the read-only data_source_precedence_rules (Microsoft's InteractionsGet example does):
    # it is not a sub-option, so it is left out of each field.
    fields_option: "{{ {'fields': item.fields | map('dict2items') | map('rejectattr', 'key', 'eq', 'data_source_precedence_rules')
                | map('list') | map('items2dict') | list} if item.fields else {} }}"
    interaction_options: [name, api_entity_set_name, fields, timestamp_field_name, schema_item_type_link,
                          display_name, description, attributes, localized_attributes, small_image, medium_image,
                          large_image, id_property_names, participant_profiles,
                          primary_participant_profile_property_name, is_activity]
  loop: "{{ all_interactions.interactions }}"
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
  description: How many HTTP requests the task sent, an Azure AD token request and retries included.
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
  description: Always 0, as reading never waits for a long-running operation.
  returned: always
  type: int
  sample: 0
elapsed_seconds:
  description: Seconds the module ran, retries included.
  returned: always
  type: float
  sample: 0.052
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
      sample: https://myhub.api.azurecustomerinsights.com/manage/model/interactions?locale-code=en-us&api-version=2017-04-26
    status:
      description: HTTP status of the answer; null when no answer came (connection failure, time-out).
      type: int
      returned: always
      sample: 200
    milliseconds:
      description: How long the request took.
      type: int
      returned: always
      sample: 9
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
      code: InvalidQueryParameter
      message: "The query parameter locale-code must be a language tag such as en-us, got 'en_us'."
interactions:
  description:
    - The interaction types, with snake_case keys at every level. Writable fields have the names of the options of
      M(customerinsights.hub.interaction), null where the hub holds nothing; read-only and hub-owned fields have
      snake_case names that match no option (the hub's C(tenantId) is C(hub_tenant_id)). C(name) is the bare name.
    - Empty when O(name) is given and the hub has no such interaction type.
  returned: always
  type: list
  elements: dict
  sample:
    - id: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.CustomerInsights/hubs/myHub/interactions/StoreVisit
      name: StoreVisit
      type: Microsoft.CustomerInsights/hubs/interactions
      provisioning_state: Succeeded
      hub_tenant_id: myhub
      last_changed_utc: '2026-11-20T08:00:00.000Z'
      entity_type: Interaction
      type_name: StoreVisit
      instances_count: 0
      default_data_source: {name: SystemDefault, data_source_type: SystemDefault, status: Active, id: 1,
                            data_source_reference_id: system-default}
      data_source_precedence_rules:
        - data_source: {name: SystemDefault, data_source_type: SystemDefault, status: Active, id: 1,
                        data_source_reference_id: system-default}
          precedence: 1
      api_entity_set_name: StoreVisits
      fields:
        - {field_name: VisitId, field_type: Edm.String, is_array: false, is_enum: false, is_flag_enum: false,
           is_image: false, is_localized_string: false, is_name: false, is_required: false, property_id: id1}
        - {field_name: ContactId, field_type: Edm.String, is_array: false, is_enum: false, is_flag_enum: false,
           is_image: false, is_localized_string: false, is_name: false, is_required: false, property_id: id2}
        - {field_name: VisitedAt, field_type: Edm.DateTimeOffset, is_array: false, is_enum: false, is_flag_enum: false,
           is_image: false, is_localized_string: false, is_name: false, is_required: false, property_id: id3}
      id_property_names: [VisitId]
      timestamp_field_name: VisitedAt
      participant_profiles: []
      primary_participant_profile_property_name: null
      is_activity: true
      schema_item_type_link: null
      display_name: null
      description: null
      attributes: null
      localized_attributes: null
      small_image: null
      medium_image: null
      large_image: null
'''

from ansible_collections.customerinsights.hub.plugins.module_utils._crud import run_info_module
from ansible_collections.customerinsights.hub.plugins.module_utils._hub_model import INTERACTION as MODEL


def main():
    run_info_module(MODEL)


if __name__ == '__main__':
    main()
