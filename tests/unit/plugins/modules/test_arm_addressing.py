# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Every module's main() with the ARM address: URLs, bodies, audience, credential sources, failures."""

from __future__ import annotations

import json

import pytest
import responses

from urllib.parse import parse_qs

from ansible_collections.customerinsights.hub.plugins.modules import relationship_link, relationship_link_info

SUB = '11111111-2222-3333-4444-555555555555'
HUB_ID = '/subscriptions/%s/resourceGroups/my-rg/providers/Microsoft.CustomerInsights/hubs/myhub' % SUB
ARM = 'https://management.azure.com'
LINK = ARM + HUB_ID + '/relationshipLinks/PurchaseLink?api-version=2017-04-26'
LINKS = ARM + HUB_ID + '/relationshipLinks?api-version=2017-04-26'
MONITOR = ARM + HUB_ID + '/operationStatuses/op1?api-version=2017-04-26'
ADDRESS = dict(subscription_id=SUB, resource_group='my-rg', hub_name='myhub')
CONNECTION = dict(ADDRESS, access_token='arm-token')
DEFINITION = dict(interactionType='WebPurchase', relationshipName='CustomerToStore',
                  profilePropertyReferences=[dict(interactionPropertyName='CustomerId', profilePropertyName='ProfileId')],
                  relatedProfilePropertyReferences=[dict(interactionPropertyName='StoreId', profilePropertyName='ProfileId')])
CREATE = dict(CONNECTION, name='PurchaseLink', interaction_type='WebPurchase', relationship_name='CustomerToStore',
              profile_property_references=[dict(interaction_property_name='CustomerId', profile_property_name='ProfileId')],
              related_profile_property_references=[dict(interaction_property_name='StoreId', profile_property_name='ProfileId')])
TOKEN_URL = 'https://login.microsoftonline.com/my-tenant/oauth2/v2.0/token'


def arm_link(state='Succeeded'):
    return dict(id=HUB_ID + '/relationshipLinks/PurchaseLink', name='myhub/PurchaseLink',
                type='Microsoft.CustomerInsights/hubs/relationshipLinks',
                properties=dict(DEFINITION, linkName='PurchaseLink', provisioningState=state, tenantId='myhub'))


@responses.activate
def test_create_through_arm_sends_the_definition_under_properties(run_module):
    responses.get(LINK, status=404)
    responses.put(LINK, json=arm_link())
    result, failed = run_module(relationship_link, CREATE)
    assert not failed and result['changed']
    assert [(call.request.method, call.request.url) for call in responses.calls] == [('GET', LINK), ('PUT', LINK)]
    assert json.loads(responses.calls[1].request.body) == {'properties': DEFINITION}
    assert responses.calls[1].request.headers['Authorization'] == 'Bearer arm-token'
    assert result['id'] == HUB_ID + '/relationshipLinks/PurchaseLink' and result['name'] == 'PurchaseLink'
    assert result['auth_source_used'] == 'task'


@responses.activate
def test_info_through_arm_lists_the_hub_s_links(run_module):
    responses.get(LINKS, json={'value': [arm_link()]})
    result, failed = run_module(relationship_link_info, CONNECTION)
    assert not failed and [link['name'] for link in result['relationship_links']] == ['PurchaseLink']


@responses.activate
def test_client_credentials_ask_for_an_arm_token_of_the_cloud(run_module):
    responses.post('https://login.microsoftonline.us/my-tenant/oauth2/v2.0/token', json=dict(access_token='aad-arm-token'))
    responses.get(LINKS.replace(ARM, 'https://management.usgovcloudapi.net'), json={'value': []})
    result, failed = run_module(relationship_link_info, dict(ADDRESS, tenant_id='my-tenant', client_id='c', client_secret='s',
                                                             cloud_environment='AzureUSGovernment'))
    assert not failed, result['msg']
    form = parse_qs(responses.calls[0].request.body)
    assert form['scope'] == ['https://management.usgovcloudapi.net/.default']
    assert responses.calls[1].request.headers['Authorization'] == 'Bearer aad-arm-token'
    assert 'aad-arm-token' not in json.dumps(result)


