# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Run a module's main() in-process with given arguments, as well-kept collections do (patch_ansible_module)."""

from __future__ import annotations

import contextlib
import json

import pytest

from ansible.module_utils import basic
from ansible.module_utils.common.text.converters import to_bytes

try:
    from ansible.module_utils.testing import patch_module_args  # ansible-core >= 2.19
except ImportError:  # older cores read the arguments from basic._ANSIBLE_ARGS
    @contextlib.contextmanager
    def patch_module_args(args):
        old = basic._ANSIBLE_ARGS
        basic._ANSIBLE_ARGS = to_bytes(json.dumps({'ANSIBLE_MODULE_ARGS': args}))
        try:
            yield
        finally:
            basic._ANSIBLE_ARGS = old


class ModuleExit(Exception):
    """exit_json or fail_json was called: result holds what the module returned."""

    def __init__(self, result, failed):
        super().__init__(result)
        self.result = result
        self.failed = failed


@pytest.fixture
def run_module(monkeypatch):
    """run_module(module, args, check_mode=False, diff=False, verbosity=0) -> (result dict, failed bool)."""

    # Warnings are kept differently by each ansible-core: collect them here.
    warnings = []

    def exit_json(self, **kwargs):
        raise ModuleExit(dict(kwargs, warnings=list(warnings)), failed=False)

    def fail_json(self, msg, **kwargs):
        kwargs.pop('exception', None)
        raise ModuleExit(dict(kwargs, msg=msg, warnings=list(warnings)), failed=True)

    monkeypatch.setattr(basic.AnsibleModule, 'exit_json', exit_json)
    monkeypatch.setattr(basic.AnsibleModule, 'fail_json', fail_json)
    monkeypatch.setattr(basic.AnsibleModule, 'warn', lambda self, warning, **kwargs: warnings.append(warning))
    for variable in ('CUSTOMER_INSIGHTS_HUB_ENDPOINT', 'CUSTOMER_INSIGHTS_SAS_POLICY_NAME', 'CUSTOMER_INSIGHTS_SAS_KEY',
                     'CUSTOMER_INSIGHTS_SAS_TOKEN', 'CUSTOMER_INSIGHTS_ACCESS_TOKEN', 'AZURE_TENANT_ID',
                     'AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET', 'AZURE_TENANT', 'AZURE_SECRET', 'AZURE_SUBSCRIPTION_ID',
                     'AZURE_CLOUD_ENVIRONMENT', 'AZURE_PROFILE', 'ANSIBLE_AZURE_AUTH_SOURCE', 'IDENTITY_ENDPOINT',
                     'IDENTITY_HEADER', 'AZURE_POD_IDENTITY_AUTHORITY_HOST'):
        monkeypatch.delenv(variable, raising=False)

    def run(module, args, check_mode=False, diff=False, verbosity=0):
        del warnings[:]
        args = dict(args, _ansible_check_mode=check_mode, _ansible_diff=diff, _ansible_verbosity=verbosity)
        with patch_module_args(args):
            with pytest.raises(ModuleExit) as exited:
                module.main()
        return exited.value.result, exited.value.failed

    return run
