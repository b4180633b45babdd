"""Scale-out: two Rasa servers share conversations (PostgreSQL) and locks (Redis) behind nginx."""

from __future__ import annotations

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import List

import requests
import socketio

from actions.directory import PartnerDirectory
from actions.knowledge import Partner
from tools.launch.cluster import Cluster


def ask(base_url: str, sender: str, message: str) -> str:
    response = requests.post(f"{base_url}/webhooks/rest/webhook", json={"sender": sender, "message": message},
                             timeout=60)
    assert response.status_code == 200, response.text
    return "\n".join(m.get("text", "") for m in response.json())


def _phoned(directory: PartnerDirectory) -> List[Partner]:
    """Partners with a phone and a web address, so a question and a follow-up both have an exact answer."""
    return [p for p in directory.partners if p.contact_items("phone") and p.contact_items("web")]


def test_nginx_serves_the_widget_page_pointing_at_itself(cluster: Cluster) -> None:
    page = requests.get(f"{cluster.url}/", timeout=10)
    assert page.status_code == 200 and f'socketUrl: "{cluster.url}"' in page.text
    assert requests.get(f"{cluster.url}/widget.js", timeout=10).status_code == 200


def test_follow_up_on_the_other_instance_keeps_the_context(cluster: Cluster, directory: PartnerDirectory) -> None:
    kfi = directory.find_partner("KfI")
    first, second = cluster.rasa_urls
    assert kfi.contact_items("phone")[0].value in ask(first, "wechsel", "Telefonnummer KfI")
    # Instance B has never seen this sender: it must read the conversation from PostgreSQL.
    answer = ask(second, "wechsel", "und das Fax?")
    assert kfi.contact_items("fax")[0].value in answer


def test_a_restarted_rasa_server_keeps_the_conversation(cluster: Cluster, directory: PartnerDirectory) -> None:
    partner = next(p for p in _phoned(directory) if p.short_name)
    first = cluster.rasa_urls[0]
    assert partner.contact_items("phone")[0].value in ask(first, "neustart", f"Telefon {partner.short_name}")
    cluster.restart_rasa(0)
    assert partner.contact_items("web")[0].value in ask(first, "neustart", "Haben die eine Webseite?")


def test_fifty_parallel_conversations_get_only_their_own_answers(cluster: Cluster, directory: PartnerDirectory) -> None:
    """Each conversation names one partner, then asks a follow-up that names none."""
    partners = list(directory.partners)
    failures: List[str] = []
    lock = threading.Lock()

    def conversation(number: int) -> None:
        partner = partners[number % len(partners)]
        sender = f"parallel-{number}-{uuid.uuid4().hex[:6]}"
        first = ask(cluster.url, sender, f"Was macht {partner.name}?")
        follow_up = ask(cluster.url, sender, "Wie erreiche ich die?")
        problems = [f"first answer lacks {partner.display_name}"] if partner.display_name not in first else []
        if partner.display_name not in follow_up:
            problems.append(f"follow-up lacks {partner.display_name}: {follow_up[:80]!r}")
        problems += [f"follow-up names {p.display_name}" for p in partners
                     if p is not partner and p.display_name in follow_up and p.display_name not in partner.display_name]
        if problems:
            with lock:
                failures.append(f"{sender} ({partner.id}): {problems}")

    with ThreadPoolExecutor(max_workers=50) as pool:
        list(pool.map(conversation, range(50)))
    assert not failures, "\n".join(failures)


def test_socketio_long_polling_through_nginx_reaches_one_instance(cluster: Cluster, directory: PartnerDirectory) -> None:
    """rasa-webchat starts with long-polling; without sticky routing its requests would hit the other server."""
    kfi = directory.find_partner("KfI")
    received: List[dict] = []
    answered = threading.Event()
    client = socketio.Client(reconnection=False)

    confirmed = threading.Event()
    client.on("session_confirm", lambda *_: confirmed.set())

    @client.on("bot_uttered")
    def on_bot_uttered(data: dict) -> None:
        received.append(data)
        answered.set()

    session_id = uuid.uuid4().hex
    client.connect(cluster.url, transports=["polling"], socketio_path="socket.io", wait_timeout=20)
    try:
        client.emit("session_request", {"session_id": session_id})
        assert confirmed.wait(20), "no session_confirm"
        for _ in range(3):  # several polling round trips, each of which must reach the same server
            answered.clear()
            client.emit("user_uttered", {"message": "Telefonnummer KfI", "session_id": session_id})
            assert answered.wait(30), "no bot_uttered over socket.io through nginx"
    finally:
        client.disconnect()
    assert all(kfi.contact_items("phone")[0].value in m.get("text", "") for m in received[-3:])
