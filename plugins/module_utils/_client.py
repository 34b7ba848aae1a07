# -*- coding: utf-8 -*-
# Copyright: (c) 2026, customerinsights.hub contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY
# The interfaces in this file are meant for use within the customerinsights.hub collection
# and may not remain stable to outside uses. Changes may be made in ANY release, even a bugfix release.

"""HTTP client of the Customer Insights Hub API: one session, auth, retries, errors, long-running waits."""

from __future__ import annotations

import contextlib
import email.utils
import json
import random
import threading
import time
import traceback

from urllib.parse import quote, urlencode, urljoin, urlsplit

REQUESTS_IMPORT_ERROR = None
try:
    import requests
    HAS_REQUESTS = True
except ImportError:  # the import sanity test and a bare execution environment have no requests
    requests = None
    HAS_REQUESTS = False
    REQUESTS_IMPORT_ERROR = traceback.format_exc()

# Transient answers every request of ours may be retried on: all our verbs (GET, PUT, DELETE, the
# token POST) are idempotent, so repeating one never does more than the first would have.
RETRY_STATUSES = frozenset((429, 500, 502, 503, 504))
BACKOFF_BASE = 1.0
BACKOFF_CAP = 30.0
# Longest single wait between retries when no wait_timeout bounds the task (a throttling hub may
# ask for an hour).
RETRY_WAIT_CAP = 60.0
# How long to sleep between polls of a long-running operation when the hub sends no Retry-After.
DEFAULT_POLL_INTERVAL = 2.0
# ARM's terminal states (Succeeded, Failed, Canceled) and the Customer Insights service's own
# HumanIntervention, which needs a person: waiting longer would not help.
TERMINAL_STATES = frozenset(('Succeeded', 'Failed', 'Canceled', 'HumanIntervention'))
FAILED_STATES = frozenset(('Failed', 'Canceled', 'HumanIntervention'))
# ARM's quota headers (x-ms-ratelimit-remaining-<scope>-<kind>): what is left of the principal's
# reads and writes. Below LOW_REMAINING_WRITES a bulk module should send writes one by one.
RATELIMIT_HEADER_PREFIX = 'x-ms-ratelimit-remaining-'
LOW_REMAINING_WRITES = 10
BODY_EXCERPT_LENGTH = 300
# ARM's 404s that say the address itself (subscription, resource group, hub) names nothing, as
# opposed to a missing resource under it: reading them as 'no such resource' would make absent
# report ok and present try to create what cannot be reached.
ADDRESS_NOT_FOUND_CODES = frozenset(('SubscriptionNotFound', 'ResourceGroupNotFound', 'ParentResourceNotFound'))
# ARM's status monitor of a long-running operation, preferred to Location when both are given.
ASYNC_OPERATION_HEADER = 'Azure-AsyncOperation'
# The resource envelope of an ARM-shaped (or flat) answer.
ENVELOPE_KEYS = ('id', 'name', 'type')


class HubError(Exception):
    """Anything that makes a hub request fail; str() is the message the module reports.

    write_accepted is set when the hub had already accepted a write (PUT or DELETE) of the task
    before this error: the hub has changed, so the task reports changed even though it fails.
    """

    write_accepted = False


class HubConnectionError(HubError):
    pass


class HubTimeoutError(HubError):
    pass


class HubOperationFailed(HubError):
    pass


class HubApiError(HubError):
    """The hub answered with a status we cannot go on with."""

    def __init__(self, message, status, body=None):
        super().__init__(message)
        self.status = status
        self.body = body


class HubShapeError(HubError):
    """A successful answer whose content the schema forbids (a field of the wrong type, say)."""


class HubResponse:
    """The parts of an HTTP answer the modules use, with the body parsed once."""

    def __init__(self, status, headers, text):
        self.status = status
        self.headers = headers
        self.text = text or ''
        self.json = parse_json(self.text)

    @classmethod
    def from_requests(cls, response):
        return cls(response.status_code, dict(response.headers), response.text)


