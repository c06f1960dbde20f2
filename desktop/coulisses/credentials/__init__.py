"""Content Credentials (C2PA): every export proves it was captured at the bench.

``identity`` keeps the maker's key and certificates in the journal folder,
``process`` turns the frozen piece into the signed process log, ``signing``
signs an export's files offline, ``verify`` reads them back. No Qt here.
"""

from coulisses.credentials.identity import CredentialsError, Identity, load_identity
from coulisses.credentials.signing import Signed, sign_export
from coulisses.credentials.verify import CHANGED, INVALID, UNSIGNED, VALID, Verdict, verify_file

__all__ = ["CHANGED", "INVALID", "UNSIGNED", "VALID", "CredentialsError", "Identity", "Signed",
           "Verdict", "load_identity", "sign_export", "verify_file"]
