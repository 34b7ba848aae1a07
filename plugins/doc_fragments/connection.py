# -*- coding: utf-8 -*-
# Copyright: (c) 2026, customerinsights.hub contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations


class ModuleDocFragment:

    DOCUMENTATION = r'''
options:
  hub_endpoint:
    description:
      - Root URL of the Customer Insights Hub API, the hub's C(apiEndpoint), for example
        V(https://myhub.api.azurecustomerinsights.com).
      - Required, here or in the environment variable E(CUSTOMER_INSIGHTS_HUB_ENDPOINT).
      - Must be an C(http) or C(https) URL with no path (V(/) at most), query or fragment; the module adds
        C(/manage/model/...) itself. Anything else fails before any request.
    type: str
  api_version:
    description:
      - The C(api-version) query parameter sent with every request.
    type: str
    default: '2017-04-26'
  validate_certs:
    description:
      - Whether to verify the hub's TLS certificate.
      - Set to V(false) only for a test hub with a self-signed certificate; prefer O(ca_path).
    type: bool
    default: true
  ca_path:
    description:
      - Path to a PEM file of CA certificates used to verify the hub's TLS certificate instead of the system bundle.
      - The file must exist, be readable and hold at least one PEM certificate; this is checked before any request.
      - The standard E(REQUESTS_CA_BUNDLE) variable works too.
    type: path
  timeout:
    description:
      - Seconds to wait for the hub to answer one request (connect and read). Must be positive.
    type: int
    default: 30
  retries:
    description:
      - How many times a request is repeated after a transient failure (HTTP 429, 500, 502, 503, 504,
        a refused, reset or dropped connection, or a read timeout), with exponential backoff and jitter,
        honouring the hub's C(Retry-After). V(0) disables retries.
      - Each retry is counted in RV(retry_count), and a task that retried warns with the reasons.
    type: int
    default: 5
notes:
  - Requests honour the standard proxy environment variables E(HTTPS_PROXY), E(HTTP_PROXY) and E(NO_PROXY).
'''
