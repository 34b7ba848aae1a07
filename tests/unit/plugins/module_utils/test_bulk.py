# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The pure part of relationship_links: the checks made before any request, and the plan of writes per state."""

from __future__ import annotations

import pytest

from ansible_collections.customerinsights.hub.plugins.module_utils._bulk import bulk_argspec, input_problems, plan
from ansible_collections.customerinsights.hub.plugins.module_utils._model import Flag, ResourceModel, Text
from ansible_collections.customerinsights.hub.plugins.module_utils._relationship_link import RELATIONSHIP_LINK as MODEL

REFS = dict(profile_property_references=[dict(interaction_property_name='CustomerId', profile_property_name='ProfileId')],
            related_profile_property_references=[dict(interaction_property_name='StoreId', profile_property_name='ProfileId')])
LINK = dict(interaction_type='WebPurchase', relationship_name='CustomerToStore', **REFS)
MAPPING = dict(interaction_field_name='PurchaseDate', relationship_field_name='LastPurchase', link_type='UpdateAlways')
# What the hub holds: name -> writable options (as model.current gives them).
HUB = dict(LinkA=dict(LINK, mappings=[MAPPING], description={'en-us': 'a'}), LinkB=dict(LINK), LinkC=dict(LINK))


def params(state='merged', config=None, parallelism=4):
    """Module params as AnsibleModule gives them: every sub-option of an item present, None when not given."""
    items = None if config is None else [dict(dict((option, None) for option in MODEL.resource_argspec()), **item) for item in config]
    return dict(state=state, config=items, parallelism=parallelism)


def planned(state, config, hub=None):
    items, problems = input_problems(MODEL, params(state, config))
    assert problems == []
    writes, problems = plan(MODEL, state, None if config is None else items, HUB if hub is None else hub)
    return [(write.name, write.action) for write in writes], problems, writes


# ---- checks before any request ------------------------------------------------------------------

def test_the_config_items_are_the_options_of_relationship_link_plus_a_required_name():
    items = bulk_argspec(MODEL)['config']['options']
    assert items == dict(name=dict(type='str', required=True), **MODEL.resource_argspec())


@pytest.mark.parametrize('state, config, parallelism, expected', [
    ('merged', [dict(name='LinkA'), dict(name='LinkB'), dict(name='LinkA')], 4,
     ['config[0] (LinkA) and config[2] (LinkA) have the same name: names must be unique']),
    ('deleted', [dict(name='LinkA', description={'en-us': 'x'}, mappings=[])], 4,
     ['config[0] (LinkA): state=deleted takes only name; remove mappings, description']),
    ('gathered', [], 4, ['config is not used with state=gathered, which reads every relationship link of the hub; remove it']),
    ('merged', None, 4, ['state=merged needs config, the list of relationship links']),
    ('overridden', None, 4, ['state=overridden needs config, the list of relationship links (config: [] deletes every one)']),
    ('rendered', None, 4, ['state=rendered needs config, the list of relationship links']),
    ('merged', [], 0, ['parallelism must be 1 or more; got 0']),
    ('replaced', [dict(name='LinkA', interaction_type='WebPurchase')], 4,
     ['config[0] (LinkA): with state=replaced an item defines the whole relationship link, so it needs interaction_type, '
      'relationship_name, profile_property_references, related_profile_property_references; missing: relationship_name, '
      'profile_property_references, related_profile_property_references']),
    ('merged', [dict(name='1bad')], 4, ["config[0] (1bad): name '1bad' is invalid"]),
    ('merged', [dict(name='LinkA', display_name={'en-us': 1})], 4, ['config[0] (LinkA): display_name must map locale codes to strings']),
])
def test_problems_found_before_any_request_name_the_item_and_the_options(state, config, parallelism, expected):
    _items, problems = input_problems(MODEL, params(state, config, parallelism))
    assert len(problems) == len(expected)
    assert all(problem.startswith(start) for problem, start in zip(problems, expected))


@pytest.mark.parametrize('state, config', [
    ('merged', [dict(name='LinkA', description={'en-us': 'x'})]),
    ('merged', []),
    ('deleted', None),
    ('deleted', [dict(name='LinkA')]),
    ('gathered', None),
    ('overridden', []),
    ('replaced', [dict(LINK, name='LinkA')]),
    ('rendered', [dict(LINK, name='LinkA')]),
])
def test_what_each_state_takes(state, config):
    assert input_problems(MODEL, params(state, config))[1] == []


