#!/usr/bin/env python3
"""Computes the vault's golden vectors outside .NET (see GoldenVectorTests.cs).

HKDF-SHA256 is written out from RFC 5869 with hmac/hashlib; AES-256-GCM comes from the
`cryptography` package. Run: python3 golden_vectors.py
"""
import base64
import hashlib
import hmac
import struct

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MASTER = bytes(range(0x00, 0x20))           # 32 bytes
SALT = bytes(range(0xa0, 0xc0))             # 32 bytes
OWNER = "discord:1234567890"
RECORD = "srv-0001"
FIELD = "headers.Authorization"
KEY_ID = "primary"
NONCE = bytes(range(0x40, 0x4c))            # 12 bytes
PLAINTEXT = "Bearer sk-golden-0123456789".encode()


def hkdf_sha256(ikm: bytes, salt: bytes, info: bytes, length: int) -> bytes:
    prk = hmac.new(salt, ikm, hashlib.sha256).digest()          # extract
    okm, block, counter = b"", b"", 1
    while len(okm) < length:                                    # expand
        block = hmac.new(prk, block + info + bytes([counter]), hashlib.sha256).digest()
        okm += block
        counter += 1
    return okm[:length]


# The HKDF above must reproduce RFC 5869, Appendix A, test case 1.
assert hkdf_sha256(bytes([0x0b] * 22), bytes(range(0x0d)), bytes(range(0xf0, 0xfa)), 42).hex() == (
    "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865")


def owner_key() -> bytes:
    info = b"MCPilot.Vault.v1 owner-key\0" + OWNER.encode()
    return hkdf_sha256(MASTER, SALT, info, 32)


def salt_id() -> bytes:
    return hmac.new(b"MCPilot.Vault salt-id", SALT, hashlib.sha256).digest()[:8]


def envelope(version: int) -> str:
    header = bytes([version, len(KEY_ID)]) + KEY_ID.encode("ascii")
    if version == 2:
        header += salt_id()
    aad = b"MCPilot.Vault" + header
    for part in (OWNER, RECORD, FIELD):
        data = part.encode()
        aad += struct.pack(">I", len(data)) + data
    sealed = AESGCM(owner_key()).encrypt(NONCE, PLAINTEXT, aad)  # ciphertext || tag
    return base64.urlsafe_b64encode(header + NONCE + sealed).rstrip(b"=").decode()


print("master (base64)", base64.b64encode(MASTER).decode())
print("salt            ", SALT.hex())
print("owner key       ", owner_key().hex())
print("salt id         ", salt_id().hex())
print("v1 envelope     ", envelope(1))
print("v2 envelope     ", envelope(2))
