"""`python -m server …` = `rasa …` with the project's changes to Rasa installed first.

Every place that starts the Rasa server (scripts/run.sh, the test servers, the
cluster, the bench) goes through here; the bench also starts stock `rasa` beside it
to show what the changes bring. The changes are listed in server/action_response_validation.py.
"""

import sys

from server.action_response_validation import install

if __name__ == "__main__":
    install()
    from rasa.__main__ import main

    sys.argv[0] = "rasa"
    main()
