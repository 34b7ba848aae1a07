# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

import json
import os

import pytest

FIXTURES = os.path.join(os.path.dirname(__file__), 'fixtures')


@pytest.fixture
def fixture_json():
    """Load a JSON document of tests/unit/fixtures by file name."""
    def load(name):
        with open(os.path.join(FIXTURES, name)) as handle:
            return json.load(handle)
    return load
