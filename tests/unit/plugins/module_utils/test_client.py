# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

import json
import threading

import pytest
import requests
import responses

from ansible_collections.customerinsights.hub.plugins.module_utils._auth import AUTH_METHODS, Authenticator
from ansible_collections.customerinsights.hub.plugins.module_utils._client import (
    HubApiError,
    HubError,
    HubClient,
    HubConnectionError,
    HubOperationFailed,
    HubResponse,
    HubShapeError,
    HubTimeoutError,
    ThrottleGate,
    backoff_delay,
    hub_path,
    parse_error_body,
    parse_retry_after,
)

HUB = 'https://hub.example'
LINK = HUB + '/manage/model/relationshipLinks/L1?api-version=2017-04-26'
OPERATION = HUB + '/manage/model/operations/op1?api-version=2017-04-26'


@pytest.fixture
def client(clock):
    method = [m for m in AUTH_METHODS if m.key == 'access_token'][0]
    auth = Authenticator(method, {'access_token': 'tok'}, HUB)
    return HubClient(HUB, auth, '2017-04-26', retries=3, sleep=clock.sleep, clock=clock)


def link(state='Succeeded'):
    return {'id': '/x/L1', 'name': 'hub/L1', 'type': 't', 'properties': {'provisioningState': state}}


@pytest.mark.parametrize('text, expected', [
    ('{"error": {"code": "BadThing", "message": "it is bad"}}', ('BadThing', 'it is bad')),
    ('{"code": "Flat", "message": "flat error"}', ('Flat', 'flat error')),
    ('{"error": "invalid_client", "error_description": "AADSTS7000215: bad secret"}', ('invalid_client', 'AADSTS7000215: bad secret')),
    ('<html>Bad gateway</html>', (None, '<html>Bad gateway</html>')),
    ('', (None, None)),
    ('["a list"]', (None, '["a list"]')),
])
def test_parse_error_body_copes_with_any_body(text, expected):
    assert parse_error_body(HubResponse(400, {}, text)) == expected


def test_error_excerpt_is_bounded():
    assert len(parse_error_body(HubResponse(500, {}, 'x' * 5000))[1]) == 300


def test_parse_retry_after():
    assert parse_retry_after({'Retry-After': '7'}) == 7.0
    assert parse_retry_after({}) is None
    assert parse_retry_after({'Retry-After': 'soon'}) is None
    date = 'Wed, 21 Oct 2015 07:28:10 GMT'
    assert parse_retry_after({'Retry-After': date}, now=1445412480.0) == 10.0
    assert parse_retry_after({'Retry-After': date}, now=1445412500.0) == 0.0


def test_backoff_grows_exponentially_with_jitter_and_a_cap():
    assert backoff_delay(1, rand=lambda: 1.0) == 1.0
    assert backoff_delay(3, rand=lambda: 0.0) == 2.0
    assert backoff_delay(20, rand=lambda: 1.0) == 30.0


def test_url_quotes_the_name(client):
    assert client.url('manage', 'x y/z') == HUB + '/manage/x%20y%2Fz?api-version=2017-04-26'


@responses.activate
def test_get_resource_sends_the_auth_header_and_maps_404_to_none(client):
    responses.get(LINK, json=link())
    assert client.get_resource(LINK) == link()
    assert responses.calls[0].request.headers['Authorization'] == 'Bearer tok'
    responses.replace(responses.GET, LINK, status=404, json={'error': {'code': 'ResourceNotFound', 'message': 'no'}})
    assert client.get_resource(LINK) is None


@responses.activate
@pytest.mark.parametrize('status, fragment', [
    (400, 'The hub rejected PUT %s (HTTP 400): InvalidRequestContent: bad field' % LINK),
    (401, 'Authentication was refused by the hub for PUT %s (HTTP 401), using Azure AD access token (access_token)' % LINK),
    (403, 'Authorisation was refused'),
    (409, 'The hub answered PUT %s with HTTP 409: InvalidRequestContent: bad field' % LINK),
])
def test_errors_carry_the_status_and_the_hub_message(client, status, fragment):
    responses.put(LINK, status=status, json={'error': {'code': 'InvalidRequestContent', 'message': 'bad field'}})
    with pytest.raises(HubApiError) as raised:
        client.put_resource(LINK, {}, wait=True)
    assert fragment in str(raised.value)
    assert raised.value.status == status


