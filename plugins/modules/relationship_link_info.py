#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, customerinsights.hub contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: relationship_link_info
short_description: Read relationship links of a Customer Insights Hub
version_added: 1.0.0
description:
  - Return one relationship link of a Customer Insights Hub, or all of them.
  - Listing follows the hub's C(nextLink) pages (about 30 links a page) until the last one, one request per page.
  - Each link has the shape that the relationship_link module returns as
    RV(customerinsights.hub.relationship_link#module:relationship_link) - its options (the writable fields) under
    their option names, plus read-only fields whose names match no option.
  - To feed a link back, pass the item's option keys to M(customerinsights.hub.relationship_link), as the example
    that puts every link back does; a link put back unchanged reports no change.
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
      - Name of the link to return. When the hub has no link of that name, RV(relationship_links) is empty.
      - Without it, every link of the hub is returned.
    type: str
seealso:
  - module: customerinsights.hub.relationship_link
  - module: customerinsights.hub.relationship_links
    description: Every link of a hub in one task.
'''

EXAMPLES = r'''
- name: Read every relationship link of the hub
  customerinsights.hub.relationship_link_info:
    hub_endpoint: https://myhub.api.azurecustomerinsights.com
    sas_policy_name: RootManageSharedAccessKey
    sas_key: "{{ vault_hub_sas_key }}"
  register: all_links

- name: Read every link through Azure Resource Manager as the VM's managed identity
  customerinsights.hub.relationship_link_info:
    subscription_id: 00000000-0000-0000-0000-000000000000
    resource_group: analytics-rg
    hub_name: myhub
    auth_source: msi

# hub_endpoint and the credentials can come from module_defaults or from the environment
# (CUSTOMER_INSIGHTS_HUB_ENDPOINT, CUSTOMER_INSIGHTS_SAS_POLICY_NAME, CUSTOMER_INSIGHTS_SAS_KEY, ...).
- name: Read one link
  customerinsights.hub.relationship_link_info:
    name: PurchaseLink
  register: one_link

- name: Put every link back as it was read (feeding info output back; nothing changes)
  customerinsights.hub.relationship_link: "{{ item | dict2items | selectattr('key', 'in', link_options) | rejectattr('value', 'none') | items2dict }}"
  vars:
    link_options: [name, interaction_type, relationship_name, profile_property_references,
                   related_profile_property_references, mappings, display_name, description]
  loop: "{{ all_links.relationship_links }}"
  loop_control:
    label: "{{ item.name }}"

- name: Copy the description of every link to its display name
  customerinsights.hub.relationship_link:
    name: "{{ item.name }}"
    display_name: "{{ item.description }}"
  loop: "{{ all_links.relationship_links }}"
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
  description: How many HTTP requests the task sent, retries, polls and a token request (Azure AD, managed identity) included.
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
      sample: https://myhub.api.azurecustomerinsights.com/manage/model/relationshipLinks/PurchaseLink?api-version=2017-04-26
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
  sample: {error: {code: InvalidApiVersion, message: The api-version query parameter is required}}
relationship_links:
  description:
    - The links. Writable fields have the names of the options of M(customerinsights.hub.relationship_link);
      read-only fields have snake_case names that match no option (the hub's C(tenantId) is C(hub_tenant_id)).
      C(name) is the bare link name.
    - Empty when O(name) is given and the hub has no such link.
  returned: always
  type: list
  elements: dict
  sample:
    # The shape of RV(customerinsights.hub.relationship_link#module:relationship_link); fields the hub
    # holds nothing for are null, so an item can be given back to that module.
    - id: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.CustomerInsights/hubs/myHub/relationshipLinks/StoreVisits
      name: StoreVisits
      type: Microsoft.CustomerInsights/hubs/relationshipLinks
      link_name: StoreVisits
      provisioning_state: Succeeded
      hub_tenant_id: myhub
      relationship_guid_id: 5d1f0a2c-8e4b-4c7d-b6a9-2f3e1d0c9b8a
      interaction_type: StoreVisit
      relationship_name: CustomerToStore
      profile_property_references: [{interaction_property_name: VisitorId, profile_property_name: ProfileId}]
      related_profile_property_references: [{interaction_property_name: StoreId, profile_property_name: ProfileId}]
      mappings: null
      display_name: null
      description: {en-us: Visits of a customer to a store}
'''

from ansible_collections.customerinsights.hub.plugins.module_utils._crud import run_info_module
from ansible_collections.customerinsights.hub.plugins.module_utils._relationship_link import RELATIONSHIP_LINK as MODEL


def main():
    run_info_module(MODEL)


if __name__ == '__main__':
    main()
