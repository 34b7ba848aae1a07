# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""For every module: DOCUMENTATION options (its doc fragments' included), the argspec and the field table agree.

The argspec is generated from the field table, so a sub-option added to the table but not to the
docs (or documented but not in the table) fails here, at every level.
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


def load(name):
    return importlib.import_module('ansible_collections.customerinsights.hub.plugins.modules.%s' % name)


def fragment_options(fragment):
    """The options of one of this collection's doc fragments, 'customerinsights.hub.<file>[.<variable>]'."""
    parts = fragment.split('.')
    assert parts[:2] == ['customerinsights', 'hub'], fragment
    source = importlib.import_module('ansible_collections.customerinsights.hub.plugins.doc_fragments.%s' % parts[2])
    text = getattr(source.ModuleDocFragment, parts[3].upper() if len(parts) > 3 else 'DOCUMENTATION')
    return yaml.safe_load(text).get('options') or {}


def documented_options(name):
    """The options a module documents, with those of the doc fragments it extends (as ansible-doc shows them)."""
    documentation = yaml.safe_load(load(name).DOCUMENTATION)
    options = {}
    for fragment in documentation.get('extends_documentation_fragment') or []:
        options.update(fragment_options(fragment))
    options.update(documentation.get('options') or {})
    return options


def module_argspec(name):
    model = load(name).MODEL
    return model.info_argspec() if name.endswith('_info') else model.module_argspec()


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
    documented = dict((option, doc) for option, doc in documented_options(name).items() if option not in SHARED_OPTIONS)
    specified = dict((option, spec) for option, spec in module_argspec(name).items() if option not in SHARED_OPTIONS)
    assert disagreements(documented, specified) == []


@pytest.mark.parametrize('name', [name for name in MODULE_NAMES if not name.endswith('_info')])
def test_every_field_of_the_table_is_an_option(name):
    model = load(name).MODEL
    assert set(model.resource_argspec()) == set(field.option for field in model.fields)
    assert set(model.resource_argspec()) <= set(module_argspec(name))


def test_the_comparison_catches_a_missing_sub_option():
    documented = dict(items=dict(type='list', elements='dict', suboptions=dict(a=dict(type='str'))))
    specified = dict(items=dict(type='list', elements='dict', options=dict(a=dict(type='str'), b=dict(type='bool'))))
    assert disagreements(documented, specified) == ['items.b: in the argspec, not documented']


def test_every_module_is_checked():
    assert 'relationship_link' in MODULE_NAMES and 'relationship_link_info' in MODULE_NAMES


def test_options_of_doc_fragments_are_read():
    assert fragment_options('customerinsights.hub.hub_model.fields')['fields']['suboptions']['field_type']['required'] is True
    assert fragment_options('customerinsights.hub.hub_model.locale_code')['locale_code']['default'] == 'en-us'
    assert 'hub_endpoint' in fragment_options('customerinsights.hub.connection')
