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
  - The links come in the snake_case shape that M(customerinsights.hub.relationship_link) returns as
    RV(customerinsights.hub.relationship_link#module:relationship_link), so an item can be fed back to that module.
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
'''

EXAMPLES = r'''
- name: Read every relationship link of the hub
  customerinsights.hub.relationship_link_info:
    hub_endpoint: https://myhub.api.azurecustomerinsights.com
    sas_policy_name: RootManageSharedAccessKey
    sas_key: "{{ vault_hub_sas_key }}"
  register: all_links

- name: Read one link
  customerinsights.hub.relationship_link_info:
    name: PurchaseLink
  register: one_link

- name: Copy the description of every link to its display name (feeding info output back)
  customerinsights.hub.relationship_link:
    name: "{{ item.name }}"
    display_name: "{{ item.description }}"
  loop: "{{ all_links.relationship_links }}"
  loop_control:
    label: "{{ item.name }}"
'''

RETURN = r'''
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
    - The links, with snake_case keys like the options of M(customerinsights.hub.relationship_link),
      read-only fields included. C(name) is the bare link name.
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
      tenant_id: myhub
      relationship_guid_id: 5d1f0a2c-8e4b-4c7d-b6a9-2f3e1d0c9b8a
      interaction_type: StoreVisit
      relationship_name: CustomerToStore
      profile_property_references: [{interaction_property_name: VisitorId, profile_property_name: ProfileId}]
      related_profile_property_references: [{interaction_property_name: StoreId, profile_property_name: ProfileId}]
      mappings: null
      display_name: null
      description: {en-us: Visits of a customer to a store}
'''

from ansible_collections.customerinsights.hub.plugins.module_utils._client import HubError
from ansible_collections.customerinsights.hub.plugins.module_utils._module import HubModule
from ansible_collections.customerinsights.hub.plugins.module_utils._relationship_link import (
    COLLECTION_PATH,
    RELATIONSHIP_LINK,
    name_problem,
)


def main():
    module = HubModule(argument_spec=dict(name=dict(type='str')))
    name = module.params['name']
    module.check_input([name_problem(name) if name is not None else None])

    client = module.client()
    try:
        if name is None:
            found = list(client.list_resources(client.url(*COLLECTION_PATH)))
        else:
            found = [client.get_resource(client.url(*(COLLECTION_PATH + (name,))))]
    except HubError as error:
        module.fail_from(error)
    module.exit_json(changed=False, relationship_links=[RELATIONSHIP_LINK.describe(link) for link in found if link is not None])


if __name__ == '__main__':
    main()