@responses.activate
def test_transient_statuses_are_retried_honouring_retry_after(client, clock):
    responses.get(LINK, status=503, headers={'Retry-After': '4'})
    responses.get(LINK, status=429, headers={'Retry-After': '2'})
    responses.get(LINK, json=link())
    assert client.get_resource(LINK) == link()
    assert clock.sleeps == [4.0, 2.0]


@responses.activate
def test_retries_run_out_with_the_last_status_and_the_attempt_count(client):
    responses.get(LINK, status=502, json={'error': {'code': 'BadGateway', 'message': 'upstream down'}},
                  headers={'Retry-After': '0'})
    with pytest.raises(HubApiError, match='HTTP 502 after 4 attempts: BadGateway: upstream down'):
        client.get_resource(LINK)
    assert len(responses.calls) == 4


@responses.activate
def test_connection_errors_are_retried_then_reported_with_the_endpoint(client):
    responses.get(LINK, body=requests.exceptions.ConnectionError('connection refused'))
    with pytest.raises(HubConnectionError, match=r'Could not reach https://hub.example \(GET .*\) after 4 attempt'):
        client.get_resource(LINK)


@responses.activate
def test_retries_never_go_beyond_the_deadline(client, clock):
    responses.get(LINK, status=503, headers={'Retry-After': '60'})
    with pytest.raises(HubApiError, match='HTTP 503'):
        client.deadline = 30
        client.get_resource(LINK)
    assert clock.sleeps == []


@responses.activate
def test_put_200_succeeded_needs_no_poll(client):
    responses.put(LINK, json=link())
    assert client.put_resource(LINK, {'a': 1}, wait=True) == link()
    assert json.loads(responses.calls[0].request.body) == {'a': 1}
    assert len(responses.calls) == 1


@responses.activate
def test_put_200_provisioning_polls_get_until_terminal(client, clock):
    responses.put(LINK, json=link('Provisioning'))
    responses.get(LINK, json=link('Provisioning'))
    responses.get(LINK, json=link('Succeeded'))
    assert client.put_resource(LINK, {}, wait=True) == link()
    assert len(responses.calls) == 3 and clock.sleeps == [2.0, 2.0]


@responses.activate
def test_put_202_with_location_polls_the_operation_then_gets_the_link(client, clock):
    responses.put(LINK, status=202, headers={'Location': OPERATION, 'Retry-After': '1'})
    responses.get(OPERATION, status=202, headers={'Retry-After': '3'})
    responses.get(OPERATION, json={'status': 'Succeeded'})
    responses.get(LINK, json=link())
    assert client.put_resource(LINK, {}, wait=True) == link()
    assert [call.request.url for call in responses.calls] == [LINK, OPERATION, OPERATION, LINK]
    assert clock.sleeps == [1.0, 3.0]


@responses.activate
def test_put_202_operation_failure_is_reported(client):
    responses.put(LINK, status=202, headers={'Location': OPERATION, 'Retry-After': '0'})
    responses.get(OPERATION, json={'status': 'Failed', 'error': {'code': 'ProvisioningFailed', 'message': 'boom'}})
    with pytest.raises(HubOperationFailed, match='ended in state Failed: boom'):
        client.put_resource(LINK, {}, wait=True)


@responses.activate
def test_put_202_without_location_polls_the_link(client):
    responses.put(LINK, status=202, headers={'Retry-After': '0'})
    responses.get(LINK, json=link('Provisioning'))
    responses.get(LINK, json=link('HumanIntervention'))
    with pytest.raises(HubOperationFailed, match='ended in state HumanIntervention'):
        client.put_resource(LINK, {}, wait=True)


@responses.activate
def test_put_202_without_wait_returns_at_once(client):
    responses.put(LINK, status=202, headers={'Location': OPERATION})
    assert client.put_resource(LINK, {}, wait=False) is None
    assert len(responses.calls) == 1


