"""How the project starts Rasa: Rasa's own command line, with the project's documented changes installed first.

Each change replaces one method of Rasa's and applies to the Rasa versions it was
measured on only (PATCHED_RASA_VERSIONS, one list for all of them): with another
version Rasa stays as it is and a warning says which behaviour is left unchanged.
"""

from __future__ import annotations

import logging

PATCHED_RASA_VERSIONS = ("3.6.21",)

logger = logging.getLogger(__name__)


def rasa_supported(left_as_is: str) -> bool:
    """True for a Rasa version the changes were written for; else warn that `left_as_is`."""
    import rasa

    if rasa.__version__ in PATCHED_RASA_VERSIONS:
        return True
    logger.warning("Rasa %s is not one of %s: %s.", rasa.__version__, PATCHED_RASA_VERSIONS, left_as_is)
    return False
