# -*- coding: utf-8 -*-
# Copyright: (c) 2026, customerinsights.hub contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY
# The interfaces in this file are meant for use within the customerinsights.hub collection
# and may not remain stable to outside uses. Changes may be made in ANY release, even a bugfix release.

"""Where a module's requests go: the hub's own endpoint (the Hub API) or Azure Resource Manager.

Every module takes exactly one of the two addresses. The address decides the base URL, how a
resource path of the hub model is spelled, the shape of a PUT body and the audience of bearer
tokens; the rest of the collection does not care which one it talks to.
"""

from __future__ import annotations

import re

from urllib.parse import urlsplit

HUB_ENDPOINT_ENV = 'CUSTOMER_INSIGHTS_HUB_ENDPOINT'
HUB_ENDPOINT_FORM = 'https://<hub>.api.azurecustomerinsights.com'
SUBSCRIPTION_ENV = 'AZURE_SUBSCRIPTION_ID'
CLOUD_ENV = 'AZURE_CLOUD_ENVIRONMENT'
DEFAULT_CLOUD = 'AzureCloud'

# The audience of tokens for the Hub API, whatever the cloud (no sovereign hub host is documented).
HUB_AUDIENCE = 'https://azurecustomerinsights.com'

# Segments of the hub model under the hub endpoint: /manage/model/<type>[/<name>].
HUB_MODEL_PATH = ('manage', 'model')
ARM_PROVIDER = 'Microsoft.CustomerInsights'

# The ARM address: the options that make it up (subscription_id may also come from the environment
# or the credential source; the two others only from the task).
ARM_OPTIONS = ('subscription_id', 'resource_group', 'hub_name')
ARM_ONLY_OPTIONS = ('management_endpoint',)

SUBSCRIPTION_PATTERN = re.compile(r'^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$')
# ARM's rule for resource group names: 1-90 letters, digits, underscores, hyphens, periods and
# parentheses, not ending in a period.
RESOURCE_GROUP_PATTERN = re.compile(r'^[-\w.()]{1,90}$')
RESOURCE_GROUP_MAX_LENGTH = 90
# The hub name rule of the published Hubs PUT (hubName: 1-64 characters).
HUB_NAME_PATTERN = re.compile(r'^[a-zA-Z][a-zA-Z0-9]+$')
HUB_NAME_MAX_LENGTH = 64


class Cloud:
    """An Azure cloud: where ARM and Azure AD live, and the audience of ARM tokens."""

    def __init__(self, name, resource_manager, authority):
        self.name = name
        # ARM's URL, which is also the audience of tokens for it (requests may go elsewhere, see
        # management_endpoint; the audience never changes with it).
        self.resource_manager = resource_manager
        self.authority = authority


# azure-cli's cloud table (also azure.azcollection's): AzureGermanCloud closed in 2021.
CLOUDS = dict((cloud.name, cloud) for cloud in (
    Cloud('AzureCloud', 'https://management.azure.com/', 'https://login.microsoftonline.com'),
    Cloud('AzureChinaCloud', 'https://management.chinacloudapi.cn/', 'https://login.chinacloudapi.cn'),
    Cloud('AzureUSGovernment', 'https://management.usgovcloudapi.net/', 'https://login.microsoftonline.us'),
))


class HubEndpointAddress:
    """The Hub API at the hub's own endpoint: flat bodies, tokens for the Customer Insights audience."""

    kind = 'hub_endpoint'
    audience = HUB_AUDIENCE
    service = 'the hub'

    def __init__(self, endpoint):
        self.base_url = endpoint.rstrip('/')

    @staticmethod
    def resource_segments(segments):
        return tuple(segments)

    @staticmethod
    def request_body(definition):
        return definition


