"""Open-loop load for `make bench`: residents arrive at a fixed rate and ask one question each turn.

Runs in its own virtual environment (build/locust-venv, tools/load/requirements.lock),
apart from Rasa's, so the load generator's packages never touch the bot's. Each
simulated resident sends at most one message per second (locust's
constant_throughput), whatever the answer time: with N residents that is a fixed
arrival rate of N messages per second as long as answers take under a second, which
is what open loop means here (a slow server does not slow the arrivals down).
The question and the text a right answer contains come from the environment
(LOTSE_QUESTION, LOTSE_EXPECT), set by tools/bench.py from the knowledge file.
"""

import os
import uuid

from locust import HttpUser, constant_throughput, task

QUESTION = os.environ.get("LOTSE_QUESTION", "Hallo")
EXPECT = os.environ.get("LOTSE_EXPECT", "")
TURNS_PER_RESIDENT = 10


class Resident(HttpUser):
    wait_time = constant_throughput(1)

    def on_start(self) -> None:
        self.sender, self.turns = f"locust-{uuid.uuid4().hex[:12]}", 0

    @task
    def ask(self) -> None:
        if self.turns == TURNS_PER_RESIDENT:  # a new resident, as in the closed-loop runs
            self.on_start()
        self.turns += 1
        with self.client.post("/webhooks/rest/webhook", json={"sender": self.sender, "message": QUESTION},
                              name="action answer", catch_response=True) as response:
            texts = " ".join(m.get("text") or "" for m in (response.json() if response.ok else []))
            if not response.ok or EXPECT not in texts:
                response.failure(f"HTTP {response.status_code}, expected text missing")
