#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, customerinsights.hub contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: profile
short_description: Manage profile types of a Customer Insights Hub
version_added: 1.1.0
description:
  - Create, update or delete a profile type of a Customer Insights Hub through the Hub API
    (C(<hub_endpoint>/manage/model/profiles/<name>)).
  - A profile type describes the people or things a hub holds data about (contacts, stores, ...) - their fields and
    the strong IDs that identify an instance. Interactions, relationships and relationship links name profile types,
    so they come first in a hub model.
  - The module reads the profile first (one GET) and writes (PUT or DELETE) only when something must change.
    It compares only the options the task gives; an option left out is left as it is on the hub.
  - Because the hub replaces the whole profile on PUT, an update sends the hub's current writable fields overlaid with
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
  - customerinsights.hub.hub_model.locale_code
  - customerinsights.hub.hub_model.entity_type
  - customerinsights.hub.hub_model.fields
options:
  name:
    description:
      - Name of the profile type, the last segment of its URL (C(profileName)); the hub reports it as C(typeName).
      - Must start with a letter followed by at least one letter, digit or underscore, at most 128 characters.
        It is checked before any request.
    type: str
    required: true
  state:
    description:
      - V(present) creates the profile or updates it where the given options differ.
      - V(absent) deletes it; a profile that does not exist is left alone.
      - A hub may refuse to delete a profile that relationships or interactions still name; the task then fails with
        the hub's code and message. Delete the relationships first (after their relationship links), and change the
        participants of the interactions (interactions cannot be deleted).
    type: str
    choices: [present, absent]
    default: present
  strong_ids:
    description:
      - The strong IDs of the profile (C(strongIds)), the fields whose values identify an instance.
      - The order of the items is not significant. Give V([]) to remove all strong IDs.
    type: list
    elements: dict
    suboptions:
      strong_id_name:
        description: Name of the strong ID (C(strongIdName)).
        type: str
        required: true
      key_property_names:
        description:
          - The fields that make up the ID (C(keyPropertyNames)), each a O(fields[].field_name) of this profile (or
            C(ProfileId)).
          - The order of the names is not significant.
        type: list
        elements: str
        required: true
      display_name:
        description: Localized display names of the strong ID, a dict of locale code to text (C(displayName)).
        type: dict
      description:
        description: Localized descriptions of the strong ID, a dict of locale code to text (C(description)).
        type: dict
notes:
  - The module compares only the options the task gives, and within O(fields) and O(strong_ids) only the sub-options
    each item gives. All lists are compared as unordered collections; none keeps an order.
  - The hub fills in values of its own, which are not options and never cause a change - C(entityType)
    (C(Profile)), C(typeName) (the name), C(instancesCount), and for each field the C(is*) flags it was not given
    (V(false)) and a C(propertyId). They are returned under their snake_case names.
  - O(fields) and O(strong_ids), when given, are the whole list - a hub item the task's list does not hold is removed
    by the update. Within an item, a sub-option the task leaves out keeps the hub's value.
  - The PUT body is the flat ProfileTypeDefinition. Answers are accepted flat or ARM-shaped
    (C({id, name, type, properties})).
  - When the hub answers a create with C(202 Accepted) and O(wait=false), the hub has not said the profile's id yet,
    so RV(id) is null.
seealso:
  - module: customerinsights.hub.profile_info
  - module: customerinsights.hub.relationship_link
'''

EXAMPLES = r'''
- name: Create the Contact profile (SAS key auth)
  customerinsights.hub.profile:
    hub_endpoint: https://myhub.api.azurecustomerinsights.com
    sas_policy_name: RootManageSharedAccessKey
    sas_key: "{{ vault_hub_sas_key }}"
    name: Contact
    api_entity_set_name: Contacts
    fields:
      - field_name: ContactId
        field_type: Edm.String
        is_required: true
      - field_name: Email
        field_type: Edm.String
        max_length: 256
      - field_name: SignUpDate
        field_type: Edm.DateTimeOffset
    strong_ids:
      - strong_id_name: ContactKey
        key_property_names: [ContactId]
    timestamp_field_name: SignUpDate
    display_name:
      en-us: Contact
    description:
      en-us: A person who buys or sells
  register: contact

