# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

import pytest

from ansible_collections.customerinsights.hub.plugins.module_utils._client import HubShapeError
from ansible_collections.customerinsights.hub.plugins.module_utils._model import (
    Flag,
    Number,
    ResourceModel,
    Text,
    TextList,
    snake_case,
)
from ansible_collections.customerinsights.hub.plugins.module_utils._module import generate_argspec
from ansible_collections.customerinsights.hub.plugins.module_utils._relationship_link import RELATIONSHIP_LINK as MODEL

REF = [dict(interaction_property_name='profile1', profile_property_name='ProfileId')]


def mapping(interaction, relationship, link_type=None):
    return dict(interaction_field_name=interaction, relationship_field_name=relationship, link_type=link_type)


def test_snake_case():
    assert snake_case('relatedProfilePropertyReferences') == 'related_profile_property_references'
    assert snake_case('id') == 'id'


@pytest.mark.parametrize('fixture', ['link_arm.json', 'link_flat.json'])
def test_current_reads_writable_fields_of_both_shapes(fixture_json, fixture):
    current = MODEL.current(fixture_json(fixture))
    assert current == dict(
        interaction_type='testInteraction4332', relationship_name='testProfile2326994',
        profile_property_references=REF, related_profile_property_references=REF,
        display_name={'en-us': 'Link DisplayName'}, description={'en-us': 'Link Description'})


@pytest.mark.parametrize('fixture', ['link_arm.json', 'link_flat.json'])
def test_describe_gives_snake_case_and_the_bare_name(fixture_json, fixture):
    described = MODEL.describe(fixture_json(fixture))
    assert described['name'] == 'Somelink'
    assert described['provisioning_state'] == 'Provisioning'
    # tenantId is the hub's tenant, not the tenant_id auth option: it never takes an option's name.
    assert described['hub_tenant_id'] == 'sdktesthub'
    assert 'tenant_id' not in described
    assert described['link_name'] == 'Somelink'
    assert described['profile_property_references'] == REF
    # Locale codes are user data: never re-cased.
    assert described['display_name'] == {'en-us': 'Link DisplayName'}
    assert described['type'] == 'Microsoft.CustomerInsights/hubs/relationshipLinks'


def test_body_is_flat_camel_case_without_unset_sub_keys():
    options = dict(interaction_type='I', relationship_name='R', profile_property_references=REF,
                   mappings=[mapping('a', 'b'), mapping('c', 'd', 'CopyIfNull')], display_name={'en-us': 'x'})
    assert MODEL.to_body(options) == {
        'interactionType': 'I', 'relationshipName': 'R',
        'profilePropertyReferences': [{'interactionPropertyName': 'profile1', 'profilePropertyName': 'ProfileId'}],
        'mappings': [{'interactionFieldName': 'a', 'relationshipFieldName': 'b'},
                     {'interactionFieldName': 'c', 'relationshipFieldName': 'd', 'linkType': 'CopyIfNull'}],
        'displayName': {'en-us': 'x'},
    }


def test_only_given_options_are_compared(fixture_json):
    current = MODEL.current(fixture_json('link_arm.json'))
    assert MODEL.differences(dict(interaction_type='testInteraction4332'), current) == []
    assert MODEL.differences(dict(relationship_name='other'), current) == ['relationship_name']


def test_missing_dict_equals_empty_dict():
    assert MODEL.differences(dict(display_name={}, description={}), {}) == []
    assert MODEL.differences(dict(display_name={'en-us': 'x'}), {}) == ['display_name']


def test_lists_are_unordered():
    current = dict(mappings=[mapping('a', 'b', 'UpdateAlways'), mapping('c', 'd', 'CopyIfNull')])
    desired = dict(mappings=[mapping('c', 'd', 'CopyIfNull'), mapping('a', 'b', 'UpdateAlways')])
    assert MODEL.differences(desired, current) == []
    assert MODEL.differences(dict(mappings=[mapping('a', 'b', 'UpdateAlways')]), current) == ['mappings']


