"""The deployment files (deploy/): parsed and cross-checked, since Docker and Kubernetes cannot run here.

- deploy/docker-compose.yml: the services (rasa x2, action server x2, postgres, redis, nginx, web),
  the image built from deploy/Dockerfile, every `${VAR}` documented in deploy/.env.example, no
  secret written in the file, required secrets marked `:?`, each Rasa replica pointing at an action
  server that exists, store URLs that server/launcher.py accepts and that name the compose services,
  only nginx publishing ports, the action servers and databases on an internal network;
- deploy/nginx.conf: upstreams are the compose services, sticky socket.io, and `nginx -t` accepts it
  (service names replaced by 127.0.0.1) when nginx is installed;
- deploy/Dockerfile: python:3.10-slim, installs requirements.lock, copies only what exists, runs as
  a user without privileges, starts server/launcher.py;
- deploy/helm/values.yml: the keys exist in Rasa's official chart (1.17.x), 2 replicas, PostgreSQL,
  the Redis lock store with our atomic lock store class, the action server, the token from an
  existing Secret, the exact CORS origin;
- deploy/.env is ignored by git.
"""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
COMPOSE = yaml.safe_load((DEPLOY / "docker-compose.yml").read_text())
VALUES = yaml.safe_load((DEPLOY / "helm" / "values.yml").read_text())
ENV_EXAMPLE = dict(line.split("=", 1) for line in (DEPLOY / ".env.example").read_text().splitlines()
                   if line.strip() and not line.startswith("#"))
SERVICES = COMPOSE["services"]
VAR = re.compile(r"\$\{([A-Z0-9_]+)(?::?[-?][^}]*)?\}")
SECRET_NAMES = ("RASA_TOKEN", "RASA_JWT_SECRET", "POSTGRES_PASSWORD", "REDIS_PASSWORD")


def substitute(value, env=None):
    """What compose does with ${VAR}, ${VAR:-default}, ${VAR:?message}, using .env.example's values."""
    env = ENV_EXAMPLE if env is None else env

    def one(match):
        name, rest = match.group(1), match.group(0)[len(match.group(1)) + 2:-1]
        if env.get(name):
            return env[name]
        return rest[2:] if rest.startswith(":-") else ""
    return VAR.sub(one, str(value))


def test_compose_has_the_services_of_a_cluster():
    assert {"rasa-1", "rasa-2", "actions-1", "actions-2", "postgres", "redis", "nginx"} <= set(SERVICES)
    for name in ("rasa-1", "rasa-2", "actions-1", "actions-2", "web"):
        service = SERVICES[name]
        assert service["build"] == {"context": "..", "dockerfile": "deploy/Dockerfile"}
        assert (DEPLOY / service["build"]["context"] / service["build"]["dockerfile"]).resolve() == \
            (DEPLOY / "Dockerfile").resolve()
        command = service["command"]
        assert command[:3] == ["python", "-m", "server"] and (ROOT / "server" / "__main__.py").exists()
        from server.launcher import parse_only

        assert parse_only(command[3:]) == [command[4]]


def test_every_compose_variable_is_documented_and_no_secret_is_written_down():
    text = (DEPLOY / "docker-compose.yml").read_text()
    used = set(VAR.findall(text))
    assert used <= set(ENV_EXAMPLE), used - set(ENV_EXAMPLE)
    for name in ("RASA_TOKEN", "POSTGRES_PASSWORD", "REDIS_PASSWORD", "WEB_ORIGINS"):
        assert re.search(r"\$\{%s:\?" % name, text), f"{name} must be required (${{{name}:?...}})"
    for service in SERVICES.values():
        for key, value in (service.get("environment") or {}).items():
            if any(word in key for word in ("TOKEN", "PASSWORD", "SECRET")):
                assert "${" in str(value), f"{key} is written in the compose file"
    # the example values are placeholders, not secrets someone could reuse
    for name in SECRET_NAMES:
        assert ENV_EXAMPLE[name] in ("", "change-me-openssl-rand-hex-24")


def test_env_file_is_ignored_by_git():
    ignored = subprocess.run(["git", "check-ignore", "-q", "deploy/.env"], cwd=ROOT)
    assert ignored.returncode == 0
    assert not (DEPLOY / ".env").exists() or subprocess.run(
        ["git", "ls-files", "--error-unmatch", "deploy/.env"], cwd=ROOT, capture_output=True).returncode != 0


