"""server/rasa_patches.py: one explicit install, on the Rasa version it was written for, and the app Rasa
builds gets the hooks whatever channels are configured; checked in process (tests/support/asgi.py)."""

import jwt
import pytest
import rasa.core.run
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.events import Event

from server import rasa_patches, speedups
from tests.support.asgi import AsgiClient

TOKEN = "unit-token"


@pytest.mark.parametrize("other", ["3.6.20", "3.7.0", "3.6.21rc1", "4.0.0"])
def test_another_rasa_version_stops_the_start(other):
    with pytest.raises(rasa_patches.UnsupportedRasa) as stopped:
        rasa_patches.check_rasa_version(other)
    assert other in str(stopped.value) and rasa_patches.RASA_VERSION in str(stopped.value)
    assert isinstance(stopped.value, SystemExit)  # a start that stops, with the message, not a traceback


def test_the_installed_rasa_is_the_one_the_patches_were_written_for():
    assert rasa_patches.check_rasa_version() == rasa_patches.RASA_VERSION
    lock = open(rasa_patches.__file__.replace("server/rasa_patches.py", "requirements.lock")).read().split()
    assert f"rasa=={rasa_patches.RASA_VERSION}" in lock


def test_importing_patches_nothing_and_install_patches_once():
    import importlib

    importlib.reload(rasa_patches)  # importing again changes nothing
    rasa_patches.install()
    rasa_patches.install()
    assert rasa.core.run.configure_app.__wrapped__.__module__ == "rasa.core.run"  # wrapped once, Rasa's inside
    assert RemoteAction._validate_action_result is speedups._validate_action_result
    assert Event.__dict__["resolve_by_type"].__func__ is speedups._resolve_by_type


@pytest.fixture(scope="module")
def client():
    """The app `rasa run --enable-api` builds (no channel at all, no model) with the patches installed,
    started once in process (a Sanic app starts once)."""
    rasa_patches.install()
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SANIC_KEEP_ALIVE_TIMEOUT", "5")
        app = rasa.core.run.configure_app(input_channels=[], enable_api=True, auth_token=TOKEN,
                                          jwt_secret="unit-secret", jwt_method="HS256")
        with AsgiClient(app) as running:
            yield running


def test_the_hooks_do_not_depend_on_a_channel(client):
    for body in (b"{}", b"null", b'{"text": 5}', b"not json"):
        answer = client.request("POST", f"/model/parse?token={TOKEN}", body=body)
        assert answer.status == 400, (body, answer.status, answer.text)
        assert answer.json()["reason"] == "BadRequest"
    assert answer.json()["message"].startswith("The body must be a JSON object with a text")


def test_a_jwt_signed_with_another_method_is_a_401_not_a_500(client):
    forged = jwt.encode({"user": {"username": "x", "role": "admin"}}, "unit-secret", algorithm="HS512")
    answer = client.get("/status", headers={"Authorization": f"Bearer {forged}"})
    assert answer.status == 401 and answer.json()["reason"] == "NotAuthenticated"


def test_the_keep_alive_timeout_follows_the_environment_not_rasas_120_s(client):
    assert client.app.config.KEEP_ALIVE_TIMEOUT == 5.0