@responses.activate
def test_waiting_is_bounded_by_the_deadline(client, clock):
    responses.put(LINK, json=link('Provisioning'))
    responses.get(LINK, json=link('Provisioning'))
    with pytest.raises(HubTimeoutError, match='Timed out .*last seen: provisioningState Provisioning'):
        client.deadline = 7
        client.put_resource(LINK, {}, wait=True)
    assert clock.now <= 7


@responses.activate
def test_delete_of_a_missing_link_is_done_at_once(client):
    responses.delete(LINK, status=404)
    client.delete_resource(LINK, wait=True)
    assert len(responses.calls) == 1


@responses.activate
@pytest.mark.parametrize('status', [200, 204])
def test_delete_answered_200_or_204_is_done(client, status):
    responses.delete(LINK, status=status)
    client.delete_resource(LINK, wait=True)
    assert [call.request.method for call in responses.calls] == ['DELETE']


@responses.activate
def test_delete_202_with_location_is_done_when_the_operation_succeeds(client):
    responses.delete(LINK, status=202, headers={'Location': OPERATION, 'Retry-After': '0'})
    responses.get(OPERATION, json={'status': 'Succeeded'})
    client.delete_resource(LINK, wait=True)
    assert [call.request.url for call in responses.calls] == [LINK, OPERATION]


@responses.activate
def test_delete_without_wait_sends_only_the_delete(client):
    responses.delete(LINK, status=202)
    client.delete_resource(LINK, wait=False)
    assert len(responses.calls) == 1


@responses.activate
def test_a_relative_location_is_resolved_against_the_request(client):
    responses.put(LINK, status=202, headers={'Location': '/manage/model/operations/op1?api-version=2017-04-26', 'Retry-After': '0'})
    responses.get(OPERATION, json={'status': 'Succeeded'})
    responses.get(LINK, json=link())
    assert client.put_resource(LINK, {}, wait=True) == link()
    assert responses.calls[1].request.url == OPERATION


@responses.activate
@pytest.mark.parametrize('body', ['<html>login page</html>', '', '["x"]'])
def test_a_200_that_is_not_a_json_object_is_an_error_not_a_missing_link(client, body):
    responses.get(LINK, body=body, status=200)
    with pytest.raises(HubApiError, match='HTTP 200 but not with a JSON object'):
        client.get_resource(LINK)


@responses.activate
def test_an_invalid_header_is_reported_without_quoting_it(client):
    client.authenticator = type('Auth', (), {'authorization_header': lambda self, c: 'Bearer s3cr3t\n'})()
    with pytest.raises(HubError) as raised:
        client.get_resource(LINK)
    assert 'header value is invalid' in str(raised.value) and 's3cr3t' not in str(raised.value)


@responses.activate
def test_retry_waits_are_capped_without_a_deadline(client, clock):
    responses.get(LINK, status=429, headers={'Retry-After': '3600'})
    responses.get(LINK, json=link())
    client.get_resource(LINK)
    assert clock.sleeps == [60.0]


@responses.activate
def test_delete_202_polls_until_404(client):
    responses.delete(LINK, status=202, headers={'Retry-After': '0'})
    responses.get(LINK, json=link('Deleting'))
    responses.get(LINK, status=404)
    client.delete_resource(LINK, wait=True)
    assert [call.request.method for call in responses.calls] == ['DELETE', 'GET', 'GET']


@responses.activate
def test_list_follows_next_link(client, fixture_json):
    page = fixture_json('list_page.json')
    second = HUB + '/manage/model/relationshipLinks?api-version=2017-04-26&$skiptoken=1'
    responses.get(HUB + '/manage/model/relationshipLinks?api-version=2017-04-26', json=dict(page, nextLink=second))
    responses.get(second, json=page)
    assert len(list(client.list_resources(HUB + '/manage/model/relationshipLinks?api-version=2017-04-26'))) == 2
    assert len(responses.calls) == 2


