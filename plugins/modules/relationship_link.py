#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, customerinsights.hub contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: relationship_link
short_description: Manage relationship links of a Customer Insights Hub
version_added: 1.0.0
description:
  - Create, update or delete a relationship link of a Customer Insights Hub, through the Hub API
    (C(<hub_endpoint>/manage/model/relationshipLinks/<name>)) or through Azure Resource Manager
    (C(.../providers/Microsoft.CustomerInsights/hubs/<hub_name>/relationshipLinks/<name>)).
  - A relationship link connects an interaction type with a relationship, so that interaction data creates or updates
    relationship instances.
  - The module reads the link first (one GET) and writes (PUT or DELETE) only when something must change.
    It compares only the options the task gives; an option left out is left as it is on the hub.
  - Because the hub replaces the whole link on PUT, an update sends the hub's current writable fields overlaid with
    the options of the task, so nothing the task did not mention is erased.
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
options:
  name:
    description:
      - Name of the relationship link (C(relationshipLinkName)).
      - Must start with a letter followed by at least one letter, digit or underscore, at most 512 characters.
        It is checked before any request.
    type: str
    required: true
  state:
    description:
      - V(present) creates the link or updates it where the given options differ.
      - V(absent) deletes it; a link that does not exist is left alone.
    type: str
    choices: [present, absent]
    default: present
  interaction_type:
    description:
      - The interaction type the link takes its data from (C(interactionType)). Required to create a link.
    type: str
  relationship_name:
    description:
      - The relationship the link creates or updates (C(relationshipName)). Required to create a link.
    type: str
  profile_property_references:
    description:
      - Which interaction properties identify the profile of the relationship (C(profilePropertyReferences)).
        Required to create a link.
      - The order of the items is not significant.
    type: list
    elements: dict
    suboptions:
      interaction_property_name:
        description: The source interaction property that maps to the target profile property.
        type: str
        required: true
      profile_property_name:
        description: The target profile property that maps to the source interaction property.
        type: str
        required: true
  related_profile_property_references:
    description:
      - Which interaction properties identify the related profile of the relationship
        (C(relatedProfilePropertyReferences)). Required to create a link.
      - The order of the items is not significant.
    type: list
    elements: dict
    suboptions:
      interaction_property_name:
        description: The source interaction property that maps to the target profile property.
        type: str
        required: true
      profile_property_name:
        description: The target profile property that maps to the source interaction property.
        type: str
        required: true
  mappings:
    description:
      - Mappings between interaction fields and relationship fields (C(mappings)).
      - The order of the items is not significant. Give V([]) to remove all mappings.
    type: list
    elements: dict
    suboptions:
      interaction_field_name:
        description: The field name on the interaction type.
        type: str
        required: true
      relationship_field_name:
        description: The field name on the relationship.
        type: str
        required: true
      link_type:
        description:
          - How the relationship field is updated.
          - When left out, whatever the hub holds (or fills in as its default) is accepted and kept.
        type: str
        choices: [UpdateAlways, CopyIfNull]
  display_name:
    description:
      - 'Localized display names, a dict of locale code to text, for example C({"en-us": "Purchases"}).'
      - Replaces the whole dict when given; V({}) clears it.
    type: dict
  description:
    description:
      - Localized descriptions, a dict of locale code to text.
      - Replaces the whole dict when given; V({}) clears it.
    type: dict
notes:
  - The list options are compared as unordered collections. A mapping given without O(mappings[].link_type) equals
    a hub mapping with any link type, and an update keeps the hub's link type for it.
  - The PUT body is the flat RelationshipLink definition the Hub API docs show, or with the ARM address the
    ARM-shaped body with the definition under C(properties). Answers are accepted flat or ARM-shaped (C({id, name, type, properties})).
  - When the hub answers a create with C(202 Accepted) and O(wait=false), the hub has not said the link's id yet,
    so RV(id) is null.
seealso:
  - module: customerinsights.hub.relationship_link_info
  - module: customerinsights.hub.relationship_links
    description: Every link of a hub in one task.
'''

EXAMPLES = r'''
- name: Link purchases to the customer-store relationship (SAS key auth)
  customerinsights.hub.relationship_link:
    hub_endpoint: https://myhub.api.azurecustomerinsights.com
    sas_policy_name: RootManageSharedAccessKey
    sas_key: "{{ vault_hub_sas_key }}"
    name: PurchaseLink
    interaction_type: WebPurchase
    relationship_name: CustomerToStore
    profile_property_references:
      - interaction_property_name: CustomerId
        profile_property_name: ProfileId
    related_profile_property_references:
      - interaction_property_name: StoreId
        profile_property_name: ProfileId
    mappings:
      - interaction_field_name: PurchaseDate
        relationship_field_name: LastPurchase
        link_type: UpdateAlways
    display_name:
      en-us: Purchases
    description:
      en-us: Customer purchases at a store
  register: link

