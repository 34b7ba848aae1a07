#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, customerinsights.hub contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: relationship_links
short_description: Manage all relationship links of a Customer Insights Hub in one task
version_added: 1.1.0
description:
  - Reconcile the relationship links of a Customer Insights Hub with a list of links, in one task, with the states
    of Ansible's network resource modules (C(merged), C(replaced), C(overridden), C(deleted), C(gathered),
    C(rendered)).
  - The module reads every link with the paged list (C(<hub_endpoint>/manage/model/relationshipLinks), one request
    per page of about 30 links, never one request per link) and then writes only the links that must change, up to
    O(parallelism) at a time. A run that changes nothing costs the list pages and nothing else, however many links
    there are.
  - Each link is compared and written as M(customerinsights.hub.relationship_link) does it - the same comparison,
    merge, retries, long-running waits and handling of a C(Failed) provisioning state.
  - A write that fails does not stop the others. Every other write runs to its end, then the task fails with a
    message that names each failed link and its reason; RV(changes) reports what was done and C(changed) is true
    when the hub accepted any write.
  - Everything that can be checked before a request is checked before any request, naming the item and the
    options - duplicated names, options that do not belong to the state, items that lack what creating a link
    needs. For O(state=merged) an item lacking what creating a link needs is an error only when its link does not
    exist, which the list tells; the task then fails after the list and before any write.
author:
  - Customer Insights Hub collection maintainers (@customerinsights)
requirements:
  - requests (not for O(state=rendered))
extends_documentation_fragment:
  - customerinsights.hub.connection
  - customerinsights.hub.auth
  - customerinsights.hub.attributes
attributes:
  check_mode:
    description: Can run in check_mode and return changed status prediction without modifying target.
    support: full
    details:
      - Check mode reads the list pages and sends no write; RV(changes) and RV(after) are the prediction.
  diff_mode:
    description: Will return details on what has changed (or possibly needs changing in check_mode), when in diff mode.
    support: full
    details:
      - The diff shows, for each link written (or to be written in check mode), its writable fields before and after.
options:
  config:
    description:
      - The links, each with the options of M(customerinsights.hub.relationship_link) that describe a link.
      - Names must be unique. What each item must give depends on O(state).
      - Not allowed with O(state=gathered). Required with O(state=merged), O(state=replaced), O(state=overridden)
        and O(state=rendered); with O(state=deleted), leaving it out deletes every link.
    type: list
    elements: dict
    suboptions:
      name:
        description:
          - Name of the relationship link (C(relationshipLinkName)).
          - Must start with a letter followed by at least one letter, digit or underscore, at most 512 characters.
        type: str
        required: true
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
          - The order of the items is not significant. With O(state=merged), V([]) removes all mappings; with
            O(state=replaced) or O(state=overridden), leaving it out does.
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
              - When left out, whatever the hub holds (or fills in as its default) is accepted and kept, in every state.
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
  state:
    description:
      - V(merged) creates the links of O(config) that do not exist and updates the others where the options an item
        gives differ, as M(customerinsights.hub.relationship_link) does; options an item leaves out, and links
        O(config) does not name, are left as they are. Creating a link needs O(config[].interaction_type),
        O(config[].relationship_name), O(config[].profile_property_references) and
        O(config[].related_profile_property_references).
      - V(replaced) makes each link of O(config) hold exactly the item's fields - the optional ones the item leaves
        out are cleared (O(config[].mappings) to V([]), O(config[].display_name) and O(config[].description) to
        V({})) - and leaves the other links alone. Every item defines a whole link, so it must give everything
        creating one needs.
      - V(overridden) is V(replaced), and deletes every link of the hub that O(config) does not name. V(config=[])
        deletes every link.
      - V(deleted) deletes the links O(config) names (items give only O(config[].name)); links that do not exist are
        left alone. Without O(config) it deletes every link of the hub.
      - V(gathered) reads every link and writes nothing; RV(gathered) holds them in the shape of O(config).
      - V(rendered) contacts no hub (O(hub_endpoint) and credentials are not needed) and returns in RV(rendered) the
        requests V(merged) would send to a hub without links, as the Hub API takes them (paths under O(hub_endpoint),
        flat bodies) whatever the address options. Every item must give everything creating a link needs.
    type: str
    choices: [merged, replaced, overridden, deleted, gathered, rendered]
    default: merged
  parallelism:
    description:
      - How many writes are in flight at once. V(1) writes one link after the other. Must be 1 or more.
      - When the hub throttles a request (C(429), or C(Retry-After) on a transient error), every write waits as
        long as the hub asked, not only the one that was throttled.
      - Through Azure Resource Manager, once its C(x-ms-ratelimit-remaining-*) headers report fewer than 10 writes
        left, the remaining writes go one at a time, with a warning.
    type: int
    default: 4
  wait:
    description:
      - Wait until the hub has finished provisioning (or deleting) each link written, as
        M(customerinsights.hub.relationship_link) does. With V(false) a write is done when the hub accepted it.
    type: bool
    default: true
  wait_timeout:
    description:
      - Seconds each write may take in all, its retries and waits included, counted from its start; the reading of
        the list pages has the same limit. Must be positive.
      - A write that runs out of it after the hub accepted it fails, and counts as a change.
    type: int
    default: 300