@responses.activate
def test_api_errors_carry_the_parsed_body(client):
    responses.get(LINK, status=400, json={'error': {'code': 'Bad', 'message': 'no'}, 'extra': 1})
    with pytest.raises(HubApiError) as raised:
        client.get_resource(LINK)
    assert raised.value.body == {'error': {'code': 'Bad', 'message': 'no'}, 'extra': 1}


@responses.activate
def test_a_timeout_after_an_accepted_put_says_so_and_names_the_limit(client, clock):
    responses.put(LINK, json=link('Provisioning'))
    responses.get(LINK, json=link('Provisioning'))
    client.deadline, client.wait_timeout = 7, 7
    with pytest.raises(HubTimeoutError) as raised:
        client.put_resource(LINK, {}, wait=True)
    message = str(raised.value)
    assert message.startswith('Timed out')
    assert 'last seen: provisioningState Provisioning' in message
    assert 'wait_timeout=7' in message and 'may still finish' in message
    assert raised.value.write_accepted


@responses.activate
@pytest.mark.parametrize('operation, error', [
    ({'status': 'Failed'}, HubOperationFailed),
    ({'status': 'HumanIntervention'}, HubOperationFailed),
])
def test_a_failing_operation_after_an_accepted_put_is_marked_as_a_change(client, operation, error):
    responses.put(LINK, status=202, headers={'Location': OPERATION, 'Retry-After': '0'})
    responses.get(OPERATION, json=operation)
    with pytest.raises(error) as raised:
        client.put_resource(LINK, {}, wait=True)
    assert raised.value.write_accepted


@responses.activate
def test_a_failed_final_state_after_put_200_is_marked_as_a_change(client):
    responses.put(LINK, json=link('Failed'))
    with pytest.raises(HubOperationFailed) as raised:
        client.put_resource(LINK, {}, wait=True)
    assert raised.value.write_accepted


@responses.activate
def test_a_refused_write_is_not_a_change(client):
    responses.put(LINK, status=400, json={'error': {'code': 'Bad', 'message': 'no'}})
    with pytest.raises(HubApiError) as raised:
        client.put_resource(LINK, {}, wait=True)
    assert not raised.value.write_accepted


@responses.activate
def test_a_timeout_after_an_accepted_delete_is_marked_as_a_change(client):
    responses.delete(LINK, status=202, headers={'Retry-After': '5'})
    responses.get(LINK, json=link('Deleting'))
    client.deadline = 7
    with pytest.raises(HubTimeoutError) as raised:
        client.delete_resource(LINK, wait=True)
    assert raised.value.write_accepted


@responses.activate
def test_requests_retries_and_polls_are_counted_and_traced(client, clock):
    responses.put(LINK, status=503, headers={'Retry-After': '1'})
    responses.put(LINK, json=link('Provisioning'))
    responses.get(LINK, json=link('Provisioning'))
    responses.get(LINK, json=link('Succeeded'))
    client.put_resource(LINK, {}, wait=True)
    assert (client.request_count, client.retry_count, client.poll_count) == (4, 1, 2)
    assert client.retry_reasons == ['HTTP 503']
    assert [(entry['method'], entry['url'], entry['status']) for entry in client.trace] == [
        ('PUT', LINK, 503), ('PUT', LINK, 200), ('GET', LINK, 200), ('GET', LINK, 200)]
    assert all(isinstance(entry['milliseconds'], int) for entry in client.trace)


@responses.activate
def test_a_connection_failure_is_traced_without_a_status(client):
    responses.get(LINK, body=requests.exceptions.ConnectionError('connection refused'))
    responses.get(LINK, json=link())
    client.get_resource(LINK)
    assert [entry['status'] for entry in client.trace] == [None, 200]
    assert client.retry_count == 1 and 'connection refused' in client.retry_reasons[0]


