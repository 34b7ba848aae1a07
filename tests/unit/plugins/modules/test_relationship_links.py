# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""relationship_links' main() end to end, with the hub answered by `responses`."""

from __future__ import annotations

import json
import re
import threading
import time

import pytest
import responses

from responses import matchers

from ansible_collections.customerinsights.hub.plugins.module_utils._module import generate_argspec
from ansible_collections.customerinsights.hub.plugins.modules import relationship_links

HUB = 'https://hub.example'
CONNECTION = dict(hub_endpoint=HUB, access_token='unit-test-token')
LINKS = HUB + '/manage/model/relationshipLinks?api-version=2017-04-26'
ACTIVITY_KEYS = {'request_count', 'retry_count', 'poll_count', 'elapsed_seconds'}
REFS = dict(profile_property_references=[dict(interaction_property_name='CustomerId', profile_property_name='ProfileId')],
            related_profile_property_references=[dict(interaction_property_name='StoreId', profile_property_name='ProfileId')])
LINK = dict(interaction_type='WebPurchase', relationship_name='CustomerToStore', **REFS)


def link_url(name):
    return HUB + '/manage/model/relationshipLinks/%s?api-version=2017-04-26' % name


def hub_link(name, state='Succeeded', **fields):
    definition = dict(interactionType='WebPurchase', relationshipName='CustomerToStore', linkName=name,
                      provisioningState=state, tenantId='myhub',
                      profilePropertyReferences=[dict(interactionPropertyName='CustomerId', profilePropertyName='ProfileId')],
                      relatedProfilePropertyReferences=[dict(interactionPropertyName='StoreId', profilePropertyName='ProfileId')])
    definition.update(fields)
    return dict(id='/x/relationshipLinks/%s' % name, name='myhub/%s' % name, type='t', properties=definition)


def serve_list(*pages):
    """The hub's paged list: each page a list of links, linked by nextLink."""
    for number, page in enumerate(pages):
        url = LINKS if number == 0 else LINKS + '&$skiptoken=%d' % number
        body = dict(value=page)
        if number + 1 < len(pages):
            body['nextLink'] = LINKS + '&$skiptoken=%d' % (number + 1)
        responses.get(url, json=body, match=[matchers.query_string_matcher(url.split('?', 1)[1])])


def calls():
    return [(call.request.method, call.request.url.split('?')[0].rsplit('/', 1)[-1]) for call in responses.calls]


def run(run_module, check_mode=False, diff=False, verbosity=0, **args):
    return run_module(relationship_links, dict(CONNECTION, **args), check_mode=check_mode, diff=diff, verbosity=verbosity)


@responses.activate
def test_an_unchanged_run_is_the_list_pages_and_nothing_else(run_module):
    serve_list([hub_link('LinkA'), hub_link('LinkB')], [hub_link('LinkC')])
    config = [dict(LINK, name=name) for name in ('LinkA', 'LinkB', 'LinkC')]
    result, failed = run(run_module, config=config)
    assert not failed and result['changed'] is False and result['changes'] == []
    assert calls() == [('GET', 'relationshipLinks'), ('GET', 'relationshipLinks')]
    assert result['before'] == result['after'] == config
    assert (result['request_count'], result['retry_count'], result['poll_count']) == (2, 0, 0)


@responses.activate
def test_merged_creates_and_updates_concurrently_and_reports_each_change(run_module):
    serve_list([hub_link('LinkA'), hub_link('LinkB', description={'en-us': 'old'})])
    responses.put(link_url('LinkB'), json=hub_link('LinkB', description={'en-us': 'new'}))
    for name in ('LinkC', 'LinkD', 'LinkE'):
        responses.put(link_url(name), json=hub_link(name))
    config = [dict(name='LinkA', interaction_type='WebPurchase'), dict(name='LinkB', description={'en-us': 'new'})]
    config += [dict(LINK, name=name) for name in ('LinkC', 'LinkD', 'LinkE')]
    result, failed = run(run_module, config=config, parallelism=3, diff=True)
    assert not failed and result['changed'] is True
    assert [(change['name'], change['action']) for change in result['changes']] == [
        ('LinkB', 'updated'), ('LinkC', 'created'), ('LinkD', 'created'), ('LinkE', 'created')]
    assert sorted(calls()[1:]) == [('PUT', 'LinkB'), ('PUT', 'LinkC'), ('PUT', 'LinkD'), ('PUT', 'LinkE')]
    # The update sent the hub's fields with the new description: nothing the item left out was erased.
    put_b = [call for call in responses.calls if call.request.url == link_url('LinkB')][0]
    assert json.loads(put_b.request.body)['interactionType'] == 'WebPurchase'
    update = result['changes'][0]
    assert update['before']['description'] == {'en-us': 'old'} and update['after']['description'] == {'en-us': 'new'}
    assert result['changes'][1]['before'] is None and result['changes'][1]['after'] == dict(LINK, name='LinkC')
    assert [link['name'] for link in result['after']] == ['LinkA', 'LinkB', 'LinkC', 'LinkD', 'LinkE']
    assert [(entry['before_header'], entry['before'].get('description'), entry['after'].get('description'))
            for entry in result['diff']][:2] == [('relationship link LinkB', {'en-us': 'old'}, {'en-us': 'new'}),
                                                 ('relationship link LinkC', None, None)]
    assert result['request_count'] == 5


