"""Tracker and lock stores of the Rasa server, configured by environment variables.

`endpoints.yml` names these classes; `TRACKER_STORE_URL` and `LOCK_STORE_URL` pick the
backend (SQLite and in-memory by default, PostgreSQL and Redis for several servers).
"""