- name: Change only the description; every other field stays as it is on the hub
  customerinsights.hub.relationship_link:
    hub_endpoint: https://myhub.api.azurecustomerinsights.com
    access_token: "{{ aad_token }}"
    name: PurchaseLink
    description:
      en-us: Purchases, online and in store

- name: The same link through Azure Resource Manager, with the credentials of az login
  customerinsights.hub.relationship_link:
    subscription_id: 00000000-0000-0000-0000-000000000000
    resource_group: analytics-rg
    hub_name: myhub
    auth_source: cli
    name: PurchaseLink
    description:
      en-us: Purchases, online and in store

# hub_endpoint and the credentials can come from module_defaults or from the environment
# (CUSTOMER_INSIGHTS_HUB_ENDPOINT, CUSTOMER_INSIGHTS_SAS_POLICY_NAME, CUSTOMER_INSIGHTS_SAS_KEY, ...).
- name: Start the deletion and do not wait for the hub to finish
  customerinsights.hub.relationship_link:
    name: PurchaseLink
    state: absent
    wait: false
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
id:
  description: Resource id of the link as the hub returned it.
  returned: success, when the hub has said it
  type: str
  sample: /subscriptions/c909e979-ef71-4def-a970-bc7c154db8c5/resourceGroups/rg/providers/Microsoft.CustomerInsights/hubs/myHub/relationshipLinks/PurchaseLink
name:
  description: The bare name of the link, also when the hub answers C(<hub>/<link>).
  returned: always
  type: str
  sample: PurchaseLink
type:
  description: Resource type the hub reports.
  returned: success, when the hub has said it
  type: str
  sample: Microsoft.CustomerInsights/hubs/relationshipLinks
provisioning_state:
  description: C(provisioningState) of the link after the task.
  returned: success, when the hub has said it
  type: str
  sample: Succeeded
relationship_link:
  description:
    - The link as the hub returned it. Its writable fields have the names of the module options; read-only fields
      (C(link_name), C(provisioning_state), C(hub_tenant_id), C(relationship_guid_id)) have snake_case names
      that match no option (the hub's C(tenantId) is C(hub_tenant_id), not the O(tenant_id) option).
    - In check mode, and after a C(202) with O(wait=false), the link as it is expected to be.
    - Empty when O(state=absent).
  returned: always
  type: dict
  sample:
    id: /subscriptions/c909e979-ef71-4def-a970-bc7c154db8c5/resourceGroups/rg/providers/Microsoft.CustomerInsights/hubs/myHub/relationshipLinks/PurchaseLink
    name: PurchaseLink
    type: Microsoft.CustomerInsights/hubs/relationshipLinks
    interaction_type: WebPurchase
    relationship_name: CustomerToStore
    link_name: PurchaseLink
    provisioning_state: Succeeded
    hub_tenant_id: myhub
    relationship_guid_id: 0b8c2f4e-3d7a-4f5e-9a53-8f0c2d6b1e7a
    profile_property_references:
      - interaction_property_name: CustomerId
        profile_property_name: ProfileId
    related_profile_property_references:
      - interaction_property_name: StoreId
        profile_property_name: ProfileId
    mappings:
      - interaction_field_name: PurchaseDate
        relationship_field_name: LastPurchase
        link_type: UpdateAlways
    display_name:
      en-us: Purchases
    description:
      en-us: Customer purchases at a store
diff:
  description: The writable fields before and after the task, in diff mode.
  returned: when diff mode is on
  type: dict
  contains:
    before:
      description: The fields as they were on the hub (empty when the link did not exist).
      type: dict
      returned: when diff mode is on
      sample: {description: {en-us: Old text}}
    after:
      description: The fields as they are (or would be, in check mode) after the task; empty when deleted.
      type: dict
      returned: when diff mode is on
      sample: {description: {en-us: New text}}
'''

from ansible_collections.customerinsights.hub.plugins.module_utils._crud import run_resource_module
from ansible_collections.customerinsights.hub.plugins.module_utils._relationship_link import RELATIONSHIP_LINK as MODEL


def main():
    run_resource_module(MODEL)


if __name__ == '__main__':
    main()
