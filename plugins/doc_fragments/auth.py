# -*- coding: utf-8 -*-
# Copyright: (c) 2026, customerinsights.hub contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations


class ModuleDocFragment:

    DOCUMENTATION = r'''
options:
  sas_policy_name:
    description:
      - Name of the hub's SAS policy whose key signs the requests, for example V(RootManageSharedAccessKey).
      - Used together with O(sas_key). The module signs a fresh SAS token for the O(hub_endpoint) URI itself.
      - Environment variable E(CUSTOMER_INSIGHTS_SAS_POLICY_NAME).
    type: str
  sas_key:
    description:
      - The primary or secondary key of the SAS policy O(sas_policy_name), as the hub shows it under its
        SAS policies (Admin, Permissions), or as C(primaryKey) of the policy in the API; paste it as it is.
      - Used together with O(sas_policy_name); the module signs a fresh token with it. Signing details, for
        those who need them - the token is C(SharedAccessSignature sr=<uri>&sig=<signature>&se=<expiry>&skn=<policy>) where the signature is
        the base64 HMAC-SHA256 of the URL-encoded O(hub_endpoint) URI, a line feed and the expiry, keyed with the UTF-8
        bytes of this key (the Service Bus convention). The Hub docs print the prefix as C(SharedAccessSignature-sig=);
        that hyphen is a typo, a space is sent.
      - Environment variable E(CUSTOMER_INSIGHTS_SAS_KEY).
    type: str
  sas_token:
    description:
      - A ready SAS token, sent as is in the C(Authorization) header.
      - Environment variable E(CUSTOMER_INSIGHTS_SAS_TOKEN).
    type: str
  access_token:
    description:
      - An Azure AD access token for the resource C(https://azurecustomerinsights.com), sent as C(Bearer).
      - Environment variable E(CUSTOMER_INSIGHTS_ACCESS_TOKEN).
    type: str
  tenant_id:
    description:
      - Azure AD tenant of the service principal for the client credentials flow, together with O(client_id)
        and O(client_secret). The module asks O(auth_authority) for a token once per run.
      - Environment variable E(AZURE_TENANT_ID).
    type: str
  client_id:
    description:
      - Application (client) ID of the service principal.
      - Environment variable E(AZURE_CLIENT_ID).
    type: str
  client_secret:
    description:
      - Client secret of the service principal.
      - Environment variable E(AZURE_CLIENT_SECRET).
    type: str
  auth_authority:
    description:
      - Azure AD authority asked for client-credentials tokens; override it for sovereign clouds.
    type: str
    default: https://login.microsoftonline.com
notes:
  - Exactly one authentication method must be given - O(sas_policy_name) with O(sas_key), O(sas_token),
    O(access_token), or O(tenant_id) with O(client_id) and O(client_secret). The module fails before any request
    when none or more than one is given.
  - The method the task names takes the options it leaves out from their environment variables, for example
    O(sas_policy_name) in the task and E(CUSTOMER_INSIGHTS_SAS_KEY) in the environment. A task that names no
    authentication option uses the one method whose variables are all set; so a task can always override a
    credential of another kind exported in the environment.
  - Credentials with surrounding white space or control characters (such as a trailing line break) are refused
    before any request, naming the option.
  - Secrets never appear in the output, the diff, the returned values or error messages, even when a hub echoes them.
'''
