"""server/action_endpoint.py: the raw keep-alive HTTP path answers as aiohttp's client does (Rasa's own
EndpointConfig.request) for each kind of response, and falls back to aiohttp where it does not apply."""

import asyncio
import json

import aiohttp
import pytest
from rasa.utils.endpoints import ClientResponseError, EndpointConfig

from server.action_endpoint import KeepAliveEndpointConfig

class AiohttpOnly(KeepAliveEndpointConfig):
    def _raw_request(self, *args, **kwargs):
        return None


BODY = {"next_action": "action_x", "tracker": {"events": [{"event": "user", "text": "café \ud800"}]}}
RESPONSES = {
    "/length": (b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {n}\r\n\r\n", b'{"events": []}'),
    "/chunked": (b"HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\n"
                 b"Transfer-Encoding: chunked\r\n\r\n", None),
    "/close": (b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nconnection: close\r\n\r\n",
               b'{"events": [{"event": "slot", "name": "a", "value": 1}]}'),
    "/rejected": (b"HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\ncontent-length: {n}\r\n\r\n",
                  b'{"action_name": "action_x", "error": "no"}'),
    "/broken": (b"HTTP/1.1 500 Internal Server Error\r\ncontent-length: {n}\r\n\r\n", b"oops"),
    "/text": (b"HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: {n}\r\n\r\n", b"hello"),
    "/empty": (b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {n}\r\n\r\n", b"  "),
    "/vendor": (b"HTTP/1.1 200 OK\r\ncontent-type: application/vnd.x+json\r\ncontent-length: {n}\r\n\r\n",
                b'["\xc3\xa9"]'),
    "/cut": (b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n", b'{"ev'),
    "/gone": (b"HTTP/1.1 200 OK\r\ncontent-", b""),
}


async def serve(received):
    async def handle(reader, writer):
        while True:
            try:
                head = await reader.readuntil(b"\r\n\r\n")
            except (asyncio.IncompleteReadError, ConnectionError):
                break
            lines = head.decode("latin-1").split("\r\n")
            headers = {line.split(":", 1)[0].lower(): line.split(":", 1)[1].strip() for line in lines[1:] if line}
            body = await reader.readexactly(int(headers.get("content-length", 0)))
            path = lines[0].split(" ")[1]
            received.append((lines[0], headers, body, id(writer)))
            status, content = RESPONSES[path]
            if path == "/chunked":
                writer.write(status + b"5\r\n{\"eve\r\n9;x=1\r\nnts\": []}\r\n0\r\n\r\n")
            else:
                writer.write(status.replace(b"{n}", str(len(content)).encode()) + content)
            await writer.drain()
            if path in ("/close", "/cut", "/gone"):
                break
        writer.close()

    return await asyncio.start_server(handle, "127.0.0.1", 0)


async def outcome(endpoint, path):
    try:
        return "ok", await endpoint.request(json=BODY, method="post", subpath=path.lstrip("/"), timeout=300)
    except ClientResponseError as error:
        return "status", (error.status, error.text)
    except aiohttp.ClientConnectionError as error:  # RemoteAction: "Couldn't connect to the server"
        return "connection", type(error).__name__ if isinstance(error, aiohttp.ServerDisconnectedError) else ""
    except aiohttp.ClientError as error:  # RemoteAction: "Failed to run custom action"
        return "client", type(error).__name__


def test_the_raw_path_answers_as_aiohttp():
    async def main():
        received = []
        server = await serve(received)
        port = server.sockets[0].getsockname()[1]
        ours = KeepAliveEndpointConfig(f"http://127.0.0.1:{port}", headers={"X-Extra": "1"})
        ours_aiohttp = AiohttpOnly(f"http://127.0.0.1:{port}", headers={"X-Extra": "1"})
        theirs = EndpointConfig(f"http://127.0.0.1:{port}", headers={"X-Extra": "1"})
        for path in RESPONSES:
            for _ in range(2):  # the second time on a pooled connection where the server keeps it
                before = len(received)
                expected = await outcome(theirs, path)
                assert await outcome(ours, path) == expected == await outcome(ours_aiohttp, path), path
                rasa, raw, aio = received[before:before + 3]
                assert raw[0] == aio[0] == rasa[0] and raw[2] == aio[2] and json.loads(raw[2]) == BODY
                for name in ("host", "content-type", "content-length", "x-extra", "accept"):
                    assert raw[1].get(name) == aio[1].get(name), name
        assert len({received[1][3], received[4][3]}) == 1  # the raw path's connection kept alive
        assert ours._raw  # the raw path was taken
        await ours.close()
        await ours_aiohttp.close()
        server.close()
        await server.wait_closed()

    asyncio.run(main())


def test_no_server_is_a_connection_error():
    async def main():
        server = await asyncio.start_server(lambda r, w: None, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        server.close()
        await server.wait_closed()
        ours = KeepAliveEndpointConfig(f"http://127.0.0.1:{port}/webhook")
        with pytest.raises(aiohttp.ClientConnectorError):
            await ours.request(json=BODY, method="post", timeout=300)
        await ours.close()

    asyncio.run(main())


@pytest.mark.parametrize("endpoint, kwargs", [
    (KeepAliveEndpointConfig("https://127.0.0.1:1/webhook"), {}),
    (KeepAliveEndpointConfig("http://127.0.0.1:1/webhook", token="t"), {}),
    (KeepAliveEndpointConfig("http://127.0.0.1:1/webhook", basic_auth={"username": "u", "password": "p"}), {}),
    (KeepAliveEndpointConfig("http://127.0.0.1:1/webhook?a=1"), {}),
    (KeepAliveEndpointConfig("http://127.0.0.1:1/webhook"), {"compress": True}),
    (KeepAliveEndpointConfig("http://127.0.0.1:1/webhook"), {"params": {"a": "b"}}),
    (KeepAliveEndpointConfig("http://[::1]:1/webhook"), {}),
])
def test_aiohttp_where_the_raw_path_does_not_apply(endpoint, kwargs):
    compress = kwargs.pop("compress", False)
    assert endpoint._raw_request("post", endpoint.url, {}, compress, {"json": BODY, **kwargs}) is None