def test_left_out_link_type_equals_a_hub_default_and_is_kept_on_update():
    current = dict(mappings=[mapping('a', 'b', 'UpdateAlways'), mapping('c', 'd', 'CopyIfNull')])
    desired = dict(mappings=[mapping('a', 'b'), mapping('c', 'd')])
    assert MODEL.differences(desired, current) == []
    merged = MODEL.merged(dict(desired, interaction_type='new'), current)
    assert merged['mappings'] == current['mappings']


def test_complete_items_are_matched_before_partial_ones():
    current = dict(mappings=[mapping('a', 'b', 'UpdateAlways'), mapping('a', 'b', 'CopyIfNull')])
    desired = dict(mappings=[mapping('a', 'b'), mapping('a', 'b', 'UpdateAlways')])
    assert MODEL.differences(desired, current) == []


def test_given_link_type_differs():
    current = dict(mappings=[mapping('a', 'b', 'UpdateAlways')])
    assert MODEL.differences(dict(mappings=[mapping('a', 'b', 'CopyIfNull')]), current) == ['mappings']


def test_merge_overlays_given_options_on_the_current_fields(fixture_json):
    current = MODEL.current(fixture_json('link_flat.json'))
    merged = MODEL.merged(dict(description={'en-us': 'New'}), current)
    assert merged == dict(current, description={'en-us': 'New'})
    body = MODEL.to_body(merged)
    assert body['displayName'] == {'en-us': 'Link DisplayName'}
    assert set(body) == {'interactionType', 'relationshipName', 'profilePropertyReferences',
                         'relatedProfilePropertyReferences', 'displayName', 'description'}


def test_replaced_clears_every_optional_field_the_task_leaves_out(fixture_json):
    current = dict(MODEL.current(fixture_json('link_flat.json')), mappings=[mapping('a', 'b', 'UpdateAlways')])
    given = dict((option, current[option]) for option in MODEL.required_on_create)
    target = MODEL.replaced(given, current)
    assert target == dict(given, mappings=[], display_name={}, description={})
    assert MODEL.differences(target, current) == ['mappings', 'display_name', 'description']
    # Cleared lists and maps are sent empty: the PUT says what the link holds.
    assert MODEL.to_body(target)['mappings'] == [] and MODEL.to_body(target)['displayName'] == {}


def test_replaced_keeps_what_an_item_leaves_out_and_is_unchanged_against_itself(fixture_json):
    current = dict(MODEL.current(fixture_json('link_flat.json')), mappings=[mapping('a', 'b', 'UpdateAlways')])
    given = dict(current, mappings=[mapping('a', 'b')])
    target = MODEL.replaced(given, current)
    assert target['mappings'] == [mapping('a', 'b', 'UpdateAlways')]
    assert MODEL.differences(target, current) == []
    # Against an empty hub (a create) the given fields are sent as they are.
    assert MODEL.replaced(given, {})['mappings'] == [mapping('a', 'b')]


def test_replaced_unsets_texts_and_numbers_clears_flags_and_keeps_create_only_fields():
    model = ResourceModel('thing', 'thing', 'things', ('things',), (
        Text('timestampFieldName'), Number('maxLength'), Flag('isName'), Flag('isActivity', create_only=True),
        TextList('idPropertyNames')), required_on_create=(), name_max_length=128)
    current = dict(timestamp_field_name='When', max_length=5, is_name=True, is_activity=True, id_property_names=['Id'])
    target = model.replaced({}, current)
    assert target == dict(timestamp_field_name=None, max_length=None, is_name=False, is_activity=True, id_property_names=[])
    assert model.differences(target, current) == ['timestamp_field_name', 'max_length', 'is_name', 'id_property_names']
    assert model.to_body(target) == dict(isName=False, isActivity=True, idPropertyNames=[])
    # Against a hub that holds nothing every field is as cleared: nothing differs.
    assert model.differences(model.replaced({}, {}), {}) == []


def test_missing_for_create_names_every_required_option():
    assert MODEL.missing_for_create(dict(interaction_type='x')) == [
        'relationship_name', 'profile_property_references', 'related_profile_property_references']