@responses.activate
@pytest.mark.parametrize('page, message', [
    ({'value': {'a': 1}}, 'value must be a list of resources, not an object'),
    ({'value': ['x']}, 'value[0] must be a JSON object, not a string'),
    ({'value': [], 'nextLink': 5}, 'nextLink must be a URL string, not a number'),
    ({'value': [{'name': 3}]}, 'name must be a string, not a number'),
    ({'value': [{'name': 'L', 'properties': []}]}, 'properties must be a JSON object, not a list'),
    ({'value': [{'name': 'L', 'properties': {'provisioningState': {'x': 1}}}]}, 'provisioningState must be a string'),
])
def test_a_page_of_the_wrong_shape_is_an_error_naming_the_field_and_url(client, page, message):
    listing = HUB + '/manage/model/relationshipLinks?api-version=2017-04-26'
    responses.get(listing, json=page)
    with pytest.raises(HubShapeError) as raised:
        list(client.list_resources(listing))
    assert message in str(raised.value) and listing in str(raised.value)


@responses.activate
def test_a_mistyped_provisioning_state_while_waiting_is_an_error_not_a_crash(client):
    responses.put(LINK, json=link('Provisioning'))
    responses.get(LINK, json={'properties': {'provisioningState': ['Succeeded']}})
    with pytest.raises(HubShapeError, match='provisioningState must be a string, not a list') as raised:
        client.put_resource(LINK, {}, wait=True)
    assert raised.value.write_accepted


def test_hub_path_is_the_url_under_the_endpoint(client):
    assert hub_path('2017-04-26', 'manage', 'model', 'relationshipLinks', 'a b') == (
        '/manage/model/relationshipLinks/a%20b?api-version=2017-04-26')
    assert client.url('manage', 'model', 'relationshipLinks', 'L1') == LINK


# ---- several threads on one client (relationship_links) --------------------------------------

def in_threads(count, function):
    """Run function(index) in count threads at once; return their results by index."""
    results = [None] * count
    threads = [threading.Thread(target=lambda index=index: results.__setitem__(index, function(index))) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@responses.activate
def test_threads_count_every_request_in_one_trace_each_with_its_own_session(client):
    responses.get(LINK, json=link())
    sessions = in_threads(8, lambda index: (client.get_resource(LINK), client._session())[1])
    assert client.request_count == 8 and len(client.trace) == 8 and len(responses.calls) == 8
    # A requests Session is not thread-safe: no two threads share one, and none uses the main thread's.
    assert len(set(id(session) for session in sessions)) == 8 and client.session not in sessions
    assert client._session() is client.session


@responses.activate
def test_a_throttled_answer_holds_back_every_thread(client, clock):
    responses.get(LINK, status=429, headers={'Retry-After': '5'})
    responses.get(LINK, json=link())
    client.get_resource(LINK)
    # The thread that was throttled waited at the gate before its retry...
    assert clock.sleeps == [5.0]
    # ...and while the gate is closed, another thread's first request waits there too.
    client.throttle.close_for(3)
    in_threads(1, lambda index: client.get_resource(LINK))
    assert clock.sleeps == [5.0, 3.0]


@responses.activate
@pytest.mark.parametrize('status, headers, closes', [
    (429, {}, True),
    (503, {'Retry-After': '1'}, True),
    (503, {}, False),
])
def test_only_throttling_closes_the_gate(client, status, headers, closes, monkeypatch):
    closed = []
    monkeypatch.setattr(client.throttle, 'close_for', closed.append)
    responses.get(LINK, status=status, headers=headers)
    responses.get(LINK, json=link())
    client.get_resource(LINK)
    assert bool(closed) is closes


def test_the_gate_waits_for_the_longest_hold_and_never_loops_on_a_still_clock():
    sleeps = []
    gate = ThrottleGate(clock=lambda: 10.0, sleep=sleeps.append)
    gate.wait()
    gate.close_for(4)
    gate.close_for(2)
    assert gate.remaining() == (4.0, 14.0)
    gate.wait()
    assert sleeps == [4.0]


@responses.activate
def test_a_thread_bounds_its_retries_by_its_own_deadline(client, clock):
    responses.get(LINK, status=503, headers={'Retry-After': '10'})
    with client.own_deadline(15):
        with pytest.raises(HubApiError, match=r'waiting 10 s more would pass wait_timeout'):
            client.get_resource(LINK)
    # One retry fitted in the 15 s, the second would not have; outside the block the client has no deadline.
    assert clock.sleeps == [10.0] and client._deadline() is None
