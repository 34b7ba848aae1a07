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
        V(https://myhub.api.azurecustomerinsights.com). Requests go to C(<hub_endpoint>/manage/model/...).
      - One of the two ways to address the hub. Give either O(hub_endpoint) or the ARM address (O(resource_group) and
        O(hub_name), with O(subscription_id)), never both; this is checked before any request.
      - Environment variable E(CUSTOMER_INSIGHTS_HUB_ENDPOINT), read only when the task gives no ARM address.
      - Must be an C(http) or C(https) URL with no path (V(/) at most), query or fragment; the module adds
        C(/manage/model/...) itself. Anything else fails before any request.
    type: str
  subscription_id:
    description:
      - Azure subscription of the hub, for the ARM address (with O(resource_group) and O(hub_name)). Requests then go to
        Azure Resource Manager,
        C(<management>/subscriptions/<subscription_id>/resourceGroups/<resource_group>/providers/Microsoft.CustomerInsights/hubs/<hub_name>/...).
      - When left out, the environment variable E(AZURE_SUBSCRIPTION_ID), then the subscription of the credential source
        (the C(subscription_id) of the credential file's profile, or the Azure CLI's current subscription) is used.
        With O(auth_source=msi) it must be given here or in E(AZURE_SUBSCRIPTION_ID).
      - A subscription ID such as V(00000000-0000-0000-0000-000000000000); checked before any request.
    type: str
  resource_group:
    description:
      - Resource group of the hub, for the ARM address. Giving it (or O(hub_name), or O(subscription_id)) makes the task
        address the hub through Azure Resource Manager.
    type: str
  hub_name:
    description:
      - Name of the hub (C(hubName)), for the ARM address. A letter followed by letters or digits, at most 64 characters.
    type: str
  cloud_environment:
    description:
      - The Azure cloud, which decides the Azure Resource Manager URL, the audience of ARM tokens and the default
        O(auth_authority).
      - When left out, the environment variable E(AZURE_CLOUD_ENVIRONMENT), then the C(cloud_environment) of the
        credential file's profile (when it supplied the credentials); V(AzureCloud) otherwise.
      - With O(hub_endpoint) only the authority follows it; tokens for the Hub API are for C(https://azurecustomerinsights.com).
    type: str
    choices: [AzureCloud, AzureChinaCloud, AzureUSGovernment]
  management_endpoint:
    description:
      - URL of Azure Resource Manager to send ARM requests to instead of the cloud's (V(https://management.azure.com) on
        V(AzureCloud)), for a private cloud, a proxy or a test emulator. It changes where requests go, never the
        audience of tokens, which stays the cloud's.
      - Only with the ARM address. A root URL with no path.
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
      - Seconds to wait for the hub (or Azure Resource Manager, or a token endpoint) to answer one request (connect and
        read). Must be positive.
    type: int
    default: 30
  retries:
    description:
      - How many times a request is repeated after a transient failure (HTTP 429, 500, 502, 503, 504,
        a refused, reset or dropped connection, or a read timeout), with exponential backoff and jitter,
        honouring the hub's C(Retry-After) (also on Azure Resource Manager's throttling answers, HTTP 429 with
        C(x-ms-ratelimit-remaining-*) headers). V(0) disables retries.
      - Each retry is counted in RV(retry_count), and a task that retried warns with the reasons.
    type: int
    default: 5
notes:
  - Requests honour the standard proxy environment variables E(HTTPS_PROXY), E(HTTP_PROXY) and E(NO_PROXY).
'''