# hub_endpoint and the credentials can come from module_defaults (group/customerinsights.hub.hub) or from
# the environment (CUSTOMER_INSIGHTS_HUB_ENDPOINT, CUSTOMER_INSIGHTS_SAS_POLICY_NAME, CUSTOMER_INSIGHTS_SAS_KEY, ...).
- name: Change only the display name; fields, strong IDs and the rest stay as they are on the hub
  customerinsights.hub.profile:
    name: Contact
    display_name:
      en-us: Customer contact
      fr-fr: Contact client

- name: Delete the Contact profile (its relationships and relationship links first) and do not wait
  customerinsights.hub.profile:
    hub_endpoint: https://myhub.api.azurecustomerinsights.com
    access_token: "{{ aad_token }}"
    name: Contact
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
      sample: https://myhub.api.azurecustomerinsights.com/manage/model/profiles/Contact?locale-code=en-us&api-version=2017-04-26
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
  sample: 409
response:
  description: Body of the hub's answer that failed the task (parsed JSON, else the start of the text).
  returned: failure, when the hub answered
  type: raw
  sample:
    error:
      code: Conflict
      message: "The profile 'Contact' cannot be deleted: it is still referenced by relationship 'BuyerSeller'
        (profileType refers to it)."
id:
  description: Resource id of the profile as the hub returned it.
  returned: success, when the hub has said it
  type: str
  sample: /subscriptions/c909e979-ef71-4def-a970-bc7c154db8c5/resourceGroups/rg/providers/Microsoft.CustomerInsights/hubs/myHub/profiles/Contact
name:
  description: The bare name of the profile, also when the hub answers C(<hub>/<profile>).
  returned: always
  type: str
  sample: Contact
type:
  description: Resource type the hub reports.
  returned: success, when the hub has said it
  type: str
  sample: Microsoft.CustomerInsights/hubs/profiles
provisioning_state:
  description: C(provisioningState) of the profile after the task.
  returned: success, when the hub has said it
  type: str
  sample: Succeeded
profile:
  description:
    - The profile as the hub returned it. Its writable fields have the names of the module options (null where the
      hub holds nothing); read-only and server-filled fields (C(provisioning_state), C(hub_tenant_id),
      C(last_changed_utc), C(entity_type), C(type_name), C(instances_count)) have snake_case names that match no
      option (the hub's C(tenantId) is C(hub_tenant_id), not the O(tenant_id) option).
    - In check mode, and after a C(202) with O(wait=false), the profile as it is expected to be.
    - Empty when O(state=absent).
  returned: always
  type: dict
  sample:
    id: /subscriptions/c909e979-ef71-4def-a970-bc7c154db8c5/resourceGroups/rg/providers/Microsoft.CustomerInsights/hubs/myHub/profiles/Contact
    name: Contact
    type: Microsoft.CustomerInsights/hubs/profiles
    entity_type: Profile
    type_name: Contact
    instances_count: 0
    provisioning_state: Succeeded
    hub_tenant_id: myhub
    last_changed_utc: '2026-11-27T07:31:19.531Z'
    api_entity_set_name: Contacts
    fields:
      - field_name: ContactId
        field_type: Edm.String
        is_array: false
        is_enum: false
        is_flag_enum: false
        is_image: false
        is_localized_string: false
        is_name: false
        is_required: true
        property_id: id1
      - field_name: Email
        field_type: Edm.String
        is_array: false
        is_enum: false
        is_flag_enum: false
        is_image: false
        is_localized_string: false
        is_name: false
        is_required: false
        max_length: 256
        property_id: id2
    strong_ids:
      - strong_id_name: ContactKey
        key_property_names: [ContactId]
    timestamp_field_name: null
    schema_item_type_link: null
    display_name:
      en-us: Contact
    description:
      en-us: A person who buys or sells
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
      description: The fields as they were on the hub (empty when the profile did not exist).
      type: dict
      returned: when diff mode is on
      sample: {display_name: {en-us: Contact}}
    after:
      description: The fields as they are (or would be, in check mode) after the task; empty when deleted.
      type: dict
      returned: when diff mode is on
      sample: {display_name: {en-us: Customer contact, fr-fr: Contact client}}
'''

from ansible_collections.customerinsights.hub.plugins.module_utils._crud import run_resource_module
from ansible_collections.customerinsights.hub.plugins.module_utils._hub_model import PROFILE as MODEL


def main():
    run_resource_module(MODEL)


if __name__ == '__main__':
    main()
