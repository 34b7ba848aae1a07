# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Hub endpoint or ARM: exactly one address, the URLs per cloud, the body shape, the token audience."""

from __future__ import annotations

import pytest

from ansible_collections.customerinsights.hub.plugins.module_utils._addressing import (
    HUB_AUDIENCE,
    AddressError,
    addressing_problems,
    build_address,
    token_audience,
)
from ansible_collections.customerinsights.hub.plugins.module_utils._auth import AUTH_METHODS, Authenticator
from ansible_collections.customerinsights.hub.plugins.module_utils._client import HubClient

SUB = '11111111-2222-3333-4444-555555555555'
HUB_ID = '/subscriptions/%s/resourceGroups/my-rg/providers/Microsoft.CustomerInsights/hubs/myhub' % SUB
ARM = dict(subscription_id=SUB, resource_group='my-rg', hub_name='myhub')
LINK_PATH = ('manage', 'model', 'relationshipLinks', 'PurchaseLink')


def client_for(address):
    token = [method for method in AUTH_METHODS if method.key == 'access_token'][0]
    return HubClient(address.base_url, Authenticator(token, {'access_token': 't'}, address.base_url), '2017-04-26',
                     address=address)


@pytest.mark.parametrize('cloud, management', [
    (None, 'https://management.azure.com'),
    ('AzureCloud', 'https://management.azure.com'),
    ('AzureChinaCloud', 'https://management.chinacloudapi.cn'),
    ('AzureUSGovernment', 'https://management.usgovcloudapi.net'),
])
def test_arm_urls_per_cloud(cloud, management):
    address, _cloud = build_address(dict(ARM, cloud_environment=cloud), {})
    client = client_for(address)
    assert client.url(*LINK_PATH) == management + HUB_ID + '/relationshipLinks/PurchaseLink?api-version=2017-04-26'
    assert client.url(*LINK_PATH[:3]) == management + HUB_ID + '/relationshipLinks?api-version=2017-04-26'


def test_the_cloud_may_come_from_the_environment():
    address, cloud = build_address(ARM, {'AZURE_CLOUD_ENVIRONMENT': 'AzureChinaCloud'})
    assert address.base_url == 'https://management.chinacloudapi.cn' and cloud.authority == 'https://login.chinacloudapi.cn'


def test_the_task_cloud_wins_over_the_environment_and_the_environment_over_a_credential_file():
    address, _cloud = build_address(dict(ARM, cloud_environment='AzureUSGovernment'), {'AZURE_CLOUD_ENVIRONMENT': 'AzureChinaCloud'},
                                    credential_cloud='AzureCloud')
    assert address.audience == 'https://management.usgovcloudapi.net/'
    address, _cloud = build_address(ARM, {'AZURE_CLOUD_ENVIRONMENT': 'AzureChinaCloud'}, credential_cloud='AzureUSGovernment')
    assert address.audience == 'https://management.chinacloudapi.cn/'
    address, _cloud = build_address(ARM, {}, credential_cloud='AzureUSGovernment')
    assert address.audience == 'https://management.usgovcloudapi.net/'


def test_a_credential_file_cloud_that_does_not_exist_is_named():
    with pytest.raises(AddressError, match=r"cloud_environment \(from the credential file\) must be one of .*; got 'AzureStack'"):
        build_address(ARM, {}, credential_cloud='AzureStack')


def test_management_endpoint_changes_the_url_never_the_audience():
    address, _cloud = build_address(dict(ARM, cloud_environment='AzureUSGovernment', management_endpoint='http://127.0.0.1:8080/'), {})
    assert client_for(address).url(*LINK_PATH).startswith('http://127.0.0.1:8080' + HUB_ID + '/relationshipLinks/')
    assert address.audience == 'https://management.usgovcloudapi.net/'
    assert token_audience(dict(ARM, cloud_environment='AzureUSGovernment', management_endpoint='http://x'), {}) == address.audience


@pytest.mark.parametrize('params, environ, audience', [
    (dict(hub_endpoint='https://h'), {}, 'https://azurecustomerinsights.com'),
    (dict(hub_endpoint='https://h', cloud_environment='AzureChinaCloud'), {}, 'https://azurecustomerinsights.com'),
    (ARM, {}, 'https://management.azure.com/'),
    (ARM, {'AZURE_CLOUD_ENVIRONMENT': 'AzureChinaCloud'}, 'https://management.chinacloudapi.cn/'),
    ({}, {'CUSTOMER_INSIGHTS_HUB_ENDPOINT': 'https://h', 'AZURE_SUBSCRIPTION_ID': SUB}, HUB_AUDIENCE),
])
def test_the_audience_follows_the_addressing(params, environ, audience):
    assert token_audience(params, environ) == audience


def test_the_hub_endpoint_keeps_hub_paths_and_flat_bodies():
    address, _cloud = build_address(dict(hub_endpoint='https://h.example/'), {})
    assert client_for(address).url(*LINK_PATH) == 'https://h.example/manage/model/relationshipLinks/PurchaseLink?api-version=2017-04-26'
    assert address.request_body({'a': 1}) == {'a': 1}