def parse_json(text):
    try:
        return json.loads(text) if text else None
    except ValueError:
        return None


def parse_error_body(response):
    """Return (code, message) from an ARM-style error body, coping with any other body."""
    body = response.json
    if isinstance(body, dict):
        error = body.get('error', body)
        if isinstance(error, dict) and (error.get('code') or error.get('message')):
            return error.get('code'), error.get('message')
        if isinstance(error, str):
            return error, body.get('error_description') or body.get('message')
    excerpt = response.text.strip()[:BODY_EXCERPT_LENGTH]
    return None, excerpt or None


def parse_retry_after(headers, now=None):
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP date), or None."""
    value = headers.get('Retry-After') if headers else None
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    now = time.time() if now is None else now
    return max(0.0, when.timestamp() - now)


def header_value(headers, name):
    """A header of an answer, whatever the case the server spelled its name in."""
    for key, value in (headers or {}).items():
        if key.lower() == name.lower():
            return value
    return None


def backoff_delay(attempt, rand=random.random):
    """Exponential backoff with full jitter after the given (1-based) failed attempt."""
    ceiling = min(BACKOFF_CAP, BACKOFF_BASE * (2 ** (attempt - 1)))
    return ceiling * (0.5 + rand() / 2)


def resource_state(resource):
    """provisioningState of a resource body, flat or ARM-shaped."""
    if not isinstance(resource, dict):
        return None
    properties = resource.get('properties')
    if isinstance(properties, dict) and 'provisioningState' in properties:
        return properties['provisioningState']
    return resource.get('provisioningState')


class ThrottleGate:
    """Where the threads of one client wait while the hub throttles them.

    A 429, or a transient answer with Retry-After, closes the gate for as long as the hub asked (or
    the backoff chose): every request of the client, from whichever thread, waits at the gate before
    it is sent, so a throttled hub sees all the client's workers slow down, not only the one it
    answered. A single-threaded module just sleeps there before its retry, as it always did.
    """

    def __init__(self, clock, sleep):
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._open_at = None

    def close_for(self, seconds):
        with self._lock:
            until = self._clock() + seconds
            if self._open_at is None or until > self._open_at:
                self._open_at = until

    def remaining(self):
        """(seconds until the gate opens, the moment it opens); seconds <= 0 when it is open."""
        with self._lock:
            until = self._open_at
        return (0.0, None) if until is None else (until - self._clock(), until)

    def wait(self):
        """Sleep until the gate is open; again if another thread closed it for longer meanwhile."""
        slept_until = None
        while True:
            seconds, until = self.remaining()
            # until == slept_until: a clock that does not move while sleeping must not loop forever.
            if seconds <= 0 or until == slept_until:
                return
            self._sleep(seconds)
            slept_until = until


class HubClient:
    """One requests session per module run: connection reuse and a token made once.

    Several threads may share a client (relationship_links writes links concurrently): the counters
    and the trace are kept under a lock, each thread other than the one that made the client gets a
    requests session of its own (a Session is not thread-safe), a thread may bound its requests with
    a deadline of its own (own_deadline), and one throttle gate holds back every thread.
    """

    def __init__(self, endpoint, authenticator, api_version, timeout=30, validate_certs=True, ca_path=None,
                 retries=5, deadline=None, wait_timeout=None, sleep=time.sleep, clock=time.monotonic, address=None):
        self.endpoint = endpoint.rstrip('/')
        # How resource paths and PUT bodies are spelled (_addressing.py); None: the Hub API as is.
        self.address = address
        # The fewest remaining reads and writes ARM's x-ms-ratelimit-remaining-* headers last reported
        # (None until an answer carries them); see writes_running_low().
        self.remaining_reads = None
        self.remaining_writes = None
        # When the task's wait_timeout runs out (clock value), for requests not given their own.
        self.deadline = deadline
        # The option behind the deadline, named in timeout messages.
        self.wait_timeout = wait_timeout
        # What the run did, returned by every module: each attempt is a request, each repeated
        # attempt a retry, each look at a pending operation a poll.
        self.request_count = 0
        self.retry_count = 0
        self.poll_count = 0
        # Why requests were retried ('HTTP 503', 'connection reset ...'), for the warning.
        self.retry_reasons = []
        # One entry per attempt: method, URL (no secret is ever in our URLs), status, milliseconds.
        self.trace = []
        self.authenticator = authenticator
        self.api_version = api_version
        self.timeout = timeout
        self.retries = retries
        self._sleep = sleep
        self._clock = clock
        self._lock = threading.Lock()
        self._thread = threading.local()
        self._made_by = threading.get_ident()
        self.throttle = ThrottleGate(clock, sleep)
        self.session = self._new_session()
        # Given per request: a session-level verify loses to REQUESTS_CA_BUNDLE in the environment,
        # which must only stand in for the system bundle, never for an explicit ca_path.
        self.verify = (ca_path or True) if validate_certs else False

    @staticmethod
    def _new_session():
        session = requests.Session()
        session.headers['Accept'] = 'application/json'
        return session

    def _session(self):
        """The session of the calling thread: self.session for the thread that made the client, else one per thread."""
        if threading.get_ident() == self._made_by:
            return self.session
        if getattr(self._thread, 'session', None) is None:
            self._thread.session = self._new_session()
        return self._thread.session

    def _deadline(self):
        """The deadline of the calling thread's requests: its own_deadline, else the client's."""
        return getattr(self._thread, 'deadline', self.deadline)

    @contextlib.contextmanager
    def own_deadline(self, seconds):
        """Bound the calling thread's requests, retries and waits by seconds from now instead of the client's deadline.

        relationship_links gives each write its own wait_timeout, as each relationship_link task has.
        """
        self._thread.deadline = None if seconds is None else self._clock() + seconds
        try:
            yield
        finally:
            del self._thread.deadline

    # ---- URLs -------------------------------------------------------------------------------

    def url(self, *segments, **query):
        """The URL of a hub model path (manage, model, <type>[, <name>]), spelled for the task's address."""
        if self.address is not None:
            segments = self.address.resource_segments(segments)
        return self.endpoint + hub_path(self.api_version, *segments, **query)

    # ---- the one place every request goes through ----------------------------------------------

    def send(self, method, url, json_body=None, form=None, authenticate=True, headers=None, connect_timeout=None):
        """Send one request, retrying transient failures; return a HubResponse of any other status.

        headers: extra request headers (a managed identity endpoint's); connect_timeout: seconds to
        connect, when shorter than timeout makes sense (a metadata service that is absent off Azure).
        """
        deadline = self._deadline()
        attempt = 0
        while True:
            attempt += 1
            self.throttle.wait()
            response, failure = self._attempt(method, url, json_body, form, authenticate, headers, connect_timeout)
            if response is not None:
                self._note_quota(response.headers)
            if response is not None and response.status not in RETRY_STATUSES:
                return response
            asked = parse_retry_after(response.headers) if response else None
            delay = backoff_delay(attempt) if asked is None else asked
            if deadline is None:
                delay = min(delay, RETRY_WAIT_CAP)
            out_of_time = deadline is not None and self._clock() + delay > deadline
            if attempt > self.retries or out_of_time:
                stop = (' (no retry: waiting %.0f s more would pass %s)' % (delay, self._limit())) if out_of_time else ''
                if response is not None:
                    raise self.api_error(method, url, response, attempts=attempt, note=stop)
                raise HubConnectionError('Could not reach %s (%s %s) after %d attempt(s): %s%s'
                                         % (_origin(url), method, url, attempt, _reason(failure), stop))
            with self._lock:
                self.retry_count += 1
                self.retry_reasons.append('HTTP %d' % response.status if response is not None else _reason(failure))
            if response is not None and (response.status == 429 or asked is not None):
                # Throttled: every thread of the client waits (this one too, at the gate before its retry).
                self.throttle.close_for(delay)
            else:
                self._sleep(delay)

    def _attempt(self, method, url, json_body, form, authenticate, extra_headers=None, connect_timeout=None):
        """One request: (HubResponse, None), or (None, exception) for a transient transport failure."""
        headers = dict(extra_headers or {})
        timeout = (connect_timeout, self.timeout) if connect_timeout else self.timeout
        if authenticate:
            headers['Authorization'] = self.authenticator.authorization_header(self)
        with self._lock:
            self.request_count += 1
        started = self._clock()
        status = None
        try:
            raw = self._session().request(method, url, json=json_body, data=form, headers=headers, timeout=timeout,
                                          verify=self.verify)
            status = raw.status_code
            return HubResponse.from_requests(raw), None
        except requests.exceptions.SSLError as exc:
            raise HubConnectionError(
                'TLS certificate verification failed for %s: %s. Point ca_path at the CA bundle that signed the '
                "hub's certificate, or set validate_certs=false for a test hub." % (_origin(url), _reason(exc)))
        except (requests.exceptions.ConnectionError, requests.exceptions.Timeout,
                requests.exceptions.ChunkedEncodingError) as exc:
            return None, exc
        except (requests.exceptions.InvalidHeader, UnicodeError):
            # Their text quotes the header, credentials included.
            raise HubError('The request %s %s could not be sent: a header value is invalid.' % (method, url))
        except requests.exceptions.RequestException as exc:
            raise HubError('The request %s %s could not be sent: %s' % (method, url, _reason(exc)))
        finally:
            with self._lock:
                self.trace.append(dict(method=method, url=url, status=status,
                                       milliseconds=int(round((self._clock() - started) * 1000))))

    def _note_quota(self, headers):
        """Keep the fewest remaining reads and writes the answer's x-ms-ratelimit-remaining-* headers report."""
        reads, writes = [], []
        for name, value in (headers or {}).items():
            name = name.lower()
            if not name.startswith(RATELIMIT_HEADER_PREFIX) or not str(value).strip().isdigit():
                continue
            if name.endswith('-writes'):
                writes.append(int(value))
            elif name.endswith('-reads'):
                reads.append(int(value))
        if reads:
            self.remaining_reads = min(reads)
        if writes:
            self.remaining_writes = min(writes)

    def writes_running_low(self):
        """True once ARM said fewer than LOW_REMAINING_WRITES writes are left: time to send them one at a time."""
        return self.remaining_writes is not None and self.remaining_writes < LOW_REMAINING_WRITES

    def _limit(self):
        return 'wait_timeout=%d' % self.wait_timeout if self.wait_timeout else 'wait_timeout'

    def api_error(self, method, url, response, attempts=1, note=''):
        code, message = parse_error_body(response)
        detail = '%s%s' % ('%s: ' % code if code else '', message or 'no error message in the body')
        tries = ' after %d attempts' % attempts if attempts > 1 else ''
        if response.status in (401, 403):
            verb = 'Authentication' if response.status == 401 else 'Authorisation'
            text = ('%s was refused by %s for %s %s (HTTP %d%s), using %s: %s'
                    % (verb, self._service(), method, url, response.status, tries, self.authenticator.description, detail))
            audience = getattr(self.authenticator, 'audience', None)
            if response.status == 401 and audience and getattr(self.authenticator, 'sends_bearer', False):
                text += ' (bearer tokens must be issued for the audience %s)' % audience
        elif response.status == 400:
            text = 'The hub rejected %s %s (HTTP 400): %s' % (method, url, detail)
        else:
            text = 'The hub answered %s %s with HTTP %d%s: %s' % (method, url, response.status, tries, detail)
        if response.status == 404 and code in ADDRESS_NOT_FOUND_CODES:
            text = '%s. The address names nothing: check subscription_id, resource_group and hub_name.' % text.rstrip('.')
        body = response.json if response.json is not None else response.text[:BODY_EXCERPT_LENGTH]
        return HubApiError(text + note, response.status, body)

    def _check_address_found(self, method, url, response):
        if response.status == 404 and parse_error_body(response)[0] in ADDRESS_NOT_FOUND_CODES:
            raise self.api_error(method, url, response)

    def _service(self):
        return self.address.service if self.address is not None else 'the hub'

    def call(self, method, url, json_body=None, ok=(200,)):
        """send() and turn any status outside ok into a HubApiError."""
        response = self.send(method, url, json_body=json_body)
        if response.status not in ok:
            raise self.api_error(method, url, response)
        return response

    # ---- resources --------------------------------------------------------------------------

    def get_resource(self, url):
        """The resource body, or None when the hub answers 404 (for the resource, not for its address)."""
        response = self.call('GET', url, ok=(200, 404))
        self._check_address_found('GET', url, response)
        return None if response.status == 404 else check_envelope('GET', url, self.json_object('GET', url, response))

    def list_resources(self, url):
        """Every item of a paged list, following nextLink verbatim until it is absent."""
        while url:
            page_url = url
            body = self.json_object('GET', page_url, self.call('GET', page_url))
            items, url = body.get('value'), body.get('nextLink')
            if items is not None and not isinstance(items, list):
                raise shape_error('GET', page_url, 'value', 'a list of resources', items)
            if url is not None and not isinstance(url, str):
                raise shape_error('GET', page_url, 'nextLink', 'a URL string', url)
            for index, item in enumerate(items or []):
                if not isinstance(item, dict):
                    raise shape_error('GET', page_url, 'value[%d]' % index, 'a JSON object', item)
                yield check_envelope('GET', page_url, item)

    @staticmethod
    def json_object(method, url, response):
        """The JSON object of a successful answer; anything else is an error, never 'nothing there'.

        Taking an HTML page for a missing link would make the module create it afresh and erase
        every field the task did not give.
        """
        if not isinstance(response.json, dict):
            raise HubApiError('The hub answered %s %s with HTTP %d but not with a JSON object: %s'
                              % (method, url, response.status, response.text.strip()[:BODY_EXCERPT_LENGTH] or 'an empty body'),
                              response.status, body=response.text[:BODY_EXCERPT_LENGTH])
        return response.json

    def put_resource(self, url, body, wait):
        """PUT and, with wait, follow the long-running operation to a terminal state.

        body is the flat definition; with an ARM address it goes under properties. Returns the final
        resource body, or None when the hub accepted (202) and wait is false.
        """
        if self.address is not None:
            body = self.address.request_body(body)
        response = self.call('PUT', url, json_body=body, ok=(200, 201, 202))
        with write_accepted():
            return self._finish_put(url, response, wait)

    def _finish_put(self, url, response, wait):
        """Follow what the answer says: Azure-AsyncOperation first (also on a 200), then Location, then the resource."""
        monitor = header_value(response.headers, ASYNC_OPERATION_HEADER)
        if response.status == 202:
            if not wait:
                return None
            if monitor or header_value(response.headers, 'Location'):
                self._wait_for_operation(response, 'PUT', url)
                # The operation is over: look at the outcome at once.
                resource = self._wait_for_resource(url, None, delay=0)
            else:
                resource = self._wait_for_resource(url, None, delay=self._first_delay(response))
        else:
            resource = check_envelope('PUT', url, self.json_object('PUT', url, response))
            if wait and monitor:
                # An older ARM service answers 200 with a pending state and the monitor to follow.
                self._wait_for_operation(response, 'PUT', url)
                resource = self._wait_for_resource(url, None, delay=0)
            elif wait:
                resource = self._wait_for_resource(url, resource, delay=self._first_delay(response))
        state = resource_state(resource)
        if state in FAILED_STATES:
            raise HubOperationFailed('Provisioning of %s ended in state %s.' % (url, state))
        return resource

    def delete_resource(self, url, wait):
        """DELETE; 404 means already gone, 200/204 that it is deleted.

        With wait and a 202 (or a 200 that carries Azure-AsyncOperation): follow the operation to its
        end, or without an operation URL poll the resource until GET answers 404. Nothing is polled
        unless the hub says the deletion is pending.
        """
        response = self.call('DELETE', url, ok=(200, 202, 204, 404))
        self._check_address_found('DELETE', url, response)
        pending = response.status == 202 or (response.status == 200 and header_value(response.headers, ASYNC_OPERATION_HEADER))
        if not pending or not wait:
            return
        with write_accepted():
            self._finish_delete(url, response)

    def _finish_delete(self, url, response):
        if header_value(response.headers, ASYNC_OPERATION_HEADER) or header_value(response.headers, 'Location'):
            self._wait_for_operation(response, 'DELETE', url)
            return

        def gone():
            resource = self.get_resource(url)
            if resource_state(resource) in FAILED_STATES:
                raise HubOperationFailed('Deletion of %s ended in state %s.' % (url, resource_state(resource)))
            return resource is None, None, 'still present (provisioningState %s)' % resource_state(resource)

        self._poll(gone, url, 'to disappear', self._first_delay(response))

    # ---- long-running operations --------------------------------------------------------------

    @staticmethod
    def _first_delay(response):
        delay = parse_retry_after(response.headers)
        return DEFAULT_POLL_INTERVAL if delay is None else delay

    def _wait_for_operation(self, accepted, method, url):
        """Poll the operation an answer names: its Azure-AsyncOperation monitor when given, else its Location."""
        monitor = header_value(accepted.headers, ASYNC_OPERATION_HEADER)
        if monitor:
            self._wait_for_async_operation(urljoin(url, monitor), accepted, method, url)
        else:
            self._wait_for_location(urljoin(url, header_value(accepted.headers, 'Location')), accepted, method, url)

    @staticmethod
    def _operation_failed(method, url, status, response):
        """The failure an operation reports: its error's message (or code), when the body has an error."""
        error = response.json.get('error') if isinstance(response.json, dict) else None
        code, message = parse_error_body(response) if error else (None, None)
        return HubOperationFailed('The %s of %s ended in state %s: %s' % (method, url, status, message or code or 'no details'))

    def _wait_for_async_operation(self, monitor, accepted, method, url):
        """Poll an ARM status monitor: 200 with {"status": ...} until Succeeded, Failed or Canceled.

        Any other status (InProgress, Accepted, ...) is still running. An error answer of the monitor
        means its status could not be read, which fails the task like any other hub error.
        """
        def finished():
            response = self.call('GET', monitor)
            status = self.json_object('GET', monitor, response).get('status')
            if not isinstance(status, str):
                raise shape_error('GET', monitor, 'status', 'a string', status)
            if status in FAILED_STATES:
                raise self._operation_failed(method, url, status, response)
            if status == 'Succeeded':
                return True, None, status
            return False, parse_retry_after(response.headers), 'status %s' % status

        self._poll(finished, monitor, 'to finish', self._first_delay(accepted))

    def _wait_for_location(self, location, accepted, method, url):
        """Poll the Location operation URL of a 202 while it answers 202.

        ARM's operation URL answers a failed operation with the error the request would have had.
        """
        def finished():
            response = self.send('GET', location)
            if response.status not in (200, 201, 202, 204):
                if response.status in (401, 403):
                    raise self.api_error('GET', location, response)
                code, message = parse_error_body(response)
                body = response.json if response.json is not None else response.text[:BODY_EXCERPT_LENGTH]
                raise HubApiError('The %s of %s did not succeed: its operation URL %s answered HTTP %d: %s%s'
                                  % (method, url, location, response.status, '%s: ' % code if code else '',
                                     message or 'no error message in the body'), response.status, body)
            if response.status == 202:
                return False, parse_retry_after(response.headers), 'operation still running'
            status = response.json.get('status') if isinstance(response.json, dict) else None
            if status in FAILED_STATES:
                raise self._operation_failed(method, url, status, response)
            return True, None, status

        self._poll(finished, location, 'to finish', self._first_delay(accepted))

    def _wait_for_resource(self, url, resource, delay):
        """GET until provisioningState is terminal (or absent); return the final body."""
        if resource is not None and not is_pending(resource):
            return resource
        latest = [resource]

        def settled():
            latest[0] = self.get_resource(url)
            if latest[0] is None:
                raise HubOperationFailed('%s disappeared while it was being provisioned.' % url)
            return not is_pending(latest[0]), None, 'provisioningState %s' % resource_state(latest[0])

        self._poll(settled, url, 'to reach a terminal provisioningState', delay)
        return latest[0]

    def _poll(self, check, url, goal, delay):
        """Sleep, call check() -> (done, retry_after, what was seen), until done or out of wait_timeout."""
        last_seen = 'nothing yet'
        deadline = self._deadline()
        while True:
            if deadline is not None and self._clock() + delay > deadline:
                raise HubTimeoutError('Timed out waiting for %s %s; last seen: %s. The limit is %s; the hub accepted '
                                      'the write and may still finish it.' % (url, goal, last_seen, self._limit()))
            if delay:
                self._sleep(delay)
            with self._lock:
                self.poll_count += 1
            done, retry_after, last_seen = check()
            if done:
                return
            delay = DEFAULT_POLL_INTERVAL if retry_after is None else retry_after


