# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""For every module: DOCUMENTATION options, the argspec and the resource's field table agree.

The argspec is generated from the field table, so a sub-option added to the table but not to the
docs (or documented but not in the table) fails here, at every level. The documented options are
those ansible-doc shows: the module's own and those of the doc fragments it extends.
"""

from __future__ import annotations

import importlib
import os

import pytest
import yaml

from ansible_collections.customerinsights.hub.plugins.module_utils._module import generate_argspec

MODULES_DIR = os.path.join(os.path.dirname(__file__), '..', '..', '..', '..', 'plugins', 'modules')
MODULE_NAMES = sorted(name[:-3] for name in os.listdir(MODULES_DIR) if name.endswith('.py') and name != '__init__.py')
# Options every module gets from HubModule and documents through doc fragments.
SHARED_OPTIONS = set(generate_argspec())
COLLECTION = 'customerinsights.hub.'


def load(name):
    return importlib.import_module('ansible_collections.customerinsights.hub.plugins.modules.%s' % name)


def fragment_options(slug):
    """The options of one of this collection's doc fragments, e.g. customerinsights.hub.hub_model.fields."""
    assert slug.startswith(COLLECTION), 'only fragments of this collection are resolved here: %s' % slug
    plugin, _dot, variable = slug[len(COLLECTION):].partition('.')
    fragment = importlib.import_module('ansible_collections.customerinsights.hub.plugins.doc_fragments.%s' % plugin)
    return yaml.safe_load(getattr(fragment.ModuleDocFragment, (variable or 'documentation').upper())).get('options') or {}


def documented_options(name):
    """A module's options as ansible-doc merges them (fragments first, then its own), shared ones left out."""
    doc = yaml.safe_load(load(name).DOCUMENTATION)
    options = {}
    for slug in doc.get('extends_documentation_fragment', []):
        options.update(fragment_options(slug))
    options.update(doc['options'])
    return dict((option, spec) for option, spec in options.items() if option not in SHARED_OPTIONS)


def module_argspec(name):
    module = load(name)
    # A module over every resource of its model at once (relationship_links) exposes the builder of its argspec.
    if hasattr(module, 'argument_spec'):
        return module.argument_spec()
    return module.MODEL.info_argspec() if name.endswith('_info') else module.MODEL.module_argspec()


def resource_options(name):
    """The argspec level that holds the options of one resource: the module's own, or its config items'."""
    argspec = module_argspec(name)
    return argspec['config']['options'] if hasattr(load(name), 'argument_spec') else argspec


def disagreements(documented, specified, where=''):
    """Every difference between documented options and an argspec, recursively."""
    found = []
    for option in sorted(set(documented) | set(specified)):
        path = where + option
        if option not in specified:
            found.append('%s: documented, not in the argspec' % path)
            continue
        if option not in documented:
            found.append('%s: in the argspec, not documented' % path)
            continue
        doc, spec = documented[option], specified[option]
        for key, default in (('type', 'str'), ('elements', None), ('required', False), ('choices', None), ('default', None)):
            if doc.get(key, default) != spec.get(key, default):
                found.append('%s: %s is %r in the docs, %r in the argspec' % (path, key, doc.get(key, default), spec.get(key, default)))
        if doc.get('suboptions') or spec.get('options'):
            found.extend(disagreements(doc.get('suboptions') or {}, spec.get('options') or {}, path + '.'))
    return found


@pytest.mark.parametrize('name', MODULE_NAMES)
def test_documentation_argspec_and_field_table_agree(name):
    documented = documented_options(name)
    specified = dict((option, spec) for option, spec in module_argspec(name).items() if option not in SHARED_OPTIONS)
    assert disagreements(documented, specified) == []


@pytest.mark.parametrize('name', [name for name in MODULE_NAMES if not name.endswith('_info')])
def test_every_field_of_the_table_is_an_option(name):
    model = load(name).MODEL
    assert set(model.resource_argspec()) == set(field.option for field in model.fields)
    assert set(model.resource_argspec()) <= set(resource_options(name))


def test_each_item_of_the_bulk_module_takes_the_name_and_resource_options_of_the_single_module():
    single = module_argspec('relationship_link')
    items = resource_options('relationship_links')
    assert set(items) == {'name'} | set(load('relationship_link').MODEL.resource_argspec())
    assert items == dict((option, single[option]) for option in items)


def test_the_comparison_catches_a_missing_sub_option():
    documented = dict(items=dict(type='list', elements='dict', suboptions=dict(a=dict(type='str'))))
    specified = dict(items=dict(type='list', elements='dict', options=dict(a=dict(type='str'), b=dict(type='bool'))))
    assert disagreements(documented, specified) == ['items.b: in the argspec, not documented']


def test_options_documented_in_a_fragment_count_as_documented():
    locale_code = fragment_options('customerinsights.hub.hub_model.locale_code')
    assert locale_code['locale_code']['default'] == 'en-us'
    assert 'field_name' in fragment_options('customerinsights.hub.hub_model.fields')['fields']['suboptions']
    assert fragment_options('customerinsights.hub.attributes.actionable') == {}


def test_every_module_is_checked():
    assert {'relationship_link', 'relationship_link_info', 'relationship_links'} <= set(MODULE_NAMES)
