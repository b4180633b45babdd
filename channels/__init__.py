"""Rasa input channels that survive bad input and never leave a user in silence.

Registered in credentials.yml by module path (`channels.rest.SafeRestInput`,
`channels.socketio.SafeSocketIOInput`); their `name()` stays "rest" / "socketio", so
the URLs (/webhooks/rest/webhook, /socket.io) do not change.

- limits.py   what clients may send; text cleaning and the 1000-character cut
- replies.py  the German texts the channels send themselves
- guard.py    runs Rasa on a text and sends a German fault message when Rasa sent nothing
- rest.py, socketio.py   the two channels
"""
