"""The studio's pages and what each form does; one route per thing a trainer does.

Every request needs the login (studio/auth.py); every change also needs the form
token and is written to the change log (studio/records.py) with the user's name.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any, Dict, List, Optional

import requests
import yaml
from jinja2 import Environment, FileSystemLoader, select_autoescape
from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse, html, redirect

import settings
from actions.knowledge import KINDS, TRAINER_ASKED, knowledge_file_path
from studio.auth import Credentials, form_token_ok, user_of
from studio.editor import LINE_FIELDS, TEXT_FIELDS, Editor, WordEditor, form_values
from studio.inbox_view import find_group, group_key, load_inbox, text_key, texts_of, week_rows
from studio.publish import Publisher
from studio.records import Decisions, add_studio_examples, changes, log_change

HERE = Path(__file__).resolve().parent
LABELS = yaml.safe_load((HERE / "labels.yml").read_text(encoding="utf-8"))


def _form(request: Request) -> Dict[str, Any]:
    """The posted form: lists for checkbox groups, text otherwise."""
    form = request.form or {}
    return {key: (form.getlist(key) if key in ("target_groups", "topics") else form.get(key)) for key in form}


def create_app(credentials: Credentials, knowledge: Optional[Path] = None, rasa_url: Optional[str] = None,
               api_token: Optional[str] = None, name: str = "studio") -> Sanic:
    app = Sanic(name)
    templates = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape())
    editor = Editor(knowledge or knowledge_file_path())
    words = WordEditor(editor)
    decisions = Decisions()
    rasa = (rasa_url or settings.get("RASA_URL")).rstrip("/")
    publisher = Publisher(rasa, api_token)
    chats: Dict[str, List[Dict[str, str]]] = {}

    def page(request: Request, template: str, status: int = 200, **values: Any) -> HTTPResponse:
        body = templates.get_template(template).render(
            user=request.ctx.user, token=credentials.form_token, labels=LABELS, path=request.path, **values)
        return html(body, status=status)

    @app.middleware("request")
    async def login_required(request: Request) -> Optional[HTTPResponse]:
        request.ctx.user = user_of(request.headers.get("authorization"), credentials)
        if request.ctx.user is None:
            body = templates.get_template("login.html").render()
            return html(body, status=401, headers={"WWW-Authenticate": 'Basic realm="Trainer-Studio", charset="UTF-8"'})
        if request.method == "POST" and not form_token_ok((request.form or {}).get("token"), credentials):
            return html("Das Formular ist abgelaufen: bitte die Seite neu laden.", status=403)
        return None

    @app.get("/")
    async def inbox(request: Request) -> HTTPResponse:
        current = load_inbox(decisions)
        directory = editor.view()
        partners = [(str(p["id"]), str(p["name"])) for p in directory["partners"]]
        return page(request, "inbox.html", inbox=current, key=group_key, weeks=week_rows(current),
                    partners=partners, asked=TRAINER_ASKED, intents=list(LABELS["intents"]),
                    done=request.args.get("done"))

    @app.post("/inbox/<key>")
    async def decide(request: Request, key: str) -> HTTPResponse:
        group = find_group(load_inbox(decisions), key)
        if group is None:
            return redirect("/?done=schon+erledigt")
        form, user = _form(request), request.ctx.user
        texts, decision = texts_of(group), str(form.get("decision") or "")
        if decision == "partner":
            partner_id, asked = str(form.get("partner") or ""), str(form.get("asked") or "")
            saved = editor.add_questions(partner_id, asked, texts)
            if not saved.ok:
                return html(f"Nicht gespeichert: {saved.problems}", status=400)
            note = f"{len(texts)} Frage(n) beantwortet jetzt {partner_id} ({asked}), ohne Training"
        elif decision in ("intent", "out_of_scope"):
            intent = "out_of_scope" if decision == "out_of_scope" else str(form.get("intent") or "")
            if intent not in LABELS["intents"]:
                return html("Bitte eine Frageart wählen.", status=400)
            add_studio_examples(intent, texts)
            note = f"{len(texts)} Beispiel(e) für {intent} in data/nlu/studio.yml; wirkt nach „Trainieren und prüfen“"
        elif decision == "ignore":
            note = f"{len(texts)} Frage(n) ignoriert"
        else:
            return html("Bitte eine Entscheidung wählen.", status=400)
        decisions.record([text_key(text) for text in texts], decision, user)
        log_change(user, "Posteingang", {"decision": decision, "texts": texts, "form": {
            k: v for k, v in form.items() if k in ("partner", "asked", "intent")}})
        return redirect("/?done=" + requests.utils.quote(note))

    @app.get("/partners")
    async def partner_list(request: Request) -> HTTPResponse:
        entries = [(str(p["id"]), str(p["name"]), str(p.get("kind") or "")) for p in editor.view()["partners"]]
        return page(request, "partners.html", entries=entries, saved=request.args.get("saved"))

    def editor_page(request: Request, partner_id: Optional[str], values: Dict[str, Any],
                    problems: Optional[Dict[str, List[str]]] = None, status: int = 200) -> HTTPResponse:
        return page(request, "partner.html", status=status, partner_id=partner_id, values=values,
                    problems=problems or {}, text_fields=TEXT_FIELDS, line_fields=LINE_FIELDS, kinds=KINDS,
                    vocabulary=editor.vocabulary(), chat=chats.get(request.ctx.user, []))

    @app.get("/partners/<partner_id>")
    async def edit(request: Request, partner_id: str) -> HTTPResponse:
        entry = editor.entry(partner_id) if partner_id != "neu" else {}
        if entry is None:
            return html("Diesen Eintrag gibt es nicht.", status=404)
        return editor_page(request, None if partner_id == "neu" else partner_id, form_values(entry))

    @app.post("/partners/<partner_id>")
    async def save(request: Request, partner_id: str) -> HTTPResponse:
        form = _form(request)
        target = None if partner_id == "neu" else partner_id
        saved = editor.save(target, form)
        if not saved.ok:
            values = {**form_values({}), **{k: v for k, v in form.items() if k != "token"}}
            return editor_page(request, target, values, saved.problems, status=400)
        saved_id = target or str(form.get("id"))
        log_change(request.ctx.user, "Partner gespeichert", {"partner": saved_id, "new": target is None})
        return redirect(f"/partners?saved={saved_id}")

    @app.get("/words")
    async def word_list(request: Request) -> HTTPResponse:
        return page(request, "words.html", entries=words.entries(), saved=request.args.get("saved"))

    @app.get("/words/<section>/<entry_id>")
    async def word_form(request: Request, section: str, entry_id: str) -> HTTPResponse:
        values = words.values(section, entry_id)
        if values is None:
            return html("Diesen Eintrag gibt es nicht.", status=404)
        return page(request, "word.html", section=section, entry_id=entry_id, values=values,
                    languages=words.languages(), problems={}, chat=chats.get(request.ctx.user, []))

    @app.post("/words/<section>/<entry_id>")
    async def word_save(request: Request, section: str, entry_id: str) -> HTTPResponse:
        form = _form(request)
        saved = words.save(section, entry_id, form)
        if not saved.ok:
            return page(request, "word.html", status=400, section=section, entry_id=entry_id,
                        values={k: v for k, v in form.items() if k != "token"}, languages=words.languages(),
                        problems=saved.problems, chat=chats.get(request.ctx.user, []))
        log_change(request.ctx.user, "Wörter gespeichert", {"section": section, "entry": entry_id})
        return redirect(f"/words?saved={entry_id}")

    @app.post("/try")
    async def try_it(request: Request) -> HTTPResponse:
        """The chat panel: one message to the running bot over its REST channel."""
        message = str((request.form or {}).get("message") or "").strip()
        back = str((request.form or {}).get("back") or "/partners")
        if message:
            def ask() -> str:
                try:
                    answer = requests.post(f"{rasa}/webhooks/rest/webhook", timeout=60,
                                           json={"sender": f"studio-{request.ctx.user}", "message": message})
                    return "\n".join(m.get("text") or "" for m in answer.json()) or "(keine Antwort)"
                except (requests.RequestException, ValueError) as error:
                    return f"Der Bot ist nicht erreichbar ({rasa}): {type(error).__name__}. Läuft `make run`?"
            chats.setdefault(request.ctx.user, []).append({"question": message, "answer": await asyncio.to_thread(ask)})
        return redirect(back if back.startswith("/") else "/partners")

    @app.get("/try")
    async def try_page(request: Request) -> HTTPResponse:
        return page(request, "try.html", chat=chats.get(request.ctx.user, []))

    @app.post("/publish")
    async def publish(request: Request) -> HTTPResponse:
        publisher.start(request.ctx.user)
        return redirect("/publish")

    @app.get("/publish")
    async def publish_page(request: Request) -> HTTPResponse:
        return page(request, "publish.html", run=publisher.current)

    @app.get("/changes")
    async def change_log(request: Request) -> HTTPResponse:
        return page(request, "changes.html", entries=changes())

    return app
