"""Two app servers, one PostgreSQL, one Redis: a quiz whose requests alternate between the
servers completes with the same result as on one server."""

import os
import re
import subprocess
import sys
import uuid
from http.client import HTTPConnection
from http.cookies import SimpleCookie
from urllib.parse import urlencode

import pytest
from django.db import connection

from quiz import engine
from quiz.bank import load_bank
from quiz.models import Quiz, Result
from tests import bank_snapshot
from tests.factories import typical_answers
from tests.servers import ROOT, app_servers, production_env

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql" or not os.environ.get("REDIS_URL"),
        reason="app servers share PostgreSQL and Redis; CI runs this with both",
    ),
]


@pytest.fixture
def servers(tmp_path):
    bank_snapshot.restore()
    db = connection.settings_dict
    env = production_env(
        tmp_path,
        drop={"RATELIMIT_ENABLE"},
        DATABASE_URL=f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
        CACHE_KEY_PREFIX="scale-out-" + uuid.uuid4().hex[:8],
    )
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )
    with app_servers(env, 2) as ports:
        yield ports


class Browser:
    """Just enough of a browser: cookies, and each request to the next server in turn."""

    def __init__(self, ports):
        self.ports = ports
        self.turn = 0
        self.cookies = SimpleCookie()
        self.served_by = []

    def request(self, method, path, data=None):
        port = self.ports[self.turn % len(self.ports)]
        self.turn += 1
        self.served_by.append(port)
        conn = HTTPConnection("127.0.0.1", port, timeout=10)
        headers = {"Cookie": "; ".join(f"{k}={v.value}" for k, v in self.cookies.items())}
        body = None
        if data is not None:
            body = urlencode(data, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        for header in response.headers.get_all("Set-Cookie") or []:
            self.cookies.load(header)
        return response.status, response.getheader("Location"), response.read().decode()


def test_a_quiz_alternating_between_two_app_servers_gets_the_one_server_result(servers):
    quiz = Quiz.objects.get()
    bank = load_bank(quiz)
    answers = typical_answers(bank, "program-manager")
    answers["current-role"] = ("project-manager",)
    questions = {q.slug: q for q in quiz.active_questions()}

    browser = Browser(servers)
    status, _, html = browser.request("GET", "/")
    assert status == 200
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    status, location, _ = browser.request("POST", f"/quiz/{quiz.slug}/start/", {"csrfmiddlewaretoken": token})
    assert status == 302
    for _ in range(len(questions) + 2):
        if "/summary/" in location:
            break
        status, _, html = browser.request("GET", location)
        assert status == 200, html[:500]
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        question = questions[location.rstrip("/").split("/")[-1]]
        value = answers[question.slug]
        if question.kind == "scale":
            posted = [str(value)]
        else:
            posted = [str(question.options.get(slug=slug).pk) for slug in value]
        status, location, html = browser.request(
            "POST", location, {"csrfmiddlewaretoken": token, "answer": posted}
        )
        assert status == 302, html[:500]
    status, _, html = browser.request("GET", location)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    finish = re.search(r'action="(/attempts/[^"]+/finish/)"', html).group(1)
    status, result_url, _ = browser.request("POST", finish, {"csrfmiddlewaretoken": token})
    assert status == 302 and result_url.startswith("/results/")
    status, _, html = browser.request("GET", result_url)
    assert status == 200

    assert set(browser.served_by) == set(servers)
    # What one process gives the same person: the adaptive quiz's questions, then the engine.
    _, given = engine.adaptive.simulate(bank, answers, quiz.adaptive_settings)
    expected = engine.recommend(bank, given)
    stored = Result.objects.get().snapshot
    assert stored["ranking"] == expected["ranking"]
    assert stored["plans"] == expected["plans"]
    assert f'<h1 class="display-6 fw-semibold mb-2">{expected["ranking"][0]["name"]}</h1>' in html