notes:
  - The list options of a link are compared as unordered collections; a mapping given without
    O(config[].mappings[].link_type) equals a hub mapping with any link type.
  - The items of RV(before), RV(after), RV(gathered) and RV(changes) have the shape of O(config) - the link's name and
    the writable fields it holds - so they can be given back to the module as they are.
  - O(state=rendered) neither resolves nor checks the connection and authentication options.
seealso:
  - module: customerinsights.hub.relationship_link
  - module: customerinsights.hub.relationship_link_info
'''

EXAMPLES = r'''
# vars/hub_links.yml - the links the hub must have, kept in version control:
#
# hub_links:
#   - name: PurchaseLink
#     interaction_type: WebPurchase
#     relationship_name: CustomerToStore
#     profile_property_references:
#       - {interaction_property_name: CustomerId, profile_property_name: ProfileId}
#     related_profile_property_references:
#       - {interaction_property_name: StoreId, profile_property_name: ProfileId}
#     mappings:
#       - {interaction_field_name: PurchaseDate, relationship_field_name: LastPurchase, link_type: UpdateAlways}
#     display_name: {en-us: Purchases}
#   - name: FavouriteStoreLink
#     ...

- name: Read the links the hub must have
  ansible.builtin.include_vars:
    file: vars/hub_links.yml

- name: Converge the hub's links on the file; links the file does not list are deleted
  customerinsights.hub.relationship_links:
    hub_endpoint: https://myhub.api.azurecustomerinsights.com
    sas_policy_name: RootManageSharedAccessKey
    sas_key: "{{ vault_hub_sas_key }}"
    config: "{{ hub_links }}"
    state: overridden
  register: converged

- name: Show what was done
  ansible.builtin.debug:
    msg: "{{ converged.changes | map(attribute='action') | zip(converged.changes | map(attribute='name')) | list }}"

# hub_endpoint and the credentials can come from module_defaults or from the environment
# (CUSTOMER_INSIGHTS_HUB_ENDPOINT, CUSTOMER_INSIGHTS_SAS_POLICY_NAME, CUSTOMER_INSIGHTS_SAS_KEY, ...).
- name: Change only the descriptions of two links; every other field and link stays as it is
  customerinsights.hub.relationship_links:
    config:
      - name: PurchaseLink
        description: {en-us: Purchases, online and in store}
      - name: FavouriteStoreLink
        description: {en-us: The store a customer buys from most}

- name: Save the hub's links in the shape of config, to start a vars file from them
  customerinsights.hub.relationship_links:
    state: gathered
  register: current

