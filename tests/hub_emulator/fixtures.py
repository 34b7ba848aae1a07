"""The invented, consistent hub model the emulator starts with (unless started with --empty-model).

Two profiles, one interaction between them and two relationships from one to the other: every
name the relationship-link tests, the demo and the tools use in their links exists here (README.md
"The seeded model"). Microsoft's examples cannot serve: they do not refer to each other.
"""

from typing import Any

from .messages import Response
from .model import INTERACTIONS, PROFILES, RELATIONSHIPS, ResourceKind
from .resources import ModelStore
from .writes import checked_definition

# Spare interaction fields for tests that need many distinct mappings (relationship_link_info
# seeds a dozen links, tools/soak.py cycles through three).
NUMBERED_FIELD_COUNT = 12


def _field(name: str, field_type: str = "Edm.String", **flags: bool) -> dict[str, Any]:
    return {"fieldName": name, "fieldType": field_type, **flags}


CUSTOMER = {
    "apiEntitySetName": "Customers",
    "displayName": {"en-us": "Customer"},
    "fields": [
        _field("CustomerId", isRequired=True),
        _field("FirstName", isName=True),
        _field("LastName", isName=True),
        _field("Email"),
        _field("PreferredStoreId"),
    ],
    "strongIds": [{"strongIdName": "CustomerKey", "keyPropertyNames": ["CustomerId"]}],
}

STORE = {
    "apiEntitySetName": "Stores",
    "displayName": {"en-us": "Store"},
    "fields": [_field("StoreId", isRequired=True), _field("StoreName", isName=True), _field("City")],
    "strongIds": [{"strongIdName": "StoreKey", "keyPropertyNames": ["StoreId"]}],
}

WEB_PURCHASE = {
    "apiEntitySetName": "WebPurchases",
    "displayName": {"en-us": "Web purchase"},
    "fields": [
        _field("PurchaseId", isRequired=True),
        _field("CustomerId"),
        _field("CustomerEmail"),
        _field("StoreId"),
        _field("StoreName"),
        _field("PurchaseDate", "Edm.DateTimeOffset"),
        _field("Amount", "Edm.Decimal"),
        *(_field(f"Field{number}") for number in range(NUMBERED_FIELD_COUNT)),
    ],
    "idPropertyNames": ["PurchaseId"],
    "timestampFieldName": "PurchaseDate",
    "participantProfiles": [
        {"participantName": "Buyer", "profileTypeName": "Customer", "role": "Buyer",
         "participantPropertyReferences": [{"sourcePropertyName": "CustomerId", "targetPropertyName": "CustomerId"}]},
        {"participantName": "Seller", "profileTypeName": "Store", "role": "Seller",
         "participantPropertyReferences": [{"sourcePropertyName": "StoreId", "targetPropertyName": "StoreId"}]},
    ],
    "primaryParticipantProfilePropertyName": "Buyer",
}

CUSTOMER_TO_STORE = {
    "profileType": "Customer",
    "relatedProfileType": "Store",
    "cardinality": "ManyToMany",
    "displayName": {"en-us": "Customer shops at store"},
    "fields": [_field("LastPurchase", "Edm.DateTimeOffset"), _field("FavouriteStore")],
    "lookupMappings": [{"fieldMappings": [{"profileFieldName": "PreferredStoreId", "relatedProfileKeyProperty": "StoreId"}]}],
}

CUSTOMER_TO_OUTLET = {
    "profileType": "Customer",
    "relatedProfileType": "Store",
    "cardinality": "OneToMany",
    "displayName": {"en-us": "Customer's home outlet"},
    "fields": [_field("LastPurchase", "Edm.DateTimeOffset")],
}

# In dependency order, so that each one's references exist when it is stored.
FIXTURE_MODEL: tuple[tuple[ResourceKind, str, dict[str, Any]], ...] = (
    (PROFILES, "Customer", CUSTOMER),
    (PROFILES, "Store", STORE),
    (INTERACTIONS, "WebPurchase", WEB_PURCHASE),
    (RELATIONSHIPS, "CustomerToStore", CUSTOMER_TO_STORE),
    (RELATIONSHIPS, "CustomerToOutlet", CUSTOMER_TO_OUTLET),
)


def seed_fixture_model(store: ModelStore, config: dict[str, Any]) -> None:
    """Replace the whole model (relationship links included) by the fixture, fully provisioned.

    Each resource goes through the checks of a PUT, which proves the fixture consistent.
    """
    store.clear()
    for kind, name, document in FIXTURE_MODEL:
        definition = checked_definition(kind, name, document, store, config)
        if isinstance(definition, Response):
            raise RuntimeError(f"the fixture {kind.label} '{name}' is refused: {definition.body}")
        store.seed(kind, name, definition)