# ---- the plan of writes -------------------------------------------------------------------------

def test_merged_writes_only_what_differs_in_what_the_items_give():
    config = [dict(name='LinkA', description={'en-us': 'a'}), dict(name='LinkB', description={'en-us': 'new'}), dict(LINK, name='LinkD')]
    actions, problems, writes = planned('merged', config)
    assert actions == [('LinkB', 'updated'), ('LinkD', 'created')] and problems == []
    # An update overlays the item on what the hub holds (nothing it leaves out is erased); a create sends the item.
    assert writes[0].target == dict(LINK, description={'en-us': 'new'}) and writes[0].before == HUB['LinkB']
    assert MODEL.to_body(writes[1].target) == MODEL.to_body(LINK) and writes[1].before is None


def test_merged_needs_the_create_options_only_for_links_that_do_not_exist():
    actions, problems, _writes = planned('merged', [dict(name='LinkA', description={'en-us': 'x'}), dict(name='New', interaction_type='I')])
    assert actions == [('LinkA', 'updated'), ('New', 'created')]
    assert problems == ['config[1] (New): relationship link New does not exist yet, and creating it needs interaction_type, '
                        'relationship_name, profile_property_references, related_profile_property_references; missing: '
                        'relationship_name, profile_property_references, related_profile_property_references']


def test_replaced_clears_what_an_item_leaves_out_and_leaves_other_links_alone():
    actions, _problems, writes = planned('replaced', [dict(LINK, name='LinkA'), dict(LINK, name='LinkB')])
    assert actions == [('LinkA', 'updated')]
    assert writes[0].target == dict(LINK, mappings=[], display_name={}, description={})


def test_replaced_keeps_a_link_type_the_item_leaves_out():
    mapping = dict(MAPPING, link_type=None)
    actions, _problems, _writes = planned('replaced', [dict(LINK, name='LinkA', mappings=[mapping], description={'en-us': 'a'})])
    assert actions == []


def test_overridden_replaces_and_deletes_every_other_link():
    actions, _problems, writes = planned('overridden', [dict(LINK, name='LinkB'), dict(LINK, name='New')])
    assert actions == [('New', 'created'), ('LinkA', 'deleted'), ('LinkC', 'deleted')]
    assert writes[1].before == HUB['LinkA'] and writes[1].target is None
    assert planned('overridden', [])[0] == [('LinkA', 'deleted'), ('LinkB', 'deleted'), ('LinkC', 'deleted')]


def test_deleted_deletes_the_named_links_that_exist_or_all_without_config():
    assert planned('deleted', [dict(name='LinkC'), dict(name='Gone'), dict(name='LinkA')])[0] == [('LinkC', 'deleted'), ('LinkA', 'deleted')]
    assert planned('deleted', None)[0] == [('LinkA', 'deleted'), ('LinkB', 'deleted'), ('LinkC', 'deleted')]
    assert planned('deleted', None, hub={})[0] == []


def test_an_unchanged_hub_plans_nothing_in_any_writing_state():
    config = [dict(HUB[name], name=name) for name in HUB]
    for state in ('merged', 'replaced', 'overridden'):
        assert planned(state, config)[0] == []


def test_a_create_only_change_is_a_problem_before_any_write():
    model = ResourceModel('thing', 'thing', 'things', ('things',), (Text('kind'), Flag('isActivity', create_only=True)),
                          required_on_create=('kind',), name_max_length=128)
    items, _problems = input_problems(model, dict(state='merged', parallelism=1, config=[
        dict(name='T1', kind='x', is_activity=True), dict(name='T2', kind='y', is_activity=None)]))
    writes, problems = plan(model, 'merged', items, dict(T1=dict(kind='x', is_activity=False), T2=dict(kind='x', is_activity=True)))
    assert [(write.name, write.action) for write in writes] == [('T2', 'updated')]
    assert problems == ['config[0] (T1): is_activity can only be set when the thing is created: the hub holds false, the task asks for true']
    # replaced leaves out what can only be set at creation: the hub keeps it, nothing to clear.
    assert plan(model, 'replaced', items[1:], dict(T2=dict(kind='y', is_activity=True))) == ([], [])
