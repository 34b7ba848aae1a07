# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""ARM conventions in the client: Azure-AsyncOperation and Location LROs, Retry-After, throttling headers."""

from __future__ import annotations

import json

import pytest
import responses

from ansible_collections.customerinsights.hub.plugins.module_utils._addressing import build_address
from ansible_collections.customerinsights.hub.plugins.module_utils._auth import AUTH_METHODS, Authenticator
from ansible_collections.customerinsights.hub.plugins.module_utils._client import (
    HubApiError,
    HubClient,
    HubOperationFailed,
    HubShapeError,
    header_value,
)

SUB = '11111111-2222-3333-4444-555555555555'
ARM = 'https://management.azure.com'
HUB_ID = '/subscriptions/%s/resourceGroups/rg/providers/Microsoft.CustomerInsights/hubs/myhub' % SUB
LINK = ARM + HUB_ID + '/relationshipLinks/L1?api-version=2017-04-26'
MONITOR = ARM + HUB_ID + '/operationStatuses/op1?api-version=2017-04-26'
LOCATION = ARM + HUB_ID + '/operationResults/op1?api-version=2017-04-26'


@pytest.fixture
def client(clock):
    address, _cloud = build_address(dict(subscription_id=SUB, resource_group='rg', hub_name='myhub'), {})
    method = [m for m in AUTH_METHODS if m.key == 'access_token'][0]
    auth = Authenticator(method, {'access_token': 'tok'}, address.base_url, audience=address.audience)
    return HubClient(address.base_url, auth, '2017-04-26', retries=3, sleep=clock.sleep, clock=clock, address=address)


def link(state='Succeeded'):
    return {'id': HUB_ID + '/relationshipLinks/L1', 'name': 'myhub/L1', 'type': 't', 'properties': {'provisioningState': state}}


def urls():
    return [call.request.method + ' ' + call.request.url for call in responses.calls]


@responses.activate
def test_the_put_body_is_arm_shaped(client):
    responses.put(LINK, json=link())
    client.put_resource(client.url('manage', 'model', 'relationshipLinks', 'L1'), {'interactionType': 'x'}, wait=True)
    assert json.loads(responses.calls[0].request.body) == {'properties': {'interactionType': 'x'}}


@responses.activate
def test_202_with_azure_async_operation_polls_the_monitor_honouring_retry_after_then_reads(client, clock):
    # The monitor is preferred to Location when both are given.
    responses.put(LINK, status=202, headers={'Azure-AsyncOperation': MONITOR, 'Location': LOCATION, 'Retry-After': '5'})
    responses.get(MONITOR, json={'status': 'InProgress'}, headers={'Retry-After': '7'})
    responses.get(MONITOR, json={'status': 'Accepted'})
    responses.get(MONITOR, json={'status': 'Succeeded'})
    responses.get(LINK, json=link())
    assert client.put_resource(LINK, {}, wait=True) == link()
    assert urls() == ['PUT ' + LINK, 'GET ' + MONITOR, 'GET ' + MONITOR, 'GET ' + MONITOR, 'GET ' + LINK]
    # Retry-After of the PUT, of the first poll, then the default interval; none before the final read.
    assert clock.sleeps == [5.0, 7.0, 2.0]
    assert client.poll_count == 4


@responses.activate
def test_200_that_carries_azure_async_operation_is_followed_too(client):
    responses.put(LINK, json=link('Provisioning'), headers={'Azure-AsyncOperation': MONITOR, 'Retry-After': '0'})
    responses.get(MONITOR, json={'status': 'Succeeded'})
    responses.get(LINK, json=link())
    assert client.put_resource(LINK, {}, wait=True) == link()
    assert urls() == ['PUT ' + LINK, 'GET ' + MONITOR, 'GET ' + LINK]


@responses.activate
def test_201_created_is_a_success(client):
    responses.put(LINK, status=201, json=link())
    assert client.put_resource(LINK, {}, wait=True) == link()


