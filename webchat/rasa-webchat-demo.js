/* Starts rasa-webchat (webchat/node_modules/rasa-webchat, pinned in package.json) against this assistant. */
(function () {
  "use strict";
  var holder = document.getElementById("rasa-webchat");
  var server = (holder.getAttribute("data-server") || "").replace(/\/+$/, "");
  window.WebChat.default({
    selector: "#rasa-webchat",
    socketUrl: server,
    socketPath: "/socket.io/",
    initPayload: "/greet",
    title: "Liver scan information",
    subtitle: "General information, not a diagnosis",
    inputTextFieldHint: "Type a message...",
    params: { storage: "session" },
    customData: { language: "en" },
    showFullScreenButton: false,
    embedded: false
  }, null);
})();
