# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Fixtures of the module_utils tests: a clock the client's waits run on."""

from __future__ import annotations

import pytest


class FakeClock:
    """Time that only moves when the client sleeps, so waits are exact and instant."""

    def __init__(self):
        self.now = 0.0
        self.sleeps = []

    def sleep(self, seconds):
        self.sleeps.append(seconds)
        self.now += seconds

    def __call__(self):
        return self.now


@pytest.fixture
def clock():
    """A FakeClock: pass clock.sleep and clock to HubClient, then read clock.sleeps."""
    return FakeClock()
