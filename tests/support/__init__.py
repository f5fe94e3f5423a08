"""The test harness: the real servers on free ports (servers.py), a cluster of them (cluster.py), an
in-process client for Sanic apps (asgi.py).

Imported by tests/ and by the measurements (measure/); nothing in the product imports it.
"""
