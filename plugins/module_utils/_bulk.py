# -*- coding: utf-8 -*-
# Copyright: (c) 2026, customerinsights.hub contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY
# The interfaces in this file are meant for use within the customerinsights.hub collection
# and may not remain stable to outside uses. Changes may be made in ANY release, even a bugfix release.

"""Every resource of one model in one task: the resource-module states of ansible.netcommon.

The run: check the task (before any request), read the whole collection with the paged LIST, plan
the writes (plan() is pure: from the task's items, the state and what the hub holds it makes the
writes, or the problems that forbid any write), run the writes concurrently, report. Each write goes through
ResourceState.put/delete, so it gets the single module's retries, long-running waits, failed-state
handling and shape checks; the comparison and merge of each link are the model's, as in the single
module. An unchanged run is the LIST pages and nothing else.
"""

from __future__ import annotations

import contextlib
import threading

from collections import Counter, OrderedDict, namedtuple
from concurrent.futures import ThreadPoolExecutor

from ansible_collections.customerinsights.hub.plugins.module_utils._client import (
    LOW_REMAINING_WRITES,
    HubError,
    hub_path,
    shape_error,
)
from ansible_collections.customerinsights.hub.plugins.module_utils._crud import ResourceState
from ansible_collections.customerinsights.hub.plugins.module_utils._module import HubModule

# The verb of each action, for messages about a write that failed.
VERBS = dict(created='create', updated='update', deleted='delete')
STATES = ('merged', 'replaced', 'overridden', 'deleted', 'gathered', 'rendered')
# States whose items define whole resources: each item must give every option creation needs.
WHOLE_ITEM_STATES = ('replaced', 'overridden', 'rendered')
# States that need config: without it there is nothing to do (or, for overridden, everything to delete).
CONFIG_STATES = ('merged', 'replaced', 'overridden', 'rendered')


def bulk_argspec(model):
    """The options of a module that manages every resource of the model (HubModule adds connection and auth)."""
    return dict(
        config=dict(type='list', elements='dict', options=dict(name=dict(type='str', required=True), **model.resource_argspec())),
        state=dict(type='str', default='merged', choices=list(STATES)),
        parallelism=dict(type='int', default=4),
        wait=dict(type='bool', default=True),
        wait_timeout=dict(type='int', default=300),
        **model._query_argspec()
    )


class ConfigItem:
    """One item of config: its place (for messages), its name and the options it gives."""

    def __init__(self, model, index, options):
        self.index = index
        self.name = options['name']
        self.options = options
        self.desired = model.desired(options)

    @property
    def where(self):
        return 'config[%d] (%s)' % (self.index, self.name)


# One planned write: action created, updated or deleted; before and target are options (None: no resource).
Write = namedtuple('Write', 'name action before target')
# What became of one write: accepted by the hub (final: its answer, if it gave one), and the HubError if it failed.
Outcome = namedtuple('Outcome', 'write accepted final error', defaults=(None, None))


def input_problems(model, params):
    """Every problem with the task that can be seen before any request, each naming the item and the options."""
    state, config = params['state'], params['config']
    problems = []
    if params['parallelism'] < 1:
        problems.append('parallelism must be 1 or more; got %d' % params['parallelism'])
    if state == 'gathered' and config is not None:
        problems.append('config is not used with state=gathered, which reads every %s of the hub; remove it' % model.kind)
    if state in CONFIG_STATES and config is None:
        problems.append('state=%s needs config, the list of %ss%s' % (
            state, model.kind, ' (config: [] deletes every one)' if state == 'overridden' else ''))
    items = [ConfigItem(model, index, options) for index, options in enumerate(config or [])]
    for item in items:
        problems.extend('%s: %s' % (item.where, problem) for problem in model.input_problems(item.options))
        if state == 'deleted' and item.desired:
            problems.append('%s: state=deleted takes only name; remove %s' % (item.where, ', '.join(item.desired)))
        missing = model.missing_for_create(item.desired) if state in WHOLE_ITEM_STATES else []
        if missing:
            problems.append('%s: with state=%s an item defines the whole %s, so it needs %s; missing: %s'
                            % (item.where, state, model.kind, ', '.join(model.required_on_create), ', '.join(missing)))
    counts = Counter(item.name for item in items)
    for name in [name for name in counts if counts[name] > 1]:
        problems.append('%s have the same name: names must be unique'
                        % ' and '.join(item.where for item in items if item.name == name))
    return items, problems


