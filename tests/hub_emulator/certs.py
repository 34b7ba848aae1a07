"""Throwaway TLS material for the emulator: a CA and a server certificate for localhost/127.0.0.1.

This is the only module that needs the 'cryptography' package; the server itself runs on the
standard library alone.

The certificates carry the extensions that strict verification (Python 3.13's default
VERIFY_X509_STRICT) insists on: critical basicConstraints and keyUsage, subject and authority
key identifiers, and a subjectAltName on the server certificate.
"""

import datetime
import ipaddress
import os
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

CA_FILE = "ca.pem"
SERVER_CERT_FILE = "server.pem"
SERVER_KEY_FILE = "server-key.pem"
DEFAULT_VALID_DAYS = 7
# Backdating tolerates a little clock skew between processes and machines.
BACKDATE = datetime.timedelta(hours=1)

_NO_KEY_USAGE = {
    "content_commitment": False, "key_encipherment": False, "data_encipherment": False,
    "key_agreement": False, "encipher_only": False, "decipher_only": False,
}


def _name(common_name: str) -> x509.Name:
    return x509.Name([
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Customer Insights Hub emulator"),
        x509.NameAttribute(NameOID.COMMON_NAME, common_name),
    ])


def _certificate_builder(subject: x509.Name, issuer: x509.Name, public_key, valid_days: int) -> x509.CertificateBuilder:
    now = datetime.datetime.now(datetime.timezone.utc)
    return (x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(issuer)
            .public_key(public_key)
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - BACKDATE)
            .not_valid_after(now + datetime.timedelta(days=valid_days))
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False))


def generate_certificates(out_dir: str, valid_days: int = DEFAULT_VALID_DAYS) -> dict[str, Path]:
    """Write ca.pem, server.pem and server-key.pem into out_dir and return their paths."""
    directory = Path(out_dir)
    directory.mkdir(parents=True, exist_ok=True)

    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = _name("Hub emulator test CA")
    ca_certificate = (
        _certificate_builder(ca_name, ca_name, ca_key.public_key(), valid_days)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True, **_NO_KEY_USAGE), critical=True)
        .sign(ca_key, hashes.SHA256())
    )

    server_key = ec.generate_private_key(ec.SECP256R1())
    server_certificate = (
        _certificate_builder(_name("localhost"), ca_name, server_key.public_key(), valid_days)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=False, crl_sign=False, **_NO_KEY_USAGE), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.SubjectAlternativeName([
            x509.DNSName("localhost"),
            x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
            x509.IPAddress(ipaddress.ip_address("::1")),
        ]), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )

    paths = {name: directory / name for name in (CA_FILE, SERVER_CERT_FILE, SERVER_KEY_FILE)}
    paths[CA_FILE].write_bytes(ca_certificate.public_bytes(serialization.Encoding.PEM))
    paths[SERVER_CERT_FILE].write_bytes(server_certificate.public_bytes(serialization.Encoding.PEM))
    key_bytes = server_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    # Create the key file private from the start instead of tightening its mode after writing.
    descriptor = os.open(paths[SERVER_KEY_FILE], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as key_file:
        key_file.write(key_bytes)
    return paths