def test_each_rasa_replica_uses_its_own_existing_action_server_and_the_shared_stores():
    from server.endpoints import lock_store_config, tracker_store_config

    seen = set()
    for name in ("rasa-1", "rasa-2"):
        env = {k: substitute(v) for k, v in SERVICES[name]["environment"].items()}
        action_host = re.match(r"http://([^:/]+):5055/webhook$", env["ACTION_SERVER_URL"]).group(1)
        assert action_host in SERVICES and SERVICES[action_host]["command"][-1] == "actions"
        seen.add(action_host)
        tracker = tracker_store_config(env["TRACKER_STORE_URL"])
        assert tracker["dialect"] == "postgresql" and tracker["url"] == "postgres" and tracker["db"] == "rasa"
        assert tracker["password"] == ENV_EXAMPLE["POSTGRES_PASSWORD"]
        lock = lock_store_config(env["LOCK_STORE_URL"])
        assert lock["type"] == "channels.lock_store.AtomicRedisLockStore" and lock["url"] == "redis"
        assert lock["password"] == ENV_EXAMPLE["REDIS_PASSWORD"]
        assert env["WEB_ORIGINS"] == ENV_EXAMPLE["WEB_ORIGINS"] and "*" not in env["WEB_ORIGINS"]
        assert env["BIND_HOST"] == "0.0.0.0"
        assert set(SERVICES[name]["networks"]) == {"frontend", "backend"}
    assert seen == {"actions-1", "actions-2"}
    # both replicas: the same image (same model), the same stores
    assert SERVICES["rasa-1"]["image"] == SERVICES["rasa-2"]["image"]


def test_only_nginx_publishes_ports_and_the_backend_is_internal():
    assert COMPOSE["networks"]["backend"]["internal"] is True
    for name, service in SERVICES.items():
        if name != "nginx":
            assert "ports" not in service, name
    for name in ("actions-1", "actions-2", "postgres", "redis"):
        assert SERVICES[name]["networks"] == ["backend"], name
    for volume in SERVICES["nginx"]["volumes"]:
        assert (DEPLOY / volume.split(":")[0]).exists()


def test_nginx_conf_points_at_the_services_and_is_valid(tmp_path):
    conf = (DEPLOY / "nginx.conf").read_text()
    upstreams = dict(re.findall(r"upstream (\w+) \{(.*?)\}", conf, re.S))
    for name in ("rasa", "rasa_socketio"):
        hosts = re.findall(r"server ([\w-]+):(\d+)", upstreams[name])
        assert hosts == [("rasa-1", "5005"), ("rasa-2", "5005")]
    assert "ip_hash" in upstreams["rasa_socketio"] and "ip_hash" not in upstreams["rasa"]
    assert re.findall(r"server ([\w-]+):(\d+)", upstreams["web"]) == [("web", "8080")]
    assert "$request_uri" not in conf and "$args" not in conf  # tokens in query strings stay out of logs
    nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if not nginx:
        pytest.skip("nginx not installed (scripts/setup_system.sh): syntax not checked")
    local = re.sub(r"server (rasa-1|rasa-2|web):", "server 127.0.0.1:", conf)
    local = local.replace("/dev/stdout", "/dev/null").replace("/dev/stderr", "/dev/null")
    (tmp_path / "nginx.conf").write_text(local)
    check = subprocess.run([nginx, "-t", "-q", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf"),
                            "-g", f"pid {tmp_path}/nginx.pid;"], capture_output=True, text=True)
    if "Permission denied" in check.stderr:
        pytest.skip("nginx -t needs root here")
    assert check.returncode == 0, check.stderr


def test_dockerfile_builds_this_project_on_python_310_slim():
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    stages = re.findall(r"^FROM (\S+)", dockerfile, re.M)
    assert stages and all(image == "python:3.10-slim" for image in stages)
    assert "pip install --no-deps -r requirements.lock" in dockerfile and "pip check" in dockerfile
    for line in re.findall(r"^COPY (?!--from)(.+)$", dockerfile, re.M):
        for source in line.split()[:-1]:
            if not source.startswith("--"):
                assert (ROOT / source).exists(), source
    assert re.search(r"^USER (?!root|0\b)\S+", dockerfile, re.M)
    assert 'CMD ["python", "-m", "server", "--only", "rasa"]' in dockerfile
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {".venv", "models", "var", ".git", "deploy/.env"} <= set(ignored)


