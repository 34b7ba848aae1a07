#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, customerinsights.hub contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

# A test-only module (not part of the collection): integration targets drive the Hub emulator's
# admin API through it, and get what they asked for as a registered value. start_emulator in
# ../emulator.sh puts this directory on ANSIBLE_LIBRARY and exports HUB_ENDPOINT.

from __future__ import annotations

DOCUMENTATION = r'''
module: hub_emulator_admin
short_description: Drive the Hub emulator of the integration tests (test-only)
description:
  - Calls the unauthenticated admin API under C(/_emulator/) of the Hub emulator (tests/hub_emulator/README.md)
    and returns its answer. Never changes anything the tests assert on as C(changed).
options:
  endpoint:
    description: The emulator's URL; the E(HUB_ENDPOINT) that start_emulator exports.
    type: str
    required: true
  action:
    description:
      - V(log) returns the request log, V(clear_log) clears it.
      - V(config) changes settings (O(body)); V(reset) returns to the startup state.
      - V(fault) adds a fault rule (O(body)); V(clear_faults) removes them.
      - V(list) returns the stored resources of O(kind); V(seed) stores O(body) as O(kind) O(name) through every
        check a PUT makes.
      - V(empty_model) empties the hub; V(seed_model) puts the seeded fixture model back.
      - V(tokens) returns the access tokens the emulator's Azure AD endpoint issued. They are secrets the module
        cannot mask (a test compares them): give that task C(no_log: true).
    type: str
    required: true
    choices: [log, clear_log, config, reset, fault, clear_faults, list, seed, empty_model, seed_model, tokens]
  kind:
    description: The resource type of V(list) and V(seed).
    type: str
    choices: [profiles, interactions, relationships, links]
    default: links
  name:
    description: Name of the resource to V(seed).
    type: str
  body:
    description: Settings (V(config)), the fault rule (V(fault)) or the flat definition (V(seed)).
    type: dict
author:
  - Customer Insights Hub collection maintainers (@customerinsights)
'''

RETURN = r'''
answer:
  description:
    - The admin API's JSON answer.
    - Keys and tokens in a V(config) answer (and in O(body)) read C(VALUE_SPECIFIED_IN_NO_LOG_PARAMETER).
  returned: always
  type: raw
requests:
  description: The request log (V(log)), oldest first.
  returned: when action is log
  type: list
calls:
  description: The methods of the logged requests, in order.
  returned: when action is log
  type: list
faults:
  description: The fault labels of the logged requests hit by a fault rule, in order.
  returned: when action is log
  type: list
resources:
  description: Name to stored resource (V(list)).
  returned: when action is list
  type: dict
'''

import json
import ssl

from urllib.error import HTTPError, URLError
from urllib.request import HTTPSHandler, ProxyHandler, Request, build_opener

from ansible.module_utils.basic import AnsibleModule, env_fallback

# action: (method, path under /_emulator/, sends body)
ACTIONS = dict(
    log=('GET', 'requests', False),
    clear_log=('DELETE', 'requests', False),
    config=('POST', 'config', True),
    reset=('POST', 'reset', False),
    fault=('POST', 'faults', True),
    clear_faults=('DELETE', 'faults', False),
    list=('GET', '{kind}', False),
    seed=('PUT', '{kind}/{name}', True),
    empty_model=('DELETE', 'model', False),
    seed_model=('POST', 'seed', False),
    tokens=('GET', 'tokens', False),
)


# Settings of the emulator's config whose values (strings, or lists of them) are credentials.
SECRET_SETTINGS = frozenset(('primary_key', 'secondary_key', 'bearer_tokens', 'client_secret'))


def secrets_in(value, secret=False):
    """Every string in value that is, or lies under, a secret setting of the emulator's config."""
    if isinstance(value, dict):
        return [found for key, item in value.items() for found in secrets_in(item, secret or key in SECRET_SETTINGS)]
    if isinstance(value, list):
        return [found for item in value for found in secrets_in(item, secret)]
    return [value] if secret and isinstance(value, str) and value else []


def call_admin(endpoint, method, path, body):
    data = json.dumps(body).encode('utf-8') if body is not None else None
    request = Request('%s/_emulator/%s' % (endpoint.rstrip('/'), path), data=data, method=method,
                      headers={'Content-Type': 'application/json'})
    # The emulator may serve TLS with a test certificate: liveness of the admin API is all we need.
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    # The emulator is local: a proxy in the environment (the proxy target sets one per task) must not carry these calls.
    opener = build_opener(ProxyHandler({}), HTTPSHandler(context=context))
    with opener.open(request, timeout=30) as answer:
        text = answer.read().decode('utf-8')
    return json.loads(text) if text else None


def main():
    module = AnsibleModule(argument_spec=dict(
        endpoint=dict(type='str', required=True, fallback=(env_fallback, ['HUB_ENDPOINT'])),
        action=dict(type='str', required=True, choices=list(ACTIONS)),
        kind=dict(type='str', default='links', choices=['profiles', 'interactions', 'relationships', 'links']),
        name=dict(type='str'),
        body=dict(type='dict'),
    ), required_if=[('action', 'seed', ('name', 'body')), ('action', 'config', ('body',)), ('action', 'fault', ('body',))],
        supports_check_mode=True)
    params = module.params
    # The config answer holds the emulator's keys and tokens (and a config body may set new ones):
    # Ansible masks them in the result, -vvv output included, like the values of no_log options.
    module.no_log_values.update(secrets_in(params['body']))
    method, path, sends_body = ACTIONS[params['action']]
    try:
        answer = call_admin(params['endpoint'], method, path.format(kind=params['kind'], name=params['name']),
                            params['body'] if sends_body else None)
    except HTTPError as error:
        module.fail_json(msg='The emulator answered %s %s with HTTP %d: %s'
                         % (method, path, error.code, error.read().decode('utf-8', 'replace')[:500]))
    except (URLError, OSError, ValueError) as error:
        module.fail_json(msg='The emulator admin API could not be used: %s' % error)
    module.no_log_values.update(secrets_in(answer))
    result = dict(changed=False, answer=answer)
    if params['action'] == 'log':
        result.update(requests=answer['requests'], calls=[entry['method'] for entry in answer['requests']],
                      faults=[entry['fault'] for entry in answer['requests'] if entry.get('fault')])
    if params['action'] == 'list':
        result['resources'] = answer
    module.exit_json(**result)


if __name__ == '__main__':
    main()