@responses.activate
def test_check_mode_reads_the_list_only_and_predicts_every_change(run_module):
    serve_list([hub_link('LinkA'), hub_link('LinkB')])
    result, failed = run(run_module, check_mode=True, diff=True, state='overridden', config=[dict(LINK, name='LinkA', mappings=[])],
                         parallelism=1)
    assert not failed and result['changed'] is True
    assert calls() == [('GET', 'relationshipLinks')]
    assert [(change['name'], change['action']) for change in result['changes']] == [('LinkB', 'deleted')]
    assert result['diff'] == [dict(before_header='relationship link LinkB', after_header='relationship link LinkB',
                                   before=dict(LINK, name='LinkB'), after={})]
    assert [link['name'] for link in result['after']] == ['LinkA']


@responses.activate
def test_replaced_clears_what_an_item_leaves_out(run_module):
    serve_list([hub_link('LinkA', displayName={'en-us': 'A'}, mappings=[
        dict(interactionFieldName='PurchaseDate', relationshipFieldName='LastPurchase', linkType='UpdateAlways')])])
    responses.put(link_url('LinkA'), json=hub_link('LinkA', displayName={}, mappings=[], description={}))
    result, failed = run(run_module, state='replaced', config=[dict(LINK, name='LinkA')])
    assert not failed and result['changed']
    body = json.loads(responses.calls[1].request.body)
    assert body == dict(interactionType='WebPurchase', relationshipName='CustomerToStore', mappings=[], displayName={},
                        description={}, profilePropertyReferences=REFS_API['profilePropertyReferences'],
                        relatedProfilePropertyReferences=REFS_API['relatedProfilePropertyReferences'])
    assert result['after'] == [dict(LINK, name='LinkA', mappings=[], display_name={}, description={})]


REFS_API = dict(profilePropertyReferences=[dict(interactionPropertyName='CustomerId', profilePropertyName='ProfileId')],
                relatedProfilePropertyReferences=[dict(interactionPropertyName='StoreId', profilePropertyName='ProfileId')])


@responses.activate
def test_deleted_without_config_deletes_every_link(run_module):
    serve_list([hub_link('LinkA')], [hub_link('LinkB')])
    responses.delete(link_url('LinkA'))
    responses.delete(link_url('LinkB'))
    result, failed = run(run_module, state='deleted')
    assert not failed and result['changed'] and result['after'] == []
    assert sorted(calls()[2:]) == [('DELETE', 'LinkA'), ('DELETE', 'LinkB')]


@responses.activate
def test_one_failed_write_never_hides_the_others(run_module):
    serve_list([])
    responses.put(link_url('LinkA'), json=hub_link('LinkA'))
    responses.put(link_url('LinkB'), status=400, json={'error': {'code': 'InvalidReference', 'message': 'no such field'}})
    responses.put(link_url('LinkC'), json=hub_link('LinkC', 'Failed'))
    responses.put(link_url('LinkD'), json=hub_link('LinkD'))
    result, failed = run(run_module, config=[dict(LINK, name=name) for name in ('LinkA', 'LinkB', 'LinkC', 'LinkD')])
    assert failed and result['changed'] is True
    assert result['msg'].startswith('2 of 4 writes failed (the hub accepted 3, see changes): create LinkB: The hub rejected PUT ')
    assert 'InvalidReference: no such field; create LinkC: Provisioning of ' in result['msg']
    assert [(failure['name'], failure['write_accepted'], failure.get('status')) for failure in result['failures']] == [
        ('LinkB', False, 400), ('LinkC', True, None)]
    assert result['failures'][0]['response'] == {'error': {'code': 'InvalidReference', 'message': 'no such field'}}
    # LinkC's PUT was accepted (it ended Failed): the hub changed, so it is a change too.
    assert [change['name'] for change in result['changes']] == ['LinkA', 'LinkC', 'LinkD']
    assert [link['name'] for link in result['after']] == ['LinkA', 'LinkC', 'LinkD']
    assert ACTIVITY_KEYS <= set(result)