@responses.activate
def test_location_polling_answers_202_while_running_then_the_resource(client, clock):
    responses.put(LINK, status=202, headers={'Location': LOCATION, 'Retry-After': '10'})
    responses.get(LOCATION, status=202, headers={'Retry-After': '3'})
    responses.get(LOCATION, json=link())
    responses.get(LINK, json=link())
    assert client.put_resource(LINK, {}, wait=True) == link()
    assert urls() == ['PUT ' + LINK, 'GET ' + LOCATION, 'GET ' + LOCATION, 'GET ' + LINK]
    assert clock.sleeps == [10.0, 3.0]


@responses.activate
@pytest.mark.parametrize('status', ['Failed', 'Canceled', 'HumanIntervention'])
def test_a_failed_operation_fails_after_the_write_was_accepted(client, status):
    responses.put(LINK, status=202, headers={'Azure-AsyncOperation': MONITOR, 'Retry-After': '0'})
    responses.get(MONITOR, json={'status': status, 'error': {'code': 'Oops', 'message': 'it went wrong'}})
    with pytest.raises(HubOperationFailed) as raised:
        client.put_resource(LINK, {}, wait=True)
    assert str(raised.value) == 'The PUT of %s ended in state %s: it went wrong' % (LINK, status)
    assert raised.value.write_accepted


@responses.activate
@pytest.mark.parametrize('state', ['Failed', 'Canceled', 'HumanIntervention'])
def test_a_resource_that_ends_in_a_failed_state_fails(client, state):
    responses.put(LINK, json=link('Provisioning'))
    responses.get(LINK, json=link(state))
    with pytest.raises(HubOperationFailed, match='ended in state %s' % state) as raised:
        client.put_resource(LINK, {}, wait=True)
    assert raised.value.write_accepted


@responses.activate
def test_a_monitor_that_cannot_be_read_fails_the_task_as_changed(client):
    responses.put(LINK, status=202, headers={'Azure-AsyncOperation': MONITOR, 'Retry-After': '0'})
    responses.get(MONITOR, status=404, json={'error': {'code': 'NotFound', 'message': 'no such operation'}})
    with pytest.raises(HubApiError, match='HTTP 404: NotFound: no such operation') as raised:
        client.put_resource(LINK, {}, wait=True)
    assert raised.value.write_accepted


@responses.activate
def test_a_monitor_without_status_is_a_shape_error(client):
    responses.put(LINK, status=202, headers={'Azure-AsyncOperation': MONITOR, 'Retry-After': '0'})
    responses.get(MONITOR, json={'state': 'done'})
    with pytest.raises(HubShapeError, match='status must be a string, not null'):
        client.put_resource(LINK, {}, wait=True)


@responses.activate
@pytest.mark.parametrize('status', [202, 200])
def test_delete_follows_azure_async_operation(client, status):
    responses.delete(LINK, status=status, headers={'Azure-AsyncOperation': MONITOR, 'Location': LOCATION, 'Retry-After': '0'})
    responses.get(MONITOR, json={'status': 'InProgress'}, headers={'Retry-After': '0'})
    responses.get(MONITOR, json={'status': 'Succeeded'})
    client.delete_resource(LINK, wait=True)
    assert urls() == ['DELETE ' + LINK, 'GET ' + MONITOR, 'GET ' + MONITOR]


@responses.activate
def test_delete_follows_location_to_204(client):
    responses.delete(LINK, status=202, headers={'Location': LOCATION, 'Retry-After': '0'})
    responses.get(LOCATION, status=202, headers={'Retry-After': '0'})
    responses.get(LOCATION, status=204)
    client.delete_resource(LINK, wait=True)
    assert urls() == ['DELETE ' + LINK, 'GET ' + LOCATION, 'GET ' + LOCATION]


