"""`python -m server …` = `rasa …` with the project's changes to Rasa installed first.

Every place that starts the Rasa server (the Procfile of `make run`, the test servers, the
cluster, the bench) goes through here; the bench also starts stock `rasa` beside it
to show what the changes bring. The changes, each documented in its module:
- server/action_response_validation.py: action responses validated with a validator built once;
- server/turn_bounded_sessions.py: a new session (slots carried) every 10 user messages;
- server/event_types.py: an event's class found in a table built once, not by a scan per event.
"""

import sys

from server import action_response_validation, event_types, turn_bounded_sessions

if __name__ == "__main__":
    action_response_validation.install()
    turn_bounded_sessions.install()
    event_types.install()
    from rasa.__main__ import main

    sys.argv[0] = "rasa"
    main()