def plan(model, state, items, hub):
    """The writes that bring the hub to the state, and the problems that forbid any write.

    items: ConfigItems (None: config not given); hub: name -> the writable options the hub holds.
    merged compares and merges what an item gives, as relationship_link does; replaced and
    overridden make each given resource hold exactly the item's fields (model.replaced);
    overridden and deleted delete what they must. Creating needs the model's required options.
    """
    if state == 'deleted':
        names = list(hub) if items is None else [item.name for item in items]
        return [Write(name, 'deleted', hub[name], None) for name in names if name in hub], []
    whole = state in WHOLE_ITEM_STATES
    writes, problems = [], []
    for item in items or []:
        current = hub.get(item.name)
        if current is None:
            missing = model.missing_for_create(item.desired)
            if missing:
                problems.append('%s: %s %s does not exist yet, and creating it needs %s; missing: %s'
                                % (item.where, model.kind, item.name, ', '.join(model.required_on_create), ', '.join(missing)))
            writes.append(Write(item.name, 'created', None, model.replaced(item.desired, {}) if whole else model.merged(item.desired, {})))
            continue
        create_only = model.create_only_changes(item.desired, current)
        if create_only:
            problems.append('%s: %s' % (item.where, '; '.join(create_only)))
            continue
        target = model.replaced(item.desired, current) if whole else model.merged(item.desired, current)
        if model.differences(target if whole else item.desired, current):
            writes.append(Write(item.name, 'updated', current, target))
    if state == 'overridden':
        given = set(item.name for item in items)
        writes.extend(Write(name, 'deleted', current, None) for name, current in hub.items() if name not in given)
    return writes, problems


def run_concurrently(function, items, parallelism):
    """function(item) for each item, at most parallelism at once; the results in the order of items."""
    if parallelism == 1 or len(items) < 2:
        return [function(item) for item in items]
    with ThreadPoolExecutor(max_workers=min(parallelism, len(items))) as pool:
        return list(pool.map(function, items))


def run_bulk_module(model):
    """The whole run of a module that manages every resource of the model in one task."""
    module = HubModule(argument_spec=bulk_argspec(model))
    BulkRun(module, model).run()


