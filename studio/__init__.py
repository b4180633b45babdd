"""The trainer studio: from an unanswered question to a better bot, in the browser.

A Sanic app (Sanic comes with Rasa) with server-rendered pages (Jinja2, also already
installed) and almost no JavaScript. It reads the conversations from the tracker
store, edits the knowledge file in place (round-trip YAML keeps its comments), writes
training examples to data/nlu/studio.yml, and publishes a retrained model only when
the evaluation is not worse. `make studio` starts it; see docs/trainer-guide.md.
"""
