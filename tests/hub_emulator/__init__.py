"""Local emulator of the Customer Insights Hub REST API (the hub model: profiles, interactions,
relationships and relationship links).

The collection's integration tests run it on a loopback port instead of a real hub. The
constants below are the emulator's defaults; README.md in this directory documents them and
every behaviour of the server.
"""

__version__ = "1.0.0"

DEFAULT_HUB_NAME = "emulatorHub"
DEFAULT_SUBSCRIPTION_ID = "00000000-0000-0000-0000-000000000000"
DEFAULT_RESOURCE_GROUP = "emulator-rg"

# The first entry is the version the emulator writes into the URLs it generates when it has no
# request to copy one from.
SUPPORTED_API_VERSIONS = ("2017-04-26", "2016-01-01")

# The Hub docs say that a list response holds at most 30 items.
DEFAULT_PAGE_SIZE = 30

# Every new hub has an "all access" policy called RootManageSharedAccessKey. Keys are plain
# strings: the HMAC key is their UTF-8 encoding, as in Azure Service Bus.
DEFAULT_SAS_POLICIES = {
    "RootManageSharedAccessKey": {
        "primary_key": "ZW11bGF0b3Itcm9vdC1wcmltYXJ5LWtleQ==",
        "secondary_key": "ZW11bGF0b3Itcm9vdC1zZWNvbmRhcnkta2V5",
        "rights": ["Read", "Write", "Manage"],
    },
    "ReadOnlyPolicy": {
        "primary_key": "cmVhZC1vbmx5LXByaW1hcnkta2V5",
        "secondary_key": "cmVhZC1vbmx5LXNlY29uZGFyeS1rZXk=",
        "rights": ["Read"],
    },
}

DEFAULT_BEARER_TOKENS = ["emulator-access-token"]

DEFAULT_AAD_TENANT = "emulator-tenant"
DEFAULT_AAD_CLIENT_ID = "emulator-client"
DEFAULT_AAD_CLIENT_SECRET = "emulator-client-secret"
AAD_TOKEN_LIFETIME_SECONDS = 3599

# Token audiences: the Hub API's, and Azure Resource Manager's (of the public cloud, in the spellings
# ARM accepts). A token is good for the one service its audience names.
HUB_AUDIENCE = "https://azurecustomerinsights.com"
ARM_AUDIENCE = "https://management.azure.com/"
ARM_AUDIENCES = ("https://management.azure.com/", "https://management.azure.com",
                 "https://management.core.windows.net/", "https://management.core.windows.net")
# The scope (v2.0 token endpoint) of each audience, as clients ask for it.
AAD_SCOPES = {
    "https://azurecustomerinsights.com/.default": HUB_AUDIENCE,
    **{audience.rstrip("/") + "/.default": ARM_AUDIENCE for audience in ARM_AUDIENCES},
    **{audience.rstrip("/") + "//.default": ARM_AUDIENCE for audience in ARM_AUDIENCES},
}

DEFAULT_ARM_BEARER_TOKENS = ["emulator-arm-access-token"]
# Managed identities of the emulated machine: the system-assigned one and one user-assigned identity.
DEFAULT_USER_ASSIGNED_CLIENT_IDS = ["emulator-user-assigned-client"]
DEFAULT_IDENTITY_HEADER = "emulator-identity-header"
# ARM's quota per window (the 2020 per-hour figures); the emulator never refills by time.
DEFAULT_ARM_READS_PER_WINDOW = 12000
DEFAULT_ARM_WRITES_PER_WINDOW = 1200
