"""`python -m studio` (`make studio`): the trainer studio on http://LOTSE_HOST:STUDIO_PORT.

Environment: STUDIO_USER and STUDIO_PASSWORD (login; without a password a one-time
one is printed, loopback only), RASA_URL (the running bot), RASA_API_TOKEN (to load a
new model into the running Rasa server; `make run` enables Rasa's API when it is set).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from typing import List, Optional

import settings
from studio.app import create_app
from studio.auth import credentials_from_environment


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default=settings.get("LOTSE_HOST"))
    parser.add_argument("--port", type=int, default=settings.get_int("STUDIO_PORT"))
    args = parser.parse_args(argv)
    credentials = credentials_from_environment(args.host)
    app = create_app(credentials, api_token=os.environ.get("RASA_API_TOKEN") or None)
    print(f"Trainer-Studio: http://{args.host}:{args.port}  (Benutzer: {credentials.user})", flush=True)
    if credentials.generated:
        print(f"Einmaliges Passwort (STUDIO_PASSWORD ist nicht gesetzt): {credentials.password}", flush=True)
    logging.getLogger("sanic.access").setLevel(logging.WARNING)
    app.run(host=args.host, port=args.port, access_log=False, workers=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