class ArmAddress:
    """A hub reached through Azure Resource Manager: ARM paths, {"properties": ...} bodies, ARM tokens."""

    kind = 'arm'
    service = 'Azure Resource Manager'

    def __init__(self, cloud, subscription_id, resource_group, hub_name, management_endpoint=None):
        self.cloud = cloud
        self.audience = cloud.resource_manager
        self.base_url = (management_endpoint or cloud.resource_manager).rstrip('/')
        self.hub_segments = ('subscriptions', subscription_id, 'resourceGroups', resource_group,
                             'providers', ARM_PROVIDER, 'hubs', hub_name)

    def resource_segments(self, segments):
        """The Hub API's /manage/model/<type>[/<name>] is <hub's ARM id>/<type>[/<name>] in ARM."""
        segments = tuple(segments)
        if segments[:len(HUB_MODEL_PATH)] != HUB_MODEL_PATH:
            raise ValueError('not a path of the hub model: %s' % '/'.join(segments))
        return self.hub_segments + segments[len(HUB_MODEL_PATH):]

    @staticmethod
    def request_body(definition):
        # ARM's <Type>ResourceFormat: a proxy resource whose definition is under properties.
        return {'properties': definition}


def arm_options_in_task(params):
    return [option for option in ARM_OPTIONS if params.get(option) is not None]


def uses_arm(params):
    """Whether the task addresses the hub through ARM: it names a part of the ARM address.

    Only the task decides (module_defaults count as the task): AZURE_SUBSCRIPTION_ID, which Azure
    users often have exported, never turns a task that gives hub_endpoint into an ARM one.
    """
    return bool(arm_options_in_task(params))


def cloud_name(params, environ, default=None):
    """(name, where it came from): the task, then AZURE_CLOUD_ENVIRONMENT, then default (a credential file's)."""
    if params.get('cloud_environment'):
        return params['cloud_environment'], 'cloud_environment'
    if environ.get(CLOUD_ENV):
        return environ[CLOUD_ENV], CLOUD_ENV
    return default or DEFAULT_CLOUD, 'the credential file' if default else 'the default'


def token_audience(params, environ):
    """The audience of bearer tokens for the task's address: the Hub API's, or the cloud's ARM.

    management_endpoint changes where requests go, never the audience. A credential file's cloud is
    not known yet here: a CLI token (the one asked for before the address is complete) follows the
    task and the environment.
    """
    if not uses_arm(params):
        return HUB_AUDIENCE
    return CLOUDS.get(cloud_name(params, environ)[0], CLOUDS[DEFAULT_CLOUD]).resource_manager


def cloud_problem(name, origin):
    if name in CLOUDS:
        return None
    return 'cloud_environment (from %s) must be one of %s; got %r' % (origin, ', '.join(CLOUDS), name)


def url_problem(option, url):
    parts = urlsplit(url)
    if parts.scheme not in ('http', 'https') or not parts.hostname:
        return '%s must be an http(s) URL; got %r' % (option, url)
    if parts.path not in ('', '/') or parts.query or parts.fragment:
        return '%s must be a root URL with no path, query or fragment; got %r' % (option, url)
    return None


def endpoint_problem(endpoint):
    """Why a hub_endpoint cannot be the root of a hub's API, or None."""
    if not endpoint:
        return 'hub_endpoint (or %s) is required: the root URL of the hub, such as %s' % (HUB_ENDPOINT_ENV, HUB_ENDPOINT_FORM)
    parts = urlsplit(endpoint)
    if parts.scheme not in ('http', 'https') or not parts.hostname:
        return 'hub_endpoint must be an http(s) URL such as %s; got %r' % (HUB_ENDPOINT_FORM, endpoint)
    # Under a path every request 404s, which reads as "no such resource": absent would report ok
    # and present would try to create what exists.
    if parts.path not in ('', '/') or parts.query or parts.fragment:
        return ('hub_endpoint must be the root of the hub, %s, with no path, query or fragment; got %r'
                % (HUB_ENDPOINT_FORM, endpoint))
    return None


def subscription_problem(subscription_id, origin='subscription_id'):
    if subscription_id is None or SUBSCRIPTION_PATTERN.match(subscription_id):
        return None
    return ('subscription_id (from %s) must be a subscription ID such as 00000000-0000-0000-0000-000000000000; got %r'
            % (origin, subscription_id))


