// Guichet live chat: one script tag on any page. Talks to the Guichet server it came from over
// SignalR. The visitor's conversation is kept by a random token in this browser's storage, so a
// reload shows it again and nobody else can read it. Text is always inserted as text, never HTML.
(function () {
  "use strict";
  var script = document.currentScript;
  var base = script.src.replace(/\/chat\/widget\.js.*$/, "");
  var lang = (navigator.language || "fr").toLowerCase().indexOf("en") === 0 ? "en" : "fr";
  var words = {
    fr: { open: "Discuter avec nous", title: "Service client", placeholder: "Votre message", send: "Envoyer",
          closed: "Nous sommes absents en ce moment ; de retour le {0}. Laissez-nous un message : nous vous répondrons.",
          you: "Vous", failed: "Le message n'est pas parti ; réessayez." },
    en: { open: "Chat with us", title: "Customer service", placeholder: "Your message", send: "Send",
          closed: "We are away right now and back on {0}. Leave us a message: we will answer you.",
          you: "You", failed: "The message was not sent; try again." }
  }[lang];

  function visitorToken() {
    var key = "guichet-visitor";
    var token = window.localStorage.getItem(key);
    if (!token) {
      var bytes = new Uint8Array(24);
      window.crypto.getRandomValues(bytes);
      token = Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
      window.localStorage.setItem(key, token);
    }
    return token;
  }

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text) { node.textContent = text; }
    return node;
  }

  var style = "position:fixed;right:1rem;bottom:1rem;z-index:2147483000;font:14px system-ui,sans-serif;";
  var button = element("button", { id: "guichet-chat-open", type: "button", style: style + "padding:.6rem 1rem;border-radius:2rem;border:0;background:#1f4e79;color:#fff;cursor:pointer" }, words.open);
  var panel = element("section", { id: "guichet-chat", "aria-label": words.title, hidden: "", style: style + "width:320px;background:#fff;border:1px solid #ccc;border-radius:.5rem;box-shadow:0 4px 16px rgba(0,0,0,.2);flex-direction:column" });
  var header = element("strong", { style: "padding:.6rem;background:#1f4e79;color:#fff;border-radius:.5rem .5rem 0 0" }, words.title);
  var hours = element("p", { id: "guichet-chat-hours", hidden: "", style: "margin:0;padding:.5rem;background:#fff4d6" });
  var log = element("div", { id: "guichet-chat-log", role: "log", "aria-live": "polite", style: "height:260px;overflow-y:auto;padding:.5rem" });
  var text = element("textarea", { id: "guichet-chat-text", rows: "2", placeholder: words.placeholder, style: "margin:.5rem;resize:vertical" });
  var send = element("button", { id: "guichet-chat-send", type: "button", style: "margin:0 .5rem .5rem;padding:.4rem;background:#1f4e79;color:#fff;border:0;border-radius:.3rem" }, words.send);
  panel.append(header, hours, log, text, send);

  var seen = {};
  function show(line) {
    if (seen[line.id]) { return; }
    seen[line.id] = true;
    var mine = line.direction === "in";
    var item = element("div", { "class": "guichet-chat-line", "data-direction": line.direction, style: "margin:.3rem 0;" + (mine ? "text-align:right" : "") });
    item.append(element("div", { style: "font-size:11px;color:#666" }, mine ? words.you : line.author));
    item.append(element("div", { style: "display:inline-block;white-space:pre-wrap;padding:.3rem .5rem;border-radius:.4rem;background:" + (mine ? "#dbe9f6" : "#eee") }, line.body));
    log.append(item);
    log.scrollTop = log.scrollHeight;
  }

  var connection = null;
  var token = visitorToken();
  function start() {
    connection = new window.signalR.HubConnectionBuilder().withUrl(base + "/hubs/chat").withAutomaticReconnect().build();
    connection.on("message", show);
    return connection.start().then(function () {
      return connection.invoke("Hello", token, lang);
    }).then(function (welcome) {
      if (!welcome.open && welcome.backAt) {
        hours.textContent = words.closed.replace("{0}", welcome.backAt);
        hours.hidden = false;
      }
      (welcome.history || []).forEach(show);
      panel.setAttribute("data-ready", "true");
    });
  }

  function sendMessage() {
    var body = text.value.trim();
    if (!body) { return; }
    send.disabled = true;
    connection.invoke("Send", token, null, lang, body).then(function () {
      text.value = "";
    }, function () {
      show({ id: "failed-" + Date.now(), direction: "out", author: "Guichet", body: words.failed });
    }).then(function () { send.disabled = false; });
  }

  button.addEventListener("click", function () {
    button.hidden = true;
    panel.hidden = false;
    // An inline display would override the hidden attribute, so it is set only when shown.
    panel.style.display = "flex";
    if (!connection) {
      var loader = element("script", { src: base + "/chat/signalr.min.js" });
      loader.onload = start;
      document.head.append(loader);
    }
  });
  send.addEventListener("click", sendMessage);
  text.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); sendMessage(); }
  });
  document.body.append(button, panel);
})();
