#!/usr/bin/env python
# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Compare Prism's log with the requests the contract playbook expected; the stage's verdict.

Prism (``prism mock``, 5.x) logs each request as a block of lines that starts with
``[HTTP SERVER] <method> <path> ... Request received``. A request that breaks the spec gets
``[VALIDATOR] ... Request did not pass the validation rules`` followed by one line per violation;
a request no operation of the spec matches (unknown path or method) ends with
``Request terminated with error``. The client sends one request at a time, so the lines of one
request follow its ``Request received`` line.

Each Prism serves one hub and is named by a label (``hub``, ``empty-hub``); a request is known as
``<label> <METHOD> <path>``. Passes (exit 0) when, for each hub,
  * the requests its Prism received are exactly, in order, those of EXPECTED.json's ``requests``
    with its label (so the stage cannot pass because a module sent nothing, or sent something
    nobody looked at), and
  * the requests its Prism flagged are exactly the ``violating`` ones (the self-test), in order.

Usage: prism_log.py EXPECTED.json LABEL=PRISM_LOG...
"""

from __future__ import annotations

import difflib
import json
import re
import sys

ANSI = re.compile(r'\x1b\[[0-9;]*m')
RECEIVED = re.compile(r'\[HTTP SERVER\] (?P<method>[a-z]+) (?P<path>\S+) .*Request received')
FLAGGED = ('Request did not pass the validation rules', 'Request terminated with error')
DETAIL = re.compile(r'\[VALIDATOR\] \S+\s+(?:error|warning)\s+(?P<message>.+)$')


class Request:

    def __init__(self, label, method, path):
        self.key = '%s %s %s' % (label, method.upper(), path)
        self.flagged = False
        self.details = []


def parse(label, lines):
    """The requests of a Prism log, in the order received."""
    requests = []
    for raw in lines:
        line = ANSI.sub('', raw.rstrip('\n'))
        received = RECEIVED.search(line)
        if received:
            requests.append(Request(label, received.group('method'), received.group('path')))
            continue
        if not requests:
            continue
        current = requests[-1]
        if any(marker in line for marker in FLAGGED):
            current.flagged = True
            if 'terminated' in line:
                current.details.append(line.split('Request terminated with error: ', 1)[-1])
            continue
        detail = DETAIL.search(line)
        if detail:
            current.details.append(detail.group('message'))
    return requests


def sequence_problem(what, expected, observed):
    if expected == observed:
        return None
    diff = difflib.unified_diff(expected, observed, 'expected', 'received by Prism', lineterm='', n=2)
    return '%s differ from what the playbook expected:\n  %s' % (what, '\n  '.join(diff))


def verdict(label, requests, expected):
    prefix = label + ' '
    wanted = [key for key in expected['requests'] if key.startswith(prefix)]
    wanted_flagged = [key for key in expected['violating'] if key.startswith(prefix)]
    problems = []
    for request in requests:
        if request.flagged and request.key not in wanted_flagged:
            problems.append('Prism reports %s as violating the spec:\n    %s'
                            % (request.key, '\n    '.join(request.details or ['(no detail in the log)'])))
    problems.append(sequence_problem('The requests to %s' % label, wanted, [r.key for r in requests]))
    problems.append(sequence_problem('The requests to %s flagged as violating' % label, wanted_flagged,
                                     [r.key for r in requests if r.flagged]))
    return [problem for problem in problems if problem]


def main(argv):
    if len(argv) < 3 or not all('=' in arg for arg in argv[2:]):
        sys.stderr.write(__doc__.rsplit('\n\n', maxsplit=1)[-1] + '\n')
        return 2
    with open(argv[1]) as handle:
        expected = json.load(handle)
    logs = [arg.split('=', 1) for arg in argv[2:]]
    labels = [label for label, _path in logs]
    problems = ['Expected requests name no hub this run served: %s' % key
                for key in expected['requests'] if key.split(' ', 1)[0] not in labels]
    received = flagged = 0
    for label, path in logs:
        with open(path, encoding='utf-8', errors='replace') as handle:
            requests = parse(label, handle)
        for request in requests:
            print('  %-9s %s' % ('VIOLATES' if request.flagged else 'ok', request.key))
            for detail in request.details:
                print('              - ' + detail)
        received += len(requests)
        flagged += sum(1 for request in requests if request.flagged)
        problems.extend(verdict(label, requests, expected))
    print('%d requests received, %d flagged (%d expected: the self-test)' % (received, flagged, len(expected['violating'])))
    if expected.get('not_run'):
        print('not run, their modules are not in the collection yet: tests/contract/tasks/{%s}.yml'
              % ','.join(expected['not_run']))
    for problem in problems:
        print('FAIL: ' + problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