def test_comparable_hides_unset_sub_keys():
    assert MODEL.comparable(dict(mappings=[mapping('a', 'b')])) == dict(
        mappings=[dict(interaction_field_name='a', relationship_field_name='b')])


@pytest.mark.parametrize('name', ['ab', 'Link_1', 'a' * 512, 'A9'])
def test_valid_names(name):
    assert MODEL.name_problem(name) is None


@pytest.mark.parametrize('name, fragment', [
    ('', 'invalid'), ('a', 'invalid'), ('1abc', 'invalid'), ('a-b', 'invalid'), ('a/b', 'invalid'),
    ('a..b', 'invalid'), ('a b', 'invalid'), ('_ab', 'invalid'), ('a' * 513, 'at most 512'),
])
def test_invalid_names(name, fragment):
    assert fragment in MODEL.name_problem(name)


def test_locale_maps_must_hold_strings():
    assert MODEL.input_problems(dict(name='ValidName', display_name={'en-us': 'x'}, description=None)) == []
    problems = MODEL.input_problems(dict(name='ValidName', display_name={'en-us': 1}, description={'de': ['x']}))
    assert len(problems) == 2
    assert problems[0].startswith('display_name must map locale codes to strings') and 'en-us' in problems[0]


# Every field of the schema, with a value of a type the schema forbids, and the field the error must name.
WRONG_TYPES = [
    ('interactionType', 7, 'interactionType must be a string, not a number'),
    ('relationshipName', ['R'], 'relationshipName must be a string, not a list'),
    ('profilePropertyReferences', {'a': 1}, 'profilePropertyReferences must be a list of JSON objects, not an object'),
    ('profilePropertyReferences', ['x'], 'profilePropertyReferences[0] must be a JSON object, not a string'),
    ('relatedProfilePropertyReferences', [{'interactionPropertyName': 1}],
     'relatedProfilePropertyReferences[0].interactionPropertyName must be a string, not a number'),
    ('mappings', 'none', 'mappings must be a list of JSON objects, not a string'),
    ('mappings', [{'interactionFieldName': 'a', 'relationshipFieldName': 'b', 'linkType': True}],
     'mappings[0].linkType must be a string, not a boolean'),
    ('displayName', 'Purchases', 'displayName must be a JSON object of locale code to text, not a string'),
    ('description', {'en-us': 3}, 'description must be a JSON object of locale code to text, not an object'),
    ('linkName', 5, 'linkName must be a string, not a number'),
    ('tenantId', {}, 'tenantId must be a string, not an object'),
    ('relationshipGuidId', False, 'relationshipGuidId must be a string, not a boolean'),
]


@pytest.mark.parametrize('key, value, message', WRONG_TYPES)
@pytest.mark.parametrize('fixture', ['link_arm.json', 'link_flat.json'])
def test_every_field_of_a_wrong_type_is_named_with_the_url(fixture_json, fixture, key, value, message):
    resource = fixture_json(fixture)
    definition = resource.get('properties', resource)
    definition[key] = value
    with pytest.raises(HubShapeError) as error:
        MODEL.check_shape('GET', 'https://hub/x', resource)
    prefix = 'properties.' if 'properties' in resource else ''
    assert 'GET https://hub/x' in str(error.value)
    assert prefix + message in str(error.value)


@pytest.mark.parametrize('fixture', ['link_arm.json', 'link_flat.json'])
def test_a_well_formed_answer_passes_the_shape_check(fixture_json, fixture):
    resource = fixture_json(fixture)
    assert MODEL.check_shape('GET', 'https://hub/x', resource) is resource


@pytest.mark.parametrize('fixture', ['link_arm.json', 'link_flat.json'])
def test_no_returned_key_takes_the_name_of_another_option(fixture_json, fixture):
    described = MODEL.describe(fixture_json(fixture))
    # The resource's own options (and its name) mean the same in and out; every other option is off limits.
    own = set(MODEL.resource_argspec()) | {'name'}
    assert not (set(described) - own) & set(generate_argspec())
