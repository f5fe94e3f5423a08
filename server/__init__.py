"""What runs in production: the launcher, the three servers, their configuration files, Rasa's patches.

`python -m server` (server/__main__.py, what `make run` and the Dockerfile start) runs server/launcher.py,
which writes the endpoints and credentials files (server/endpoints.py) and starts, as child processes,
the action server (server/action_server.py), the Rasa server (server/rasa_server.py, which applies
server/rasa_patches.py) and the web page server (server/web_server.py).
"""
