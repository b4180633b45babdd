"""Open-loop load for `make bench`: residents arrive at a fixed rate and ask one question each turn.

Runs in its own virtual environment (build/locust-venv, tools/load/requirements.lock),
apart from Rasa's, so the load generator's packages never touch the bot's. Each
simulated resident asks once per second on a fixed schedule of its own, whatever the
answer time: with N residents that is a fixed arrival rate of N messages per second as
long as answers take under a second, which is what open loop means here (a slow server
does not slow the arrivals down). The schedules are spread: each resident starts at a
random moment of its first second. Locust's constant_throughput cannot do that: it
starts all users of a spawn step in the same instant and its first wait takes back any
delay in on_start, so every resident asked in the same millisecond of each second, a
burst of N messages per second instead of N spread over it (measured 2026-11-27: five
residents at 1/s each, p50 110 ms instead of 35 ms, the answers queued behind the burst).
The question and the text a right answer contains come from the environment
(LOTSE_QUESTION, LOTSE_EXPECT), set by tools/bench.py from the knowledge file.
"""

import os
import random
import time
import uuid

import gevent
from locust import HttpUser, task

QUESTION = os.environ.get("LOTSE_QUESTION", "Hallo")
EXPECT = os.environ.get("LOTSE_EXPECT", "")
TURNS_PER_RESIDENT = 10


class Resident(HttpUser):
    def on_start(self) -> None:
        gevent.sleep(random.random())  # this resident's moment within each second
        self.next_question_at = time.monotonic()
        self.new_resident()

    def wait_time(self) -> float:
        """Until this resident's next second: a fixed schedule, not a pause after the answer."""
        self.next_question_at += 1.0
        return max(0.0, self.next_question_at - time.monotonic())

    def new_resident(self) -> None:
        self.sender, self.turns = f"locust-{uuid.uuid4().hex[:12]}", 0

    @task
    def ask(self) -> None:
        if self.turns == TURNS_PER_RESIDENT:  # a new resident, as in the closed-loop runs
            self.new_resident()
        self.turns += 1
        with self.client.post("/webhooks/rest/webhook", json={"sender": self.sender, "message": QUESTION},
                              name="action answer", catch_response=True) as response:
            texts = " ".join(m.get("text") or "" for m in (response.json() if response.ok else []))
            if not response.ok or EXPECT not in texts:
                response.failure(f"HTTP {response.status_code}, expected text missing")