# Keys of Rasa's official chart "rasa" 1.17.x values.yaml (and its rasa-action-server subchart) that
# deploy/helm/values.yml may set; a key outside these would be silently ignored by the chart.
CHART_KEYS = {
    "registry", "image", "replicaCount", "applicationSettings", "command", "args", "extraArgs", "extraEnv",
    "nginx", "ingress", "networkPolicy", "global", "postgresql", "redis", "rasa-action-server", "resources",
    "autoscaling", "service", "podSecurityContext", "securityContext", "livenessProbe", "readinessProbe",
}
APPLICATION_SETTINGS = {"debugMode", "initialModel", "trainInitialModel", "port", "scheme", "token", "cors",
                        "enableAPI", "credentials", "telemetry", "endpoints", "rasaX"}
ENDPOINTS = {"models", "trackerStore", "lockStore", "eventBroker", "action", "additionalEndpoints"}


def test_helm_values_use_the_charts_keys():
    assert set(VALUES) <= CHART_KEYS, set(VALUES) - CHART_KEYS
    assert set(VALUES["applicationSettings"]) <= APPLICATION_SETTINGS
    assert set(VALUES["applicationSettings"]["endpoints"]) <= ENDPOINTS
    assert set(VALUES["image"]) <= {"name", "tag", "repository", "pullPolicy", "pullSecrets"}


def test_helm_values_deploy_a_hardened_cluster():
    settings = VALUES["applicationSettings"]
    assert VALUES["replicaCount"] >= 2
    assert VALUES["postgresql"]["install"] and settings["endpoints"]["trackerStore"]["dialect"] == "postgresql"
    lock = settings["endpoints"]["lockStore"]
    assert lock["enabled"] and lock["type"] == "channels.lock_store.AtomicRedisLockStore"
    assert VALUES["redis"]["install"] and VALUES["redis"]["auth"]["existingSecret"]
    assert VALUES["rasa-action-server"]["install"] and VALUES["rasa-action-server"]["replicaCount"] >= 2
    assert VALUES["rasa-action-server"]["image"]["repository"] == VALUES["image"]["repository"]
    # the token: from an existing Secret, through an env var our args use; no token in the values
    assert "token" not in settings
    env = {e["name"]: e for e in VALUES["extraEnv"]}
    args = VALUES["args"]
    token_var = re.fullmatch(r"\$\((\w+)\)", args[args.index("--auth-token") + 1]).group(1)
    secret = env[token_var]["valueFrom"]["secretKeyRef"]
    assert secret["name"] == VALUES["global"]["postgresql"]["existingSecret"] == VALUES["redis"]["existingSecret"]
    jwt_var = re.fullmatch(r"\$\((\w+)\)", args[args.index("--jwt-secret") + 1]).group(1)
    assert env[jwt_var]["valueFrom"]["secretKeyRef"]["name"] == secret["name"]
    # the exact CORS origin, the same everywhere
    origin = args[args.index("--cors") + 1]
    assert origin.startswith("https://") and "*" not in origin
    assert settings["cors"] == origin == env["WEB_ORIGINS"]["value"]
    # our channels and the model inside the image
    assert set(settings["credentials"]["additionalChannelCredentials"]) == {
        "channels.rest.CheckedRestInput", "channels.socketio.OriginCheckedSocketIOInput"}
    assert args[args.index("--model") + 1] == "/app/models/current.tar.gz" and not settings["initialModel"]
    # sticky sessions for socket.io at the ingress
    assert VALUES["ingress"]["annotations"]["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    text = (DEPLOY / "helm" / "values.yml").read_text()
    assert "rasaToken" not in text and "password: \"" not in text


def test_the_network_policy_lets_only_rasa_reach_the_action_servers():
    policy = yaml.safe_load((DEPLOY / "helm" / "networkpolicy.yml").read_text())
    assert policy["kind"] == "NetworkPolicy"
    assert policy["spec"]["podSelector"]["matchLabels"]["app.kubernetes.io/name"] == "rasa-action-server"
    rule = policy["spec"]["ingress"][0]
    assert rule["from"] == [{"podSelector": {"matchLabels": {"app.kubernetes.io/name": "rasa"}}}]
    assert rule["ports"] == [{"protocol": "TCP", "port": 5055}]