def hub_path(api_version, *segments, **query):
    """The path and query of a request under the hub endpoint (relationship_links renders them without a hub)."""
    path = '/'.join(quote(str(segment), safe='') for segment in segments)
    query = dict(query, **{'api-version': api_version})
    return '/%s?%s' % (path, urlencode(query))


@contextlib.contextmanager
def write_accepted():
    """Mark every HubError raised inside the block as coming after an accepted write."""
    try:
        yield
    except HubError as error:
        error.write_accepted = True
        raise


def check_envelope(method, url, resource):
    """Fail on the parts every resource shares (envelope, properties, provisioningState) when mis-typed.

    The waits read provisioningState before any model looks at the answer.
    """
    for key in ENVELOPE_KEYS:
        if resource.get(key) is not None and not isinstance(resource[key], str):
            raise shape_error(method, url, key, 'a string', resource[key])
    properties = resource.get('properties')
    if properties is not None and not isinstance(properties, dict):
        raise shape_error(method, url, 'properties', 'a JSON object', properties)
    definition = properties if isinstance(properties, dict) else resource
    state = definition.get('provisioningState')
    if state is not None and not isinstance(state, str):
        raise shape_error(method, url, 'provisioningState', 'a string', state)
    return resource


def shape_error(method, url, field, expected, value):
    """A HubShapeError naming the field, what the schema wants there and what came instead."""
    return HubShapeError('The hub answered %s %s with a body the API schema forbids: %s must be %s, not %s.'
                         % (method, url, field, expected, json_type(value)))


def json_type(value):
    """The JSON name of a value's type, for messages (never the value: it may be long)."""
    if value is None:
        return 'null'
    if isinstance(value, bool):
        return 'a boolean'
    if isinstance(value, (int, float)):
        return 'a number'
    if isinstance(value, str):
        return 'a string'
    if isinstance(value, list):
        return 'a list'
    return 'an object'


def is_pending(resource):
    """True while the hub still works on a resource: any provisioningState that is not terminal."""
    state = resource_state(resource)
    return state is not None and state not in TERMINAL_STATES


def _origin(url):
    """scheme://host[:port] of a URL: the service a connection failure is about."""
    parts = urlsplit(url)
    return '%s://%s' % (parts.scheme, parts.netloc)


def _reason(exc):
    """The innermost cause of a requests exception, which names what actually went wrong."""
    while getattr(exc, 'args', None) and isinstance(exc.args[0], Exception):
        exc = exc.args[0]
    reason = getattr(exc, 'reason', None)
    return str(reason or exc)
