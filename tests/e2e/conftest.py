"""The REST client for end-to-end tests against the servers of `running_bot`."""

from __future__ import annotations

from typing import Dict, List

import pytest
import requests

from tools.launch.local import RunningBot


class Bot:
    """The running bot, spoken to over the REST channel."""

    def __init__(self, rasa_url: str) -> None:
        self.url = f"{rasa_url}/webhooks/rest/webhook"

    def ask(self, sender: str, message: str) -> List[Dict]:
        response = requests.post(self.url, json={"sender": sender, "message": message}, timeout=30)
        response.raise_for_status()
        return response.json()

    def text(self, sender: str, message: str) -> str:
        return "\n".join(m.get("text", "") for m in self.ask(sender, message))


@pytest.fixture(scope="session")
def bot(running_bot: RunningBot) -> Bot:
    return Bot(running_bot.rasa_url)
