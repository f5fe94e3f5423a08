/*!
 * Chat widget of the liver calcification information assistant.
 *
 * Embed (one line):
 *   <script src="http://HOST:WEB_PORT/widget.js" data-server="http://HOST:RASA_PORT" defer></script>
 * Options: data-open="true" opens the chat at page load; data-title="..." names it;
 * data-transports="polling" uses HTTP long-polling only (networks that block websockets; the
 * default "websocket,polling" tries websocket first and falls back to polling).
 *
 * Talks to Rasa's socket.io channel (session_request / session_confirm /
 * user_uttered / bot_uttered, session persistence). The session id and the
 * transcript are kept in localStorage (24 h) so a reload finds the conversation.
 * Loads only files from its own server (widget.css, vendor/socket.io.min.js)
 * and connects only to data-server. Bot and user text is always inserted with
 * textContent; links are built as DOM nodes for http(s) URLs only.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script || window.LiverChatWidget) {
    return;
  }

  var BASE = new URL(".", script.src);
  var SERVER = (script.getAttribute("data-server") || "").trim().replace(/\/+$/, "") ||
    BASE.protocol + "//" + BASE.hostname + ":5005";
  var START_OPEN = ["true", "1", "open", ""].indexOf(script.getAttribute("data-open")) !== -1;
  var TITLE = script.getAttribute("data-title") || "Liver scan information";
  var TRANSPORTS = (script.getAttribute("data-transports") || "websocket,polling").split(",")
    .map(function (t) { return t.trim(); })
    .filter(function (t) { return t === "websocket" || t === "polling"; });
  if (!TRANSPORTS.length) {
    TRANSPORTS = ["websocket", "polling"];
  }
  var STORAGE_KEY = "lca-chat:" + SERVER;
  var MAX_AGE_MS = 24 * 60 * 60 * 1000;
  var MAX_STORED = 300;
  var MAX_INPUT = 4000;
  var FIRST_PAYLOAD = "/greet"; // a new conversation opens with the disclaimer and a welcome
  var TYPING_TIMEOUT_MS = 20000;

  // ------------------------------------------------------------------ state

  var state = load();
  var socket = null;
  var ready = false; // session confirmed on the current connection
  var pending = []; // messages typed before the session was confirmed
  var typingTimer = null;

  function load() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(STORAGE_KEY) || "null");
      if (saved && typeof saved.sessionId === "string" && Array.isArray(saved.messages) &&
          Date.now() - (saved.updated || 0) < MAX_AGE_MS) {
        return saved;
      }
    } catch (ignored) { /* storage disabled or corrupt: start afresh */ }
    return { sessionId: null, updated: 0, messages: [], open: false };
  }

  function save() {
    state.updated = Date.now();
    if (state.messages.length > MAX_STORED) {
      state.messages = state.messages.slice(-MAX_STORED);
    }
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
    } catch (ignored) { /* private mode or full: the chat still works, without reload memory */ }
  }

  // ------------------------------------------------------------------ DOM helpers

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) {
        return;
      }
      if (name === "text") {
        node.textContent = value;
      } else if (name === "class") {
        node.className = value;
      } else {
        node.setAttribute(name, value === true ? "" : String(value));
      }
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) {
        node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
      }
    });
    return node;
  }

  var URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/g;

  function trimUrl(raw) {
    var url = raw;
    for (;;) {
      var last = url.charAt(url.length - 1);
      if (".,;:!?".indexOf(last) !== -1) {
        url = url.slice(0, -1);
      } else if (last === ")" && (url.split("(").length < url.split(")").length)) {
        url = url.slice(0, -1);
      } else {
        return url;
      }
    }
  }

  /** Append text to node, with http(s) URLs as links (text nodes and <a> only). */
  function appendLinkified(node, text) {
    var index = 0;
    var match;
    URL_PATTERN.lastIndex = 0;
    while ((match = URL_PATTERN.exec(text)) !== null) {
      var raw = trimUrl(match[0]);
      var parsed = null;
      try {
        parsed = new URL(raw);
      } catch (ignored) { /* not a URL after all: stays text */ }
      if (!parsed || (parsed.protocol !== "http:" && parsed.protocol !== "https:")) {
        continue;
      }
      if (match.index > index) {
        node.appendChild(document.createTextNode(text.slice(index, match.index)));
      }
      node.appendChild(el("a", {
        href: parsed.href, target: "_blank", rel: "noopener noreferrer nofollow", class: "lca-link"
      }, [raw, el("span", { class: "lca-sr-only", text: " (opens in a new tab)" })]));
      index = match.index + raw.length;
      URL_PATTERN.lastIndex = index;
    }
    if (index < text.length) {
      node.appendChild(document.createTextNode(text.slice(index)));
    }
  }

  function sourcesBlock(line) {
    var body = line.replace(/^Sources:\s*/, "");
    var list = el("ul", { class: "lca-sources-list" });
    body.split(/;\s+/).forEach(function (part) {
      if (part.trim()) {
        var item = el("li");
        appendLinkified(item, part.trim());
        list.appendChild(item);
      }
    });
    return el("div", { class: "lca-sources" }, [el("p", { class: "lca-sources-label", text: "Sources" }), list]);
  }

  /** The message's text as paragraphs, "- " lists and a sources block. */
  function richText(text) {
    var box = el("div", { class: "lca-text" });
    var list = null;
    var numbered = null;
    String(text).split("\n").forEach(function (line) {
      // "1. Gore 2017: ... https://..." (the Sources answer, the summary's questions): a numbered list.
      var number = /^(\d{1,2})\.\s+(.*)$/.exec(line);
      if (number) {
        if (!numbered) {
          numbered = box.appendChild(el("ol", { class: "lca-list lca-numbered", start: number[1] }));
        }
        var entry = el("li");
        appendLinkified(entry, number[2]);
        numbered.appendChild(entry);
        list = null;
        return;
      }
      numbered = null;
      var bullet = /^(\s*)[-•]\s+(.*)$/.exec(line);
      if (bullet) {
        if (!list) {
          list = box.appendChild(el("ul", { class: "lca-list" }));
        }
        var item = el("li", { class: bullet[1].length ? "lca-indent" : null });
        appendLinkified(item, bullet[2]);
        list.appendChild(item);
        return;
      }
      list = null;
      if (/^Sources:/.test(line)) {
        box.appendChild(sourcesBlock(line));
      } else if (line.trim()) {
        var paragraph = el("p");
        appendLinkified(paragraph, line);
        box.appendChild(paragraph);
      }
    });
    return box;
  }

  function kindOf(message) {
    if (message.from === "user") {
      return "user";
    }
    var text = String(message.text || "").trim();
    if (text.indexOf("\u26A0") === 0) {
      return "alert";
    }
    if (text.indexOf("VISIT SUMMARY") === 0) {
      return "summary";
    }
    if (/^Sources:/.test(text)) {
      return "sources";
    }
    return "bot";
  }

  // ------------------------------------------------------------------ the widget's DOM

  var host = el("div", { id: "lca-chat-widget", class: "lca-host" });
  var root = host.attachShadow ? host.attachShadow({ mode: "open" }) : host;
  var frame = el("div", { class: "lca-frame", hidden: true });
  var sheet = el("link", { rel: "stylesheet", href: new URL("widget.css", BASE).href });
  sheet.addEventListener("load", function () { frame.hidden = false; });
  sheet.addEventListener("error", function () { frame.hidden = false; });

  var launcher = el("button", {
    type: "button", class: "lca-launcher", "aria-expanded": "false", "aria-controls": "lca-panel"
  }, [el("span", { class: "lca-launcher-icon", "aria-hidden": "true", text: "\uD83D\uDCAC" }),
      el("span", { text: "Questions about your scan?" })]);

  var restartButton = el("button", { type: "button", class: "lca-header-button", text: "Start over" });
  var closeButton = el("button", {
    type: "button", class: "lca-header-button lca-close", "aria-label": "Close chat", text: "\u00D7"
  });
  var status = el("p", { class: "lca-status", role: "status", "aria-live": "polite" });
  var log = el("div", {
    class: "lca-log", role: "log", "aria-live": "polite", "aria-relevant": "additions",
    "aria-label": "Conversation", tabindex: "0"
  });
  var typing = el("div", { class: "lca-typing", hidden: true }, [
    el("span", { class: "lca-dot", "aria-hidden": "true" }),
    el("span", { class: "lca-dot", "aria-hidden": "true" }),
    el("span", { class: "lca-dot", "aria-hidden": "true" }),
    el("span", { class: "lca-sr-only", text: "The assistant is typing" })
  ]);
  var input = el("textarea", {
    id: "lca-input", class: "lca-input", rows: "1", maxlength: String(MAX_INPUT),
    placeholder: "Type your message", autocomplete: "off", enterkeyhint: "send"
  });
  var sendButton = el("button", { type: "submit", class: "lca-send", text: "Send" });
  var form = el("form", { class: "lca-composer", novalidate: true }, [
    el("label", { for: "lca-input", class: "lca-sr-only", text: "Your message" }),
    input, sendButton
  ]);
  var hint = el("p", {
    class: "lca-hint", text: "Information, not a diagnosis. In an emergency call your local emergency number."
  });
  var panel = el("section", { id: "lca-panel", class: "lca-panel", "aria-labelledby": "lca-title", hidden: true }, [
    el("header", { class: "lca-header" }, [
      el("div", { class: "lca-heading" }, [
        el("h2", { id: "lca-title", class: "lca-title", text: TITLE }),
        el("p", { class: "lca-subtitle", text: "Health information assistant" })
      ]),
      restartButton, closeButton
    ]),
    status, log, typing, form, hint
  ]);
  frame.appendChild(launcher);
  frame.appendChild(panel);
  root.appendChild(sheet);
  root.appendChild(frame);

  // ------------------------------------------------------------------ rendering

  function clearQuickReplies() {
    Array.prototype.forEach.call(log.querySelectorAll(".lca-quick-replies"), function (group) {
      group.parentNode.removeChild(group);
    });
  }

  function quickReplies(buttons) {
    var group = el("div", { class: "lca-quick-replies", role: "group", "aria-label": "Suggested replies" });
    buttons.forEach(function (button) {
      var choice = el("button", { type: "button", class: "lca-quick-reply", text: button.title });
      choice.addEventListener("click", function () {
        send(button.payload, button.title);
        input.focus();
      });
      group.appendChild(choice);
    });
    return group;
  }

  function printSummary(summaryNode) {
    var html = document.documentElement;
    summaryNode.classList.add("lca-printing");
    host.classList.add("lca-printing");
    html.classList.add("lca-printing");
    var done = function () {
      summaryNode.classList.remove("lca-printing");
      host.classList.remove("lca-printing");
      html.classList.remove("lca-printing");
      window.removeEventListener("afterprint", done);
    };
    window.addEventListener("afterprint", done);
    window.print();
  }

  /** One message as a DOM node; `live` for messages that arrive now (not restored). */
  function renderMessage(message, live, withButtons) {
    var kind = kindOf(message);
    var bubble = el("div", { class: "lca-bubble" }, [
      el("span", { class: "lca-sr-only", text: kind === "user" ? "You said: " : "Assistant: " }),
      kind === "user" ? el("p", { class: "lca-text", text: message.text }) : richText(message.text)
    ]);
    var row = el("div", { class: "lca-msg lca-msg-" + kind }, [bubble]);
    if (kind === "alert") {
      bubble.insertBefore(el("p", { class: "lca-alert-label", text: "Urgent" }), bubble.firstChild.nextSibling);
      if (live) {
        bubble.setAttribute("role", "alert");
      }
    }
    if (kind === "summary") {
      var print = el("button", {
        type: "button", class: "lca-print", "aria-label": "Print the visit summary", text: "Print"
      });
      print.addEventListener("click", function () { printSummary(row); });
      bubble.appendChild(el("div", { class: "lca-summary-actions" }, [print]));
    }
    if (withButtons && message.buttons && message.buttons.length) {
      row.appendChild(quickReplies(message.buttons));
    }
    return row;
  }

  /** Show the reply from its start when it is taller than the view, else the end of the log. */
  function scrollToNew(firstNew) {
    if (firstNew && log.scrollHeight - firstNew.offsetTop > log.clientHeight) {
      log.scrollTop = Math.max(0, firstNew.offsetTop - 8);
    } else {
      log.scrollTop = log.scrollHeight;
    }
  }

  var firstOfTurn = null;

  function addMessage(message, live) {
    if (message.from === "user") {
      clearQuickReplies();
    }
    var node = renderMessage(message, live, message.from === "bot");
    log.appendChild(node);
    state.messages.push(message);
    save();
    if (message.from === "user") {
      firstOfTurn = null;
      log.scrollTop = log.scrollHeight;
    } else {
      firstOfTurn = firstOfTurn || node;
      scrollToNew(firstOfTurn);
    }
    return node;
  }

  function restore() {
    var lastUser = -1;
    state.messages.forEach(function (message, index) {
      if (message.from === "user") {
        lastUser = index;
      }
    });
    state.messages.forEach(function (message, index) {
      log.appendChild(renderMessage(message, false, message.from === "bot" && index > lastUser));
    });
  }

  function setTyping(on) {
    typing.hidden = !on;
    window.clearTimeout(typingTimer);
    if (on) {
      typingTimer = window.setTimeout(function () { typing.hidden = true; }, TYPING_TIMEOUT_MS);
      log.scrollTop = log.scrollHeight;
    }
  }

  function setStatus(text) {
    status.textContent = text || "";
    status.hidden = !text;
  }

  // ------------------------------------------------------------------ conversation

  function emit(payload) {
    socket.emit("user_uttered", { message: payload, session_id: state.sessionId });
  }

  /** Send `payload`; show `shown` (or the payload) as the user's message unless hidden. */
  function send(payload, shown, hidden) {
    payload = String(payload || "").slice(0, MAX_INPUT);
    if (!payload.trim()) {
      return;
    }
    if (!hidden) {
      addMessage({ from: "user", text: shown || payload }, true);
    }
    setTyping(true);
    if (ready) {
      emit(payload);
    } else {
      pending.push(payload);
    }
  }

  function onBotMessage(data) {
    if (!data || typeof data !== "object") {
      return;
    }
    if (data.conversation_deleted === true) {
      forgetTranscript();
      return;
    }
    var text = typeof data.text === "string" ? data.text : "";
    var raw = Array.isArray(data.quick_replies) ? data.quick_replies : (Array.isArray(data.buttons) ? data.buttons : []);
    var buttons = raw.filter(function (b) {
      return b && typeof b.title === "string" && typeof b.payload === "string";
    }).map(function (b) {
      return { title: b.title, payload: b.payload };
    });
    if (!text && !buttons.length) {
      return; // images, custom payloads: not used by this assistant
    }
    setTyping(false);
    addMessage({ from: "bot", text: text, buttons: buttons }, true);
  }

  // "Delete my data": the server has deleted the conversation (channels/privacy.py); the browser's
  // copy goes too. Only the confirmation stays, on screen and in storage.
  function forgetTranscript() {
    var confirmation = state.messages.length ? state.messages[state.messages.length - 1] : null;
    clearQuickReplies();
    log.textContent = "";
    state.messages = [];
    firstOfTurn = null;
    if (confirmation && confirmation.from === "bot") {
      addMessage(confirmation, false);
    } else {
      save();
    }
  }

  function startOver() {
    clearQuickReplies();
    log.textContent = "";
    state.messages = [];
    save();
    send("/restart", null, true);
    input.focus();
  }

  function connect() {
    if (socket) {
      return;
    }
    setStatus("Connecting\u2026");
    var previousIo = window.io;
    var library = el("script", { src: new URL("vendor/socket.io.min.js", BASE).href });
    library.addEventListener("load", function () {
      var io = window.io;
      if (previousIo) {
        window.io = previousIo; // leave the host page's own socket.io alone
      }
      if (typeof io !== "function") {
        setStatus("The chat could not start. Please reload the page.");
        return;
      }
      socket = io(SERVER, {
        path: "/socket.io",
        transports: TRANSPORTS,
        upgrade: TRANSPORTS.indexOf("websocket") !== -1,
        tryAllTransports: TRANSPORTS.length > 1,
        reconnectionDelayMax: 10000
      });
      socket.on("connect", function () {
        ready = false;
        socket.emit("session_request", { session_id: state.sessionId });
      });
      socket.on("session_confirm", function (sessionId) {
        var id = typeof sessionId === "string" ? sessionId : (sessionId && sessionId.session_id);
        if (!id) {
          return;
        }
        var fresh = id !== state.sessionId;
        if (fresh) {
          state.sessionId = id;
          state.messages = [];
          log.textContent = "";
          save();
        }
        ready = true;
        setStatus("");
        if (fresh && !pending.length) {
          send(FIRST_PAYLOAD, null, true);
        }
        pending.splice(0).forEach(emit);
      });
      socket.on("bot_uttered", onBotMessage);
      socket.on("disconnect", function () {
        ready = false;
        setStatus("Connection lost. Trying again\u2026");
      });
      socket.on("connect_error", function () {
        ready = false;
        setStatus("Cannot reach the assistant. Trying again\u2026");
      });
    });
    library.addEventListener("error", function () {
      setStatus("The chat could not be loaded. Please try again later.");
    });
    document.head.appendChild(library);
  }

  function open(focus) {
    panel.hidden = false;
    launcher.hidden = true;
    launcher.setAttribute("aria-expanded", "true");
    host.classList.add("lca-open");
    state.open = true;
    save();
    connect();
    log.scrollTop = log.scrollHeight;
    if (focus) {
      input.focus();
    }
  }

  function close() {
    panel.hidden = true;
    launcher.hidden = false;
    launcher.setAttribute("aria-expanded", "false");
    host.classList.remove("lca-open");
    state.open = false;
    save();
    launcher.focus();
  }

  // ------------------------------------------------------------------ events

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value;
    if (!text.trim()) {
      input.focus();
      return;
    }
    input.value = "";
    autosize();
    send(text);
  });

  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      if (form.requestSubmit) {
        form.requestSubmit();
      } else {
        sendButton.click();
      }
    }
  });

  function autosize() {
    input.style.height = "auto";
    input.style.height = Math.min(input.scrollHeight, 140) + "px";
  }
  input.addEventListener("input", autosize);

  launcher.addEventListener("click", function () { open(true); });
  closeButton.addEventListener("click", close);
  restartButton.addEventListener("click", startOver);
  panel.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      close();
    }
  });

  // ------------------------------------------------------------------ start

  function start() {
    restore();
    setStatus("");
    document.body.appendChild(host);
    if (!document.querySelector("link[data-lca-print]")) {
      // The host page's half of the print styles (hide the page, keep the summary).
      document.head.appendChild(el("link", { rel: "stylesheet", href: sheet.href, "data-lca-print": "" }));
    }
    if (START_OPEN || state.open) {
      open(false);
    }
  }

  window.LiverChatWidget = { open: function () { open(true); }, close: close, startOver: startOver };
  if (document.body) {
    start();
  } else {
    document.addEventListener("DOMContentLoaded", start); // loaded with async or without defer in <head>
  }
})();