def resource_group_problem(name):
    if name is None or (RESOURCE_GROUP_PATTERN.match(name) and not name.endswith('.')):
        return None
    return ('resource_group %r is invalid: 1 to %d letters, digits, underscores, hyphens, periods or parentheses, '
            'not ending in a period' % (name, RESOURCE_GROUP_MAX_LENGTH))


def hub_name_problem(name):
    if name is None or (HUB_NAME_PATTERN.match(name) and len(name) <= HUB_NAME_MAX_LENGTH):
        return None
    return ('hub_name %r is invalid: a letter followed by letters or digits, 2 to %d characters (pattern %s)'
            % (name, HUB_NAME_MAX_LENGTH, HUB_NAME_PATTERN.pattern))


BOTH_FORMS = ('either hub_endpoint (or %s), or the ARM address: resource_group and hub_name, with subscription_id '
              '(or %s)' % (HUB_ENDPOINT_ENV, SUBSCRIPTION_ENV))


def addressing_problems(params, environ):
    """Every problem with how the task addresses the hub, found without any request.

    Exactly one address: hub_endpoint or the ARM address. The task decides; only when it gives
    neither does CUSTOMER_INSIGHTS_HUB_ENDPOINT count.
    """
    given_arm = arm_options_in_task(params)
    problems = []
    if given_arm and params.get('hub_endpoint'):
        return ['Give exactly one address of the hub, %s; the task gives hub_endpoint and %s'
                % (BOTH_FORMS, ', '.join(given_arm))]
    if given_arm:
        missing = [option for option in ('resource_group', 'hub_name') if params.get(option) is None]
        if missing:
            problems.append('the ARM address needs subscription_id, resource_group and hub_name; missing: %s'
                            % ', '.join(missing))
        problems.extend((subscription_problem(params.get('subscription_id')),
                         resource_group_problem(params.get('resource_group')), hub_name_problem(params.get('hub_name'))))
        if params.get('management_endpoint'):
            problems.append(url_problem('management_endpoint', params['management_endpoint']))
    else:
        endpoint = params.get('hub_endpoint') or environ.get(HUB_ENDPOINT_ENV)
        if not endpoint:
            return ['Give exactly one address of the hub, %s; the task gives neither' % BOTH_FORMS]
        problems.append(endpoint_problem(endpoint))
        problems.extend('%s is part of the ARM address, and the task addresses the hub by hub_endpoint' % option
                        for option in ARM_ONLY_OPTIONS if params.get(option))
    name, origin = cloud_name(params, environ)
    problems.append(cloud_problem(name, origin))
    return [problem for problem in problems if problem]


class AddressError(Exception):
    """The address cannot be completed (no subscription ID anywhere)."""


def build_address(params, environ, credential_subscription=None, credential_cloud=None, may_guess_subscription=True):
    """The address of the task, once the credential source is known (it may supply subscription and cloud).

    Checked by addressing_problems before; a subscription_id or cloud_environment that came from the
    environment or the credential source is checked here.
    """
    name, origin = cloud_name(params, environ, default=credential_cloud)
    problem = cloud_problem(name, origin)
    if problem:
        raise AddressError(problem)
    cloud = CLOUDS[name]
    if not uses_arm(params):
        return HubEndpointAddress(params.get('hub_endpoint') or environ[HUB_ENDPOINT_ENV]), cloud
    subscription, origin = params.get('subscription_id'), 'subscription_id'
    if subscription is None and environ.get(SUBSCRIPTION_ENV):
        subscription, origin = environ[SUBSCRIPTION_ENV], SUBSCRIPTION_ENV
    if subscription is None and may_guess_subscription and credential_subscription:
        subscription, origin = credential_subscription, 'the credential source'
    if subscription is None:
        raise AddressError('The ARM address needs subscription_id: set it in the task or in %s%s.'
                           % (SUBSCRIPTION_ENV, '' if may_guess_subscription else
                              ' (a managed identity may reach several subscriptions: the module never guesses one)'))
    problem = subscription_problem(subscription, origin)
    if problem:
        raise AddressError(problem)
    return ArmAddress(cloud, subscription, params['resource_group'], params['hub_name'],
                      params.get('management_endpoint')), cloud