@responses.activate
def test_a_refused_write_alone_is_no_change(run_module):
    serve_list([])
    responses.put(link_url('LinkA'), status=409, json={'error': {'code': 'Conflict', 'message': 'busy'}})
    result, failed = run(run_module, config=[dict(LINK, name='LinkA')])
    assert failed and result['changed'] is False and result['changes'] == []


@responses.activate
def test_throttled_writes_are_retried_and_counted(run_module):
    serve_list([])
    responses.put(link_url('LinkA'), status=429, headers={'Retry-After': '0'})
    for name in ('LinkA', 'LinkB'):
        responses.put(link_url(name), json=hub_link(name))
    result, failed = run(run_module, config=[dict(LINK, name='LinkA'), dict(LINK, name='LinkB')], verbosity=3)
    assert not failed and len(result['changes']) == 2
    assert (result['request_count'], result['retry_count']) == (4, 1)
    assert result['warnings'] == ['1 transient failure(s) were retried: 1 x HTTP 429.']
    assert sorted(entry['status'] for entry in result['request_trace']) == [200, 200, 200, 429]


@responses.activate
def test_a_link_to_create_without_its_create_options_fails_after_the_list_and_before_any_write(run_module):
    serve_list([hub_link('LinkA')])
    result, failed = run(run_module, config=[dict(name='LinkA', description={'en-us': 'x'}), dict(name='NewLink', interaction_type='X')])
    assert failed and result['changed'] is False
    assert result['msg'].startswith('Invalid config, nothing was written: config[1] (NewLink): relationship link NewLink does not '
                                    'exist yet, and creating it needs ')
    assert calls() == [('GET', 'relationshipLinks')]


@responses.activate
@pytest.mark.parametrize('args, fragment', [
    (dict(config=[dict(LINK, name='LinkA'), dict(name='LinkA')]), 'config[0] (LinkA) and config[1] (LinkA) have the same name'),
    (dict(state='deleted', config=[dict(name='LinkA', interaction_type='X')]), 'state=deleted takes only name; remove interaction_type'),
    (dict(state='gathered', config=[]), 'config is not used with state=gathered'),
    (dict(config=[], parallelism=0), 'parallelism must be 1 or more; got 0'),
    (dict(state='overridden', config=[dict(name='LinkA')]), 'with state=overridden an item defines the whole relationship link'),
    (dict(config=[], wait_timeout=0), 'wait_timeout must be a positive number of seconds'),
])
def test_bad_input_fails_before_any_request(run_module, args, fragment):
    result, failed = run(run_module, **args)
    assert failed and result['msg'].startswith('Invalid options: ') and fragment in result['msg']
    assert len(responses.calls) == 0 and result['request_count'] == 0


@responses.activate
def test_gathered_returns_every_link_in_the_shape_of_config(run_module):
    serve_list([hub_link('LinkB', description={'en-us': 'b'})], [hub_link('LinkA')])
    result, failed = run(run_module, state='gathered')
    assert not failed and result['changed'] is False
    assert result['gathered'] == [dict(LINK, name='LinkA'), dict(LINK, name='LinkB', description={'en-us': 'b'})]
    assert 'before' not in result and 'changes' not in result


@responses.activate
def test_rendered_needs_no_hub_and_sends_nothing(run_module):
    config = [dict(LINK, name='LinkA', mappings=[dict(interaction_field_name='PurchaseDate', relationship_field_name='LastPurchase')])]
    result, failed = run_module(relationship_links, dict(state='rendered', config=config))
    assert not failed and result['changed'] is False and len(responses.calls) == 0
    assert result['rendered'] == [dict(method='PUT', path='/manage/model/relationshipLinks/LinkA?api-version=2017-04-26', body=dict(
        REFS_API, interactionType='WebPurchase', relationshipName='CustomerToStore',
        mappings=[dict(interactionFieldName='PurchaseDate', relationshipFieldName='LastPurchase')]))]
    assert result['request_count'] == 0


