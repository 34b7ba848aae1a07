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
      - SAS belongs to the Hub API; with the ARM address the task fails before any request.
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
      - A ready SAS token, sent as is in the C(Authorization) header. For the Hub API (O(hub_endpoint)) only.
      - Environment variable E(CUSTOMER_INSIGHTS_SAS_TOKEN).
    type: str
  access_token:
    description:
      - An Azure AD access token, sent as C(Bearer). For O(hub_endpoint) it must be issued for the resource
        C(https://azurecustomerinsights.com); for the ARM address, for the cloud's Azure Resource Manager
        (C(https://management.azure.com/) on V(AzureCloud)). A token for another audience is refused.
      - Environment variable E(CUSTOMER_INSIGHTS_ACCESS_TOKEN).
    type: str
  tenant_id:
    description:
      - Azure AD tenant of the service principal for the client credentials flow, together with O(client_id)
        and O(client_secret). The module asks O(auth_authority) for a token once per run, for the audience of the
        address (see O(access_token)).
      - Environment variable E(AZURE_TENANT_ID), or E(AZURE_TENANT) as azure.azcollection spells it.
    type: str
  client_id:
    description:
      - Application (client) ID of the service principal.
      - With O(auth_source=msi), the client ID of the user-assigned managed identity to use (else the system-assigned one).
      - Environment variable E(AZURE_CLIENT_ID).
    type: str
  client_secret:
    description:
      - Client secret of the service principal.
      - Environment variable E(AZURE_CLIENT_SECRET), or E(AZURE_SECRET) as azure.azcollection spells it.
    type: str
  auth_authority:
    description:
      - Azure AD authority asked for client-credentials tokens.
      - When left out, the authority of O(cloud_environment) (V(https://login.microsoftonline.com) on V(AzureCloud),
        V(https://login.chinacloudapi.cn), V(https://login.microsoftonline.us)).
    type: str
  auth_source:
    description:
      - Where the credentials come from, as in azure.azcollection.
      - V(auto) takes the first complete one of - the task's own authentication options (module_defaults included), the
        environment variables, the C([default]) profile (or E(AZURE_PROFILE)'s) of C(~/.azure/credentials), the Azure CLI.
        The result says which in RV(auth_source_used).
      - V(env) takes them from the environment variables only (those of the options above, either spelling).
      - V(credential_file) from the profile O(credential_profile) of C(~/.azure/credentials) (keys C(tenant), C(client_id),
        C(secret), and optionally C(subscription_id) and C(cloud_environment)).
      - V(cli) from the account C(az login) signed in to - C(az account get-access-token --resource <audience>) on the
        C(PATH); its subscription is the default O(subscription_id).
      - V(msi) from the managed identity of the machine - the App Service identity endpoint when E(IDENTITY_ENDPOINT) and
        E(IDENTITY_HEADER) are set, else the instance metadata service at C(http://169.254.169.254) (or
        E(AZURE_POD_IDENTITY_AUTHORITY_HOST)). O(client_id) (or E(AZURE_CLIENT_ID)) picks a user-assigned identity. The
        ARM address then needs O(subscription_id) (or E(AZURE_SUBSCRIPTION_ID)), as an identity may reach several.
      - With a named source other than V(auto), the task may give no other credential option (only O(credential_profile)
        for V(credential_file), O(client_id) for V(msi)).
      - Defaults to V(auto), or the environment variable E(ANSIBLE_AZURE_AUTH_SOURCE).
    type: str
    choices: [auto, env, credential_file, cli, msi]
  credential_profile:
    description:
      - The section of C(~/.azure/credentials) to take the credentials from, with O(auth_source=credential_file) or
        O(auth_source=auto) (naming a profile then selects the credential file).
      - When left out, the environment variable E(AZURE_PROFILE), else V(default).
      - Called C(profile) in azure.azcollection; not here, where C(profile) is a module and a resource of the hub.
    type: str
notes:
  - Exactly one authentication method is used - O(sas_policy_name) with O(sas_key), O(sas_token) (both for the Hub API
    only, not with the ARM address), O(access_token), O(tenant_id) with O(client_id) and O(client_secret), or a token
    of the Azure CLI or of a managed identity. A task that gives two fails before any request.
  - The method the task names takes the options it leaves out from their environment variables, for example
    O(sas_policy_name) in the task and E(CUSTOMER_INSIGHTS_SAS_KEY) in the environment. A task that names no
    authentication option uses the one method whose variables are all set (then the credential file, then the Azure
    CLI, see O(auth_source)); so a task can always override a credential of another kind exported in the environment.
  - When nothing is found, the message names every variable of every method and where the credential file and C(az)
    were looked for.
  - Credentials with surrounding white space or control characters (such as a trailing line break) are refused
    before any request, naming the option.
  - Secrets never appear in the output, the diff, the returned values or error messages, even when a hub echoes them;
    nor do tokens the module gets from Azure AD, the Azure CLI or a managed identity.
'''
