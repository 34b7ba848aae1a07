# -*- coding: utf-8 -*-
# Copyright: (c) 2026, customerinsights.hub contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY
# The interfaces in this file are meant for use within the customerinsights.hub collection
# and may not remain stable to outside uses. Changes may be made in ANY release, even a bugfix release.

"""What every module of the hub model does, given its resource model.

run_resource_module: one GET tells the state; a PUT or DELETE follows only when something must
change, and never in check mode. What the task left out is left as it is on the hub.
run_info_module: one GET for a name, else the paged list.
"""

from __future__ import annotations

from ansible_collections.customerinsights.hub.plugins.module_utils._client import (
    FAILED_STATES,
    HubError,
    resource_state,
    write_accepted,
)
from ansible_collections.customerinsights.hub.plugins.module_utils._module import HubModule


def run_resource_module(model):
    """The whole run of a module that manages one resource of the model."""
    module = HubModule(argument_spec=model.module_argspec())
    params = module.params
    module.check_input(model.input_problems(params))
    client = module.client()
    url = client.url(*model.path(params['name']), **model.query_parameters(params))
    resource = ResourceState(module, client, model, url, params['name'])
    try:
        result = resource.present(params['wait']) if params['state'] == 'present' else resource.absent(params['wait'])
    except HubError as error:
        module.fail_from(error, name=params['name'])
    module.exit_json(**result)


def run_info_module(model):
    """The whole run of a module that reads one resource of the model by name, or all of them."""
    module = HubModule(argument_spec=model.info_argspec())
    name = module.params['name']
    module.check_input(model.input_problems(module.params))
    client = module.client()
    url = client.url(*model.path(name), **model.query_parameters(module.params))
    try:
        found = list(client.list_resources(url)) if name is None else [client.get_resource(url)]
        resources = [model.describe(model.check_shape('GET', url, resource)) for resource in found if resource]
    except HubError as error:
        module.fail_from(error)
    module.exit_json(changed=False, **{model.info_key: resources})


class TaskRefused(HubError):
    """What the hub holds rules the task out before any write (creation needs, create-only fields).

    A HubError like any other, so that it ends in fail_from as every failure of a run does.
    """


class ResourceState:
    """Drive one named resource of a model to state present or absent."""

    def __init__(self, module, client, model, url, name):
        self.module = module
        self.client = client
        self.model = model
        self.url = url
        self.name = name

    def _result(self, changed, resource, before=None, after=None, predicted=None):
        described = self.model.describe(resource) if resource else (predicted or {})
        result = dict(
            changed=changed,
            id=described.get('id'),
            name=self.name,
            type=described.get('type'),
            provisioning_state=described.get('provisioning_state'),
            **{self.model.result_key: described}
        )
        if self.module._diff:
            result['diff'] = dict(before=self.model.comparable(before or {}), after=self.model.comparable(after or {}))
        return result

    def _read(self):
        resource = self.client.get_resource(self.url)
        return None if resource is None else self.model.check_shape('GET', self.url, resource)

    def present(self, wait):
        resource = self._read()
        desired = self.model.desired(self.module.params)
        current = self.model.current(resource) if resource is not None else {}
        if resource is None:
            missing = self.model.missing_for_create(desired)
            if missing:
                raise TaskRefused('%s %s does not exist yet, and creating it needs %s; missing: %s.'
                                  % (self.model.kind.capitalize(), self.name,
                                     ', '.join(self.model.required_on_create), ', '.join(missing)))
        elif self.model.create_only_changes(desired, current):
            raise TaskRefused('%s %s: %s.' % (self.model.kind.capitalize(), self.name,
                                              '; '.join(self.model.create_only_changes(desired, current))))
        elif not self.model.differences(desired, current):
            self.warn_if_failed(resource)
            return self._result(False, resource, current, current)
        target = self.model.merged(desired, current)
        predicted = dict(resource and self.model.describe(resource) or {}, name=self.name, **target)
        if self.module.check_mode:
            return self._result(True, None, current, target, predicted=predicted)
        final = self.put(target, wait)
        # A 202 without wait leaves us nothing but what we asked for (and the id we knew).
        return self._result(True, final, current, target, predicted=predicted)

    def absent(self, wait):
        resource = self._read()
        if resource is None:
            return self._result(False, None)
        result = self._result(True, None, self.model.current(resource), {})
        # The link is gone (or going): report the id it had.
        result['id'] = self.model.split(resource)[0].get('id')
        if not self.module.check_mode:
            self.delete(wait)
        return result

    # The steps relationship_links takes for each link it writes, so that every write, single or
    # bulk, gets the same retries, waits, failed-state handling and shape checks.

    def warn_if_failed(self, resource):
        """Warn about a resource that needs no write but whose provisioning failed."""
        if resource_state(resource) in FAILED_STATES:
            self.module.warn('%s %s matches the task but its provisioningState is %s.'
                             % (self.model.kind.capitalize(), self.name, resource_state(resource)))

    def put(self, target, wait):
        """PUT the target options; the final resource (shape checked), or None after a 202 without wait."""
        final = self.client.put_resource(self.url, self.model.to_body(target), wait)
        with write_accepted():
            return final and self.model.check_shape('PUT', self.url, final)

    def delete(self, wait):
        self.client.delete_resource(self.url, wait)