@responses.activate
def test_a_failing_list_is_reported_with_the_hubs_answer(run_module):
    responses.get(LINKS, status=401, json={'error': {'code': 'Unauthorized', 'message': 'bad token'}})
    result, failed = run(run_module, config=[])
    assert failed and result['status'] == 401 and 'Unauthorized: bad token' in result['msg'] and result['changed'] is False


@responses.activate
@pytest.mark.parametrize('state, args', [
    ('merged', dict(config=[dict(LINK, name='LinkA')])), ('gathered', {}),
    ('deleted', dict(config=[dict(name='LinkA')])), ('rendered', dict(config=[dict(LINK, name='LinkA')])),
])
def test_no_returned_key_takes_the_name_of_an_option(run_module, state, args):
    serve_list([])
    responses.put(link_url('LinkA'), json=hub_link('LinkA'))
    result, _failed = run(run_module, state=state, diff=True, **args)
    options = set(generate_argspec(**relationship_links.argument_spec()))
    assert set(result) & options == set()
    for change in result.get('changes', []):
        assert set(change) & (options - {'name'}) == set()


# ---- through Azure Resource Manager ------------------------------------------------------------

SUB = '11111111-2222-3333-4444-555555555555'
ARM_LINKS = 'https://management.azure.com/subscriptions/%s/resourceGroups/my-rg/providers/Microsoft.CustomerInsights/hubs/myhub' \
            '/relationshipLinks' % SUB
ARM_CONNECTION = dict(subscription_id=SUB, resource_group='my-rg', hub_name='myhub', access_token='arm-token')


def arm_put_recorder(remaining_writes, in_flight_at_start):
    """A PUT callback that notes how many PUTs were in flight when each began, and answers with ARM's quota header."""
    lock, in_flight = threading.Lock(), [0]

    def answer(request):
        with lock:
            in_flight[0] += 1
            in_flight_at_start.append(in_flight[0])
        time.sleep(0.05)
        name = request.url.split('?')[0].rsplit('/', 1)[-1]
        with lock:
            in_flight[0] -= 1
        return 200, {'x-ms-ratelimit-remaining-subscription-writes': str(remaining_writes)}, json.dumps(hub_link(name))
    return answer


@responses.activate
def test_through_arm_the_writes_go_to_arm_paths_with_arm_bodies(run_module):
    responses.get(ARM_LINKS + '?api-version=2017-04-26', json=dict(value=[]))
    responses.add_callback(responses.PUT, re.compile(re.escape(ARM_LINKS) + '/.*'), callback=arm_put_recorder(1000, []))
    result, failed = run_module(relationship_links, dict(ARM_CONNECTION, config=[dict(LINK, name='LinkA'), dict(LINK, name='LinkB')]))
    assert not failed and len(result['changes']) == 2 and result['warnings'] == []
    puts = [call.request for call in responses.calls if call.request.method == 'PUT']
    assert sorted(request.url for request in puts) == [ARM_LINKS + '/%s?api-version=2017-04-26' % name for name in ('LinkA', 'LinkB')]
    assert all(set(json.loads(request.body)) == {'properties'} for request in puts)
    assert result['auth_source_used'] == 'task'


@responses.activate
def test_when_arm_s_write_quota_runs_low_the_writes_go_one_at_a_time(run_module):
    responses.get(ARM_LINKS + '?api-version=2017-04-26', json=dict(value=[]))
    in_flight_at_start = []
    responses.add_callback(responses.PUT, re.compile(re.escape(ARM_LINKS) + '/.*'), callback=arm_put_recorder(5, in_flight_at_start))
    config = [dict(LINK, name='Link%02d' % index) for index in range(10)]
    result, failed = run_module(relationship_links, dict(ARM_CONNECTION, config=config, parallelism=4))
    assert not failed and len(result['changes']) == 10
    # The first writes went together; once ARM said 5 writes were left, each later one went alone.
    assert max(in_flight_at_start) > 1 and in_flight_at_start[-3:] == [1, 1, 1]
    assert result['warnings'] == ['Azure Resource Manager reported fewer than 10 writes left in its quota (5 at the last answer): '
                                  'writes went one at a time from then on.']