def test_arm_bodies_go_under_properties():
    address, _cloud = build_address(ARM, {})
    assert address.request_body({'interactionType': 'x'}) == {'properties': {'interactionType': 'x'}}


def test_the_arm_address_maps_only_hub_model_paths():
    address, _cloud = build_address(ARM, {})
    with pytest.raises(ValueError, match='not a path of the hub model'):
        address.resource_segments(('manage', 'sas', 'Policies'))


@pytest.mark.parametrize('params, environ, problem', [
    (dict(ARM, hub_endpoint='https://h'), {},
     'Give exactly one address of the hub, either hub_endpoint (or CUSTOMER_INSIGHTS_HUB_ENDPOINT), or the ARM address: '
     'resource_group and hub_name, with subscription_id (or AZURE_SUBSCRIPTION_ID); the task gives hub_endpoint and '
     'subscription_id, resource_group, hub_name'),
    (dict(hub_endpoint='https://h', subscription_id=SUB), {}, 'the task gives hub_endpoint and subscription_id'),
    ({}, {}, 'the task gives neither'),
    ({}, {'AZURE_SUBSCRIPTION_ID': SUB}, 'the task gives neither'),
    (dict(resource_group='rg'), {}, 'the ARM address needs subscription_id, resource_group and hub_name; missing: hub_name'),
    (dict(subscription_id=SUB), {}, 'missing: resource_group, hub_name'),
    (dict(ARM, subscription_id='not-a-guid'), {}, "subscription_id (from subscription_id) must be a subscription ID"),
    (dict(ARM, hub_name='my-hub'), {}, "hub_name 'my-hub' is invalid"),
    (dict(ARM, hub_name='h' * 65), {}, 'hub_name'),
    (dict(ARM, resource_group='rg.'), {}, "resource_group 'rg.' is invalid"),
    (dict(ARM, resource_group='r/g'), {}, "resource_group 'r/g' is invalid"),
    (dict(ARM, management_endpoint='management.example'), {}, "management_endpoint must be an http(s) URL; got 'management.example'"),
    (dict(ARM, management_endpoint='https://m.example/arm'), {}, 'management_endpoint must be a root URL'),
    (dict(hub_endpoint='https://h', management_endpoint='https://m'), {},
     'management_endpoint is part of the ARM address, and the task addresses the hub by hub_endpoint'),
    (ARM, {'AZURE_CLOUD_ENVIRONMENT': 'AzureGermanCloud'},
     "cloud_environment (from AZURE_CLOUD_ENVIRONMENT) must be one of AzureCloud, AzureChinaCloud, AzureUSGovernment; got 'AzureGermanCloud'"),
])
def test_addressing_problems_name_the_options(params, environ, problem):
    assert problem in '; '.join(addressing_problems(params, environ))


@pytest.mark.parametrize('params, environ', [
    (ARM, {}),
    (dict(resource_group='my-rg', hub_name='myhub'), {'AZURE_SUBSCRIPTION_ID': SUB}),
    # An endpoint exported in the shell does not conflict with an ARM address in the task, nor a
    # subscription exported for Azure tools with hub_endpoint in the task.
    (ARM, {'CUSTOMER_INSIGHTS_HUB_ENDPOINT': 'https://h'}),
    (dict(hub_endpoint='https://h'), {'AZURE_SUBSCRIPTION_ID': SUB}),
    ({}, {'CUSTOMER_INSIGHTS_HUB_ENDPOINT': 'https://h'}),
])
def test_exactly_one_address_is_fine(params, environ):
    assert addressing_problems(params, environ) == []


def test_the_subscription_comes_from_the_task_then_the_environment_then_the_credential_source():
    arm = dict(resource_group='my-rg', hub_name='myhub')
    other = '99999999-2222-3333-4444-555555555555'
    assert build_address(dict(arm, subscription_id=SUB), {'AZURE_SUBSCRIPTION_ID': other}, other)[0].hub_segments[1] == SUB
    assert build_address(arm, {'AZURE_SUBSCRIPTION_ID': SUB}, other)[0].hub_segments[1] == SUB
    assert build_address(arm, {}, SUB)[0].hub_segments[1] == SUB


def test_without_any_subscription_the_message_says_where_to_set_it():
    with pytest.raises(AddressError, match='The ARM address needs subscription_id: set it in the task or in AZURE_SUBSCRIPTION_ID.'):
        build_address(dict(resource_group='my-rg', hub_name='myhub'), {})


def test_a_managed_identity_never_guesses_the_subscription():
    with pytest.raises(AddressError, match='never guesses one'):
        build_address(dict(resource_group='my-rg', hub_name='myhub'), {}, credential_subscription=SUB, may_guess_subscription=False)


def test_a_subscription_from_the_credential_source_is_checked():
    with pytest.raises(AddressError, match=r"subscription_id \(from the credential source\) must be a subscription ID"):
        build_address(dict(resource_group='my-rg', hub_name='myhub'), {}, credential_subscription='my subscription')