- name: Write them to a file
  ansible.builtin.copy:
    content: "{{ {'hub_links': current.gathered} | to_nice_yaml }}"
    dest: vars/hub_links.yml
    mode: "0644"

- name: Delete two links, two writes at a time, without waiting for the hub to finish
  customerinsights.hub.relationship_links:
    config:
      - name: OldLink
      - name: UnusedLink
    state: deleted
    parallelism: 2
    wait: false

- name: Show the requests the file would make on an empty hub, without a hub
  customerinsights.hub.relationship_links:
    config: "{{ hub_links }}"
    state: rendered
  register: requests
'''

RETURN = r'''
auth_source_used:
  description:
    - Where the credentials of the task came from - V(task) (its own authentication options or module_defaults),
      V(env) (environment variables), V(credential_file), V(cli) (the Azure CLI) or V(msi) (a managed identity).
    - Null when the task failed before the credentials were looked up (an invalid option, say), and with
      O(state=rendered), which looks none up.
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
    - One entry per request, in the order they were answered, at verbosity C(-vvv) or more. URLs hold no secret;
      headers are not shown.
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
      sample: https://myhub.api.azurecustomerinsights.com/manage/model/relationshipLinks?api-version=2017-04-26
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
  description: HTTP status of the hub's answer to the list request that failed the task.
  returned: failure of the list request, when the hub answered
  type: int
  sample: 401
response:
  description: Body of the hub's answer to the list request that failed the task.
  returned: failure of the list request, when the hub answered
  type: raw
  sample: {error: {code: Unauthorized, message: The SAS token is invalid}}
before:
  description:
    - Every link of the hub before the task, in the shape of O(config) (the name and the writable fields the link
      holds), ordered by name.
  returned: when O(state) is V(merged), V(replaced), V(overridden) or V(deleted) and the list could be read
  type: list
  elements: dict
  sample:
    - name: PurchaseLink
      interaction_type: WebPurchase
      relationship_name: CustomerToStore
      profile_property_references: [{interaction_property_name: CustomerId, profile_property_name: ProfileId}]
      related_profile_property_references: [{interaction_property_name: StoreId, profile_property_name: ProfileId}]
      mappings: [{interaction_field_name: PurchaseDate, relationship_field_name: LastPurchase, link_type: UpdateAlways}]
      display_name: {en-us: Purchases}
after:
  description:
    - Every link of the hub after the task, in the same shape, ordered by name. A link written holds what the
      hub answered; in check mode, after C(202) with O(wait=false), and for a write whose wait failed, what the
      task asked for.
  returned: when O(state) is V(merged), V(replaced), V(overridden) or V(deleted) and the list could be read
  type: list
  elements: dict
  sample:
    - name: PurchaseLink
      interaction_type: WebPurchase
      relationship_name: CustomerToStore
      profile_property_references: [{interaction_property_name: CustomerId, profile_property_name: ProfileId}]
      related_profile_property_references: [{interaction_property_name: StoreId, profile_property_name: ProfileId}]
      mappings: [{interaction_field_name: PurchaseDate, relationship_field_name: LastPurchase, link_type: UpdateAlways}]
      display_name: {en-us: Purchases, online and in store}
changes:
  description:
    - One entry per link the hub accepted a write for (in check mode, per link that would be written), in the order
      the writes were planned - the items of O(config) first, then the links deleted.
    - Empty when nothing changed.
  returned: when O(state) is V(merged), V(replaced), V(overridden) or V(deleted) and the list could be read
  type: list
  elements: dict
  contains:
    name:
      description: The link's name.
      type: str
      returned: always
      sample: PurchaseLink
    action:
      description: What was done, V(created), V(updated) or V(deleted).
      type: str
      returned: always
      sample: updated
    before:
      description: The link before, in the shape of O(config); null when it was created.
      type: dict
      returned: always
      sample: {name: PurchaseLink, interaction_type: WebPurchase, display_name: {en-us: Purchases}}
    after:
      description: The link after, in the shape of O(config); null when it was deleted.
      type: dict
      returned: always
      sample: {name: PurchaseLink, interaction_type: WebPurchase, display_name: {en-us: Purchases, online and in store}}