class BulkRun:
    """One run of a bulk module: read, plan, write, report."""

    def __init__(self, module, model):
        self.module = module
        self.model = model
        self.params = module.params
        self.client = None
        # Held by every write once ARM says its write quota runs low: the writes then go one by one.
        self.one_at_a_time = threading.Lock()
        self.went_one_at_a_time = False

    def run(self):
        items, problems = input_problems(self.model, self.params)
        state = self.params['state']
        if state == 'rendered':
            # No hub contact at all, so neither hub_endpoint nor credentials are needed or checked.
            if problems:
                self.module.fail_json(msg='Invalid options: %s.' % '; '.join(problems))
            self.module.exit_json(changed=False, rendered=self.render(items))
        self.module.check_input(problems)
        self.client = self.module.client()
        try:
            # The LIST is the first request: it makes the auth header (and any token) in this thread,
            # before a worker thread could need it.
            found = self.read()
        except HubError as error:
            self.module.fail_from(error)
        hub = OrderedDict((name, self.model.current(resource)) for name, resource in found.items())
        if state == 'gathered':
            self.module.exit_json(changed=False, gathered=self.shapes(hub))
        writes, problems = plan(self.model, state, None if self.params['config'] is None else items, hub)
        if problems:
            self.module.fail_json(msg='Invalid config, nothing was written: %s.' % '; '.join(problems), changed=False)
        planned = set(write.name for write in writes)
        for item in items:
            if item.name in found and item.name not in planned:
                self.resource_state(item.name).warn_if_failed(found[item.name])
        if self.module.check_mode:
            outcomes = [Outcome(write, accepted=True) for write in writes]
        else:
            outcomes = run_concurrently(self.write, writes, self.params['parallelism'])
            if self.went_one_at_a_time:
                self.module.warn('Azure Resource Manager reported fewer than %d writes left in its quota (%s at the last '
                                 'answer): writes went one at a time from then on.' % (LOW_REMAINING_WRITES, self.client.remaining_writes))
        self.report(hub, outcomes)

    # ---- the hub ------------------------------------------------------------------------------

    def resource_state(self, name):
        url = self.client.url(*self.model.path(name), **self.model.query_parameters(self.params))
        return ResourceState(self.module, self.client, self.model, url, name)

    def read(self):
        """Every resource of the collection by name, as the paged LIST gives them (never a GET per resource)."""
        url = self.client.url(*self.model.path(), **self.model.query_parameters(self.params))
        found = OrderedDict()
        for resource in self.client.list_resources(url):
            name = self.model.describe(self.model.check_shape('GET', url, resource)).get('name')
            if not isinstance(name, str) or not name:
                raise shape_error('GET', url, 'name', 'the name of the %s' % self.model.kind, name)
            found[name] = resource
        return found

    def lowered_parallelism(self):
        """One write at a time once ARM reports fewer than LOW_REMAINING_WRITES writes left (x-ms-ratelimit-remaining-*).

        Parallel writes would only run into its 429s together; one by one, each gets what is left.
        """
        if not self.client.writes_running_low():
            return contextlib.nullcontext()
        self.went_one_at_a_time = True
        return self.one_at_a_time

    def write(self, write):
        """One write in a worker thread, bounded by its own wait_timeout; never raises a HubError."""
        resource = self.resource_state(write.name)
        try:
            with self.lowered_parallelism(), self.client.own_deadline(self.params['wait_timeout']):
                if write.action == 'deleted':
                    resource.delete(self.params['wait'])
                    return Outcome(write, accepted=True)
                return Outcome(write, accepted=True, final=resource.put(write.target, self.params['wait']))
        except HubError as error:
            return Outcome(write, accepted=error.write_accepted, error=error)

    def render(self, items):
        """The requests merged would send to an empty hub: one PUT per item."""
        writes, _problems = plan(self.model, 'merged', items, {})
        return [dict(method='PUT', body=self.model.to_body(write.target),
                     path=hub_path(self.params['api_version'], *self.model.path(write.name),
                                   **self.model.query_parameters(self.params)))
                for write in writes]

    # ---- the result ---------------------------------------------------------------------------

    def shape(self, name, options):
        """A resource as a config item: its name and the writable fields it holds."""
        return None if options is None else dict(name=name, **self.model.comparable(options))

    def shapes(self, resources):
        return [self.shape(name, resources[name]) for name in sorted(resources)]

    def report(self, hub, outcomes):
        after = OrderedDict(hub)
        changes, failures, diffs = [], [], []
        for outcome in outcomes:
            write = outcome.write
            if outcome.error is not None:
                failures.append(self.failure(outcome))
            if not outcome.accepted:
                continue
            # The hub's answer when it gave one; else (check mode, 202 without wait, a failed wait) what was asked for.
            held = self.model.current(outcome.final) if outcome.final else write.target
            if write.action == 'deleted':
                after.pop(write.name, None)
            else:
                after[write.name] = held
            change = dict(name=write.name, action=write.action, before=self.shape(write.name, write.before),
                          after=self.shape(write.name, None if write.action == 'deleted' else held))
            changes.append(change)
            diffs.append(dict(before_header='%s %s' % (self.model.kind, write.name), before=change['before'] or {},
                              after_header='%s %s' % (self.model.kind, write.name), after=change['after'] or {}))
        result = dict(changed=bool(changes), before=self.shapes(hub), after=self.shapes(after), changes=changes)
        if self.module._diff:
            result['diff'] = diffs
        if failures:
            self.module.fail_json(
                msg='%d of %d writes failed (the hub accepted %d, see changes): %s.'
                    % (len(failures), len(outcomes), len(changes),
                       '; '.join('%s %s: %s' % (VERBS[failure['action']], failure['name'], failure['msg'].rstrip('.'))
                                 for failure in failures)),
                failures=failures, **result)
        self.module.exit_json(**result)

    @staticmethod
    def failure(outcome):
        failure = dict(name=outcome.write.name, action=outcome.write.action, msg=str(outcome.error),
                       write_accepted=outcome.accepted)
        status = getattr(outcome.error, 'status', None)
        if status is not None:
            failure.update(status=status, response=outcome.error.body)
        return failure