@responses.activate
def test_a_canceled_delete_fails_as_changed(client):
    responses.delete(LINK, status=202, headers={'Azure-AsyncOperation': MONITOR, 'Retry-After': '0'})
    responses.get(MONITOR, json={'status': 'Canceled'})
    with pytest.raises(HubOperationFailed, match='The DELETE of .* ended in state Canceled: no details') as raised:
        client.delete_resource(LINK, wait=True)
    assert raised.value.write_accepted


@responses.activate
def test_throttling_is_retried_and_the_remaining_quota_is_kept(client, clock):
    responses.put(LINK, status=429, headers={'Retry-After': '17', 'x-ms-ratelimit-remaining-subscription-writes': '0'},
                  json={'error': {'code': 'TooManyRequests', 'message': 'slow down'}})
    responses.put(LINK, json=link(), headers={'x-ms-ratelimit-remaining-subscription-writes': '9',
                                              'x-ms-ratelimit-remaining-tenant-writes': '1150'})
    assert not client.writes_running_low() and client.remaining_writes is None
    client.put_resource(LINK, {}, wait=True)
    assert clock.sleeps == [17.0] and client.retry_count == 1
    assert client.remaining_writes == 9 and client.writes_running_low()


@responses.activate
def test_reads_and_writes_are_kept_apart_and_headers_are_case_insensitive(client):
    responses.get(LINK, json=link(), headers={'X-MS-RateLimit-Remaining-Subscription-Reads': '11999'})
    client.get_resource(LINK)
    assert (client.remaining_reads, client.remaining_writes) == (11999, None)
    responses.put(LINK, json=link(), headers={'x-ms-ratelimit-remaining-subscription-writes': '10'})
    client.put_resource(LINK, {}, wait=False)
    assert client.remaining_writes == 10 and not client.writes_running_low()


def test_header_value_ignores_case():
    assert header_value({'azure-asyncoperation': 'u'}, 'Azure-AsyncOperation') == 'u'
    assert header_value({}, 'Location') is None


@responses.activate
def test_a_wrong_audience_401_says_which_audience_tokens_need(client):
    responses.get(LINK, status=401, json={'error': {'code': 'InvalidAuthenticationTokenAudience', 'message': 'wrong audience'}})
    with pytest.raises(HubApiError) as raised:
        client.get_resource(LINK)
    assert 'Authentication was refused by Azure Resource Manager for GET' in str(raised.value)
    assert 'bearer tokens must be issued for the audience https://management.azure.com/' in str(raised.value)


@responses.activate
@pytest.mark.parametrize('code', ['SubscriptionNotFound', 'ResourceGroupNotFound', 'ParentResourceNotFound'])
def test_a_404_for_the_address_is_no_missing_resource(client, code):
    responses.get(LINK, status=404, json={'error': {'code': code, 'message': 'not there'}})
    with pytest.raises(HubApiError, match='HTTP 404: %s: not there. The address names nothing: check subscription_id, '
                                          'resource_group and hub_name.' % code):
        client.get_resource(LINK)
    responses.delete(LINK, status=404, json={'error': {'code': code, 'message': 'not there'}})
    with pytest.raises(HubApiError, match='The address names nothing'):
        client.delete_resource(LINK, wait=True)


@responses.activate
def test_a_404_for_the_resource_is_a_missing_resource(client):
    responses.get(LINK, status=404, json={'error': {'code': 'ResourceNotFound', 'message': 'no link'}})
    assert client.get_resource(LINK) is None


@responses.activate
def test_a_location_that_answers_an_error_fails_the_write_as_changed(client):
    responses.put(LINK, status=202, headers={'Location': LOCATION, 'Retry-After': '0'})
    responses.get(LOCATION, status=400, json={'error': {'code': 'OperationCanceled', 'message': 'canceled'}})
    with pytest.raises(HubApiError) as raised:
        client.put_resource(LINK, {}, wait=True)
    assert str(raised.value) == ('The PUT of %s did not succeed: its operation URL %s answered HTTP 400: OperationCanceled: canceled'
                                 % (LINK, LOCATION))
    assert raised.value.write_accepted and raised.value.status == 400