failures:
  description:
    - One entry per write that failed, in the order of RV(changes). The task fails when there is any.
  returned: when a write failed
  type: list
  elements: dict
  contains:
    name:
      description: The link's name.
      type: str
      returned: always
      sample: PurchaseLink
    action:
      description: The write that failed, V(created), V(updated) or V(deleted).
      type: str
      returned: always
      sample: created
    msg:
      description: Why it failed, as M(customerinsights.hub.relationship_link) would say it.
      type: str
      returned: always
      sample: "The hub rejected PUT https://myhub.api.azurecustomerinsights.com/manage/model/relationshipLinks/PurchaseLink?api-version=2017-04-26
        (HTTP 400): InvalidReference: ..."
    write_accepted:
      description:
        - Whether the hub had accepted the write before it failed (a wait that ran out, a C(Failed) provisioning
          state). Such a write is in RV(changes) too.
      type: bool
      returned: always
      sample: false
    status:
      description: HTTP status of the hub's answer that failed the write.
      type: int
      returned: when the hub answered
      sample: 400
    response:
      description: Body of the hub's answer that failed the write.
      type: raw
      returned: when the hub answered
      sample: {error: {code: InvalidReference, message: "The relationship link 'PurchaseLink' refers to what does not exist"}}
gathered:
  description: Every link of the hub in the shape of O(config), ordered by name.
  returned: when O(state=gathered)
  type: list
  elements: dict
  sample:
    - name: PurchaseLink
      interaction_type: WebPurchase
      relationship_name: CustomerToStore
      profile_property_references: [{interaction_property_name: CustomerId, profile_property_name: ProfileId}]
      related_profile_property_references: [{interaction_property_name: StoreId, profile_property_name: ProfileId}]
rendered:
  description:
    - The requests O(state=merged) would send to a hub without links, one PUT per item of O(config), in its order.
  returned: when O(state=rendered)
  type: list
  elements: dict
  contains:
    method:
      description: HTTP method.
      type: str
      returned: always
      sample: PUT
    path:
      description: Path and query under O(hub_endpoint).
      type: str
      returned: always
      sample: /manage/model/relationshipLinks/PurchaseLink?api-version=2017-04-26
    body:
      description: The JSON body, the flat RelationshipLink definition.
      type: dict
      returned: always
      sample:
        interactionType: WebPurchase
        relationshipName: CustomerToStore
        profilePropertyReferences: [{interactionPropertyName: CustomerId, profilePropertyName: ProfileId}]
        relatedProfilePropertyReferences: [{interactionPropertyName: StoreId, profilePropertyName: ProfileId}]
diff:
  description: In diff mode, one entry per link in RV(changes), with its fields before and after.
  returned: when diff mode is on and O(state) is V(merged), V(replaced), V(overridden) or V(deleted)
  type: list
  elements: dict
  sample:
    - before_header: relationship link PurchaseLink
      after_header: relationship link PurchaseLink
      before: {name: PurchaseLink, display_name: {en-us: Purchases}}
      after: {name: PurchaseLink, display_name: {en-us: Purchases, online and in store}}
'''

from ansible_collections.customerinsights.hub.plugins.module_utils._bulk import bulk_argspec, run_bulk_module
from ansible_collections.customerinsights.hub.plugins.module_utils._relationship_link import RELATIONSHIP_LINK as MODEL


def argument_spec():
    """The module's own options (HubModule adds connection and auth); tests check them against DOCUMENTATION."""
    return bulk_argspec(MODEL)


def main():
    run_bulk_module(MODEL)


if __name__ == '__main__':
    main()