@responses.activate
def test_management_endpoint_moves_the_requests_but_not_the_audience(run_module):
    responses.post(TOKEN_URL, json=dict(access_token='aad-arm-token'))
    responses.get('http://127.0.0.1:9' + HUB_ID + '/relationshipLinks?api-version=2017-04-26', json={'value': []})
    result, failed = run_module(relationship_link_info, dict(ADDRESS, tenant_id='my-tenant', client_id='c', client_secret='s',
                                                             management_endpoint='http://127.0.0.1:9'))
    assert not failed, result['msg']
    assert parse_qs(responses.calls[0].request.body)['scope'] == ['https://management.azure.com/.default']


@responses.activate
def test_the_hub_endpoint_asks_for_a_customer_insights_token(run_module):
    responses.post(TOKEN_URL, json=dict(access_token='aad-hub-token'))
    responses.get('https://hub.example/manage/model/relationshipLinks?api-version=2017-04-26', json={'value': []})
    result, failed = run_module(relationship_link_info, dict(hub_endpoint='https://hub.example', tenant_id='my-tenant',
                                                             client_id='c', client_secret='s'))
    assert not failed, result['msg']
    assert parse_qs(responses.calls[0].request.body)['scope'] == ['https://azurecustomerinsights.com/.default']


@responses.activate
@pytest.mark.parametrize('status', ['Failed', 'Canceled', 'HumanIntervention'])
def test_an_accepted_write_whose_operation_fails_is_a_change(run_module, status):
    responses.get(LINK, status=404)
    responses.put(LINK, status=202, headers={'Azure-AsyncOperation': MONITOR, 'Retry-After': '0'})
    responses.get(MONITOR, json={'status': status, 'error': {'code': 'X', 'message': 'it ended badly'}})
    result, failed = run_module(relationship_link, CREATE)
    assert failed and result['changed'] is True
    assert result['msg'] == 'The PUT of %s ended in state %s: it ended badly' % (LINK, status)
    assert result['poll_count'] == 1


@responses.activate
@pytest.mark.parametrize('given, says', [
    (dict(sas_policy_name='RootManageSharedAccessKey', sas_key='k', access_token=None), 'belongs to the Hub API only'),
    (dict(sas_token='SharedAccessSignature sr=x', access_token=None), 'SAS token (sas_token) belongs to the Hub API only'),
    (dict(hub_endpoint='https://hub.example'), 'Give exactly one address of the hub'),
    (dict(hub_name=None), 'missing: hub_name'),
    (dict(auth_source='cli'), 'auth_source=cli takes its credentials from the Azure CLI, but the task also gives access_token'),
])
def test_wrong_addressing_or_credentials_fail_before_any_request(run_module, given, says):
    result, failed = run_module(relationship_link, dict(CREATE, **given))
    assert failed and says in result['msg']
    assert result['request_count'] == 0 and len(responses.calls) == 0
    assert result['auth_source_used'] is None


@responses.activate
def test_msi_without_a_subscription_never_guesses_one(run_module, monkeypatch):
    monkeypatch.setenv('AZURE_POD_IDENTITY_AUTHORITY_HOST', 'http://127.0.0.1:9')
    result, failed = run_module(relationship_link_info, dict(resource_group='my-rg', hub_name='myhub', auth_source='msi'))
    assert failed and 'needs subscription_id' in result['msg'] and 'never guesses one' in result['msg']
    assert len(responses.calls) == 0


@responses.activate
def test_msi_token_is_asked_for_the_arm_audience_and_never_returned(run_module, monkeypatch):
    monkeypatch.setenv('AZURE_POD_IDENTITY_AUTHORITY_HOST', 'http://127.0.0.1:9')
    monkeypatch.setenv('AZURE_SUBSCRIPTION_ID', SUB)
    responses.get('http://127.0.0.1:9/metadata/identity/oauth2/token', json=dict(access_token='imds-secret-token'))
    responses.get(LINKS, json={'value': [arm_link()]}, headers={'x-ms-ratelimit-remaining-subscription-reads': '11999'})
    result, failed = run_module(relationship_link_info, dict(resource_group='my-rg', hub_name='myhub', auth_source='msi'),
                                verbosity=4)
    assert not failed and result['auth_source_used'] == 'msi'
    assert parse_qs(responses.calls[0].request.url.split('?')[1])['resource'] == ['https://management.azure.com/']
    assert 'imds-secret-token' not in json.dumps(result)
    assert result['request_count'] == 2
