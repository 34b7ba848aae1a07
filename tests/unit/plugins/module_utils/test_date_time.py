# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The DateTime field kind (format date-time, e.g. a relationship's expiryDateTimeUtc)."""

from __future__ import annotations

import pytest

from ansible_collections.customerinsights.hub.plugins.module_utils._hub_model import RELATIONSHIP
from ansible_collections.customerinsights.hub.plugins.module_utils._model import DateTime, instant

EXPIRY = DateTime('expiryDateTimeUtc')


@pytest.mark.parametrize('other', [
    '2030-01-01T00:00:00Z',
    '2030-01-01T00:00:00.000Z',
    '2030-01-01T00:00:00.0000000Z',
    '2030-01-01T00:00:00',
    '2030-01-01T02:00:00+02:00',
    '2029-12-31T19:30:00-04:30',
    '2030-01-01T01:00:00+0100',
    '2030-01-01T01:00:00+01',
    '2030-01-01t00:00:00z',
])
def test_spellings_of_one_instant_are_equal(other):
    assert EXPIRY.equal('2030-01-01T00:00:00Z', other)
    assert EXPIRY.equal(other, '2030-01-01T00:00:00Z')


@pytest.mark.parametrize('other', [
    '2030-01-01T00:00:01Z',
    '2030-01-01T00:00:00.0000001Z',
    '2030-01-01T00:00:00+01:00',
    '2031-01-01T00:00:00Z',
])
def test_other_instants_differ(other):
    assert not EXPIRY.equal('2030-01-01T00:00:00Z', other)


def test_a_value_that_is_no_date_time_compares_as_text():
    assert not EXPIRY.equal('2030-01-01T00:00:00Z', None)
    assert not EXPIRY.equal('2030-01-01T00:00:00Z', 'soon')
    assert EXPIRY.equal('soon', 'soon')


@pytest.mark.parametrize('text', ['2030-01-01', 'tomorrow', '2030-13-01T00:00:00Z', '2030-02-30T00:00:00Z',
                                  '2030-01-01T24:00:00Z', '2030-01-01 00:00:00Z', '2030-01-01T00:00:00+1', '2030-01-01T00:00:00Z\n', ''])
def test_what_is_no_date_and_time(text):
    assert instant(text) is None


def test_a_bad_value_is_named_before_any_request():
    assert EXPIRY.input_problems('2030-01-01T00:00:00Z', 'expiry_date_time_utc') == []
    assert EXPIRY.input_problems(None, 'expiry_date_time_utc') == []
    assert EXPIRY.input_problems('2030-01-01', 'expiry_date_time_utc') == [
        "expiry_date_time_utc must be an ISO 8601 date and time such as 2030-01-01T00:00:00Z, not '2030-01-01'"]


def test_a_space_for_the_t_gets_a_hint():
    # str() of a Python datetime, as a template gives it.
    assert EXPIRY.input_problems('2030-01-01 00:00:00+00:00', 'expiry_date_time_utc') == [
        "expiry_date_time_utc must be an ISO 8601 date and time such as 2030-01-01T00:00:00Z, "
        "not '2030-01-01 00:00:00+00:00' (the date and the time must be separated by a T)"]


def test_the_relationship_table_checks_and_compares_its_expiry_as_a_date_time():
    assert RELATIONSHIP.input_problems(dict(name='BuyerSeller', expiry_date_time_utc='next year')) == [
        "expiry_date_time_utc must be an ISO 8601 date and time such as 2030-01-01T00:00:00Z, not 'next year'"]
    current = RELATIONSHIP.current(dict(properties=dict(expiryDateTimeUtc='2030-01-01T00:00:00.000Z')))
    assert RELATIONSHIP.differences(dict(expiry_date_time_utc='2030-01-01T00:00:00Z'), current) == []
    assert RELATIONSHIP.differences(dict(expiry_date_time_utc='2031-01-01T00:00:00Z'), current) == ['expiry_date_time_utc']
    # Sent as the task gave it.
    assert RELATIONSHIP.to_body(dict(expiry_date_time_utc='2030-01-01T01:00:00+01:00')) == {
        'expiryDateTimeUtc': '2030-01-01T01:00:00+01:00'}
