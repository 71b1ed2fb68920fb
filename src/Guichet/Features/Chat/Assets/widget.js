// Guichet live chat: one script tag on any page. Talks to the Guichet server it came from over
// SignalR. The visitor's conversation is kept by a random token in this browser's storage, so a
// reload shows it again and nobody else can read it. Text is always inserted as text, never HTML.
(function () {
  "use strict";
  var script = document.currentScript;
  var base = script.src.replace(/\/chat\/widget\.js.*$/, "");
  // The language the site declares (data-lang on the tag, else the page's lang) is a choice; the
  // browser's alone is not (issue 24): without one, the server reads the visitor's own words.
  var declared = (script.getAttribute("data-lang") || document.documentElement.lang || "").toLowerCase().slice(0, 2);
  var chosen = declared === "fr" || declared === "en" ? declared : null;
  var lang = chosen || ((navigator.language || "fr").toLowerCase().indexOf("en") === 0 ? "en" : "fr");
  var words = {
    fr: { open: "Discuter avec nous", title: "Service client", placeholder: "Votre message", send: "Envoyer", close: "Fermer",
          closed: "Nous sommes absents en ce moment ; de retour le {0}. Laissez-nous un message et votre e-mail : la réponse vous y attendra.",
          nobody: "Personne n'est disponible en ce moment. Laissez-nous un message et votre e-mail : nous vous répondrons dès que possible.",
          back: "Nous sommes de retour : une personne va vous répondre.",
          who: "Qui êtes-vous ? (facultatif : pour vous répondre par e-mail si vous partez)", name: "Votre nom", email: "Votre e-mail", save: "Enregistrer",
          known: "Nous pouvons aussi vous répondre à {0}.",
          you: "Vous", failed: "Le message n'est pas parti ; réessayez.",
          attach: "Joindre une photo ou un fichier", fileFailed: "Le fichier n'est pas parti : {0}" },
    en: { open: "Chat with us", title: "Customer service", placeholder: "Your message", send: "Send", close: "Close",
          closed: "We are away right now and back on {0}. Leave us a message and your email: the answer will wait for you there.",
          nobody: "Nobody is available right now. Leave us a message and your email: we will answer you as soon as we can.",
          back: "We are back: someone will answer you.",
          who: "Who are you? (optional: so we can answer by email if you leave)", name: "Your name", email: "Your email", save: "Save",
          known: "We can also answer you at {0}.",
          you: "You", failed: "The message was not sent; try again.",
          attach: "Attach a photo or a file", fileFailed: "The file was not sent: {0}" }
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
  var header = element("div", { style: "display:flex;justify-content:space-between;align-items:center;padding:.6rem;background:#1f4e79;color:#fff;border-radius:.5rem .5rem 0 0" });
  var close = element("button", { id: "guichet-chat-close", type: "button", "aria-label": words.close, title: words.close, style: "border:0;background:transparent;color:#fff;font-size:18px;line-height:1;cursor:pointer" }, "×");
  header.append(element("strong", {}, words.title), close);
  var hours = element("p", { id: "guichet-chat-hours", role: "status", hidden: "", style: "margin:0;padding:.5rem;background:#fff4d6" });
  var intro = element("details", { id: "guichet-chat-who", style: "padding:.3rem .5rem;border-bottom:1px solid #eee" });
  var introSummary = element("summary", { style: "cursor:pointer;font-size:12px;color:#444" }, words.who);
  var nameField = element("input", { id: "guichet-chat-name", autocomplete: "name", placeholder: words.name, "aria-label": words.name, maxlength: "200", style: "width:100%;box-sizing:border-box;margin:.2rem 0" });
  var emailField = element("input", { id: "guichet-chat-email", type: "email", autocomplete: "email", placeholder: words.email, "aria-label": words.email, style: "width:100%;box-sizing:border-box;margin:.2rem 0" });
  var saveWho = element("button", { id: "guichet-chat-who-save", type: "button", style: "padding:.2rem .6rem" }, words.save);
  intro.append(introSummary, nameField, emailField, saveWho);
  var log = element("div", { id: "guichet-chat-log", role: "log", "aria-live": "polite", style: "height:260px;overflow-y:auto;padding:.5rem" });
  var text = element("textarea", { id: "guichet-chat-text", rows: "2", placeholder: words.placeholder, style: "margin:.5rem;resize:vertical" });
  var send = element("button", { id: "guichet-chat-send", type: "button", style: "margin:0 .5rem .5rem;padding:.4rem;background:#1f4e79;color:#fff;border:0;border-radius:.3rem" }, words.send);
  // A photo of the broken part, a delivery note: sent as they are, judged by the server.
  var attachLabel = element("label", { "for": "guichet-chat-file", style: "margin:0 .5rem .5rem;font-size:12px;color:#1f4e79;cursor:pointer" }, words.attach);
  var fileField = element("input", { id: "guichet-chat-file", type: "file", accept: "image/*,application/pdf,.doc,.docx,.xls,.xlsx,.txt,.csv", style: "margin:0 .5rem .5rem;font-size:12px" });
  panel.append(header, hours, intro, log, text, send, attachLabel, fileField);

  var seen = {};
  function show(line) {
    if (seen[line.id]) { return; }
    seen[line.id] = true;
    var mine = line.direction === "in";
    var item = element("div", { "class": "guichet-chat-line", "data-direction": line.direction, style: "margin:.3rem 0;" + (mine ? "text-align:right" : "") });
    item.append(element("div", { style: "font-size:11px;color:#666" }, mine ? words.you : line.author));
    item.append(element("div", { style: "display:inline-block;white-space:pre-wrap;padding:.3rem .5rem;border-radius:.4rem;background:" + (mine ? "#dbe9f6" : "#eee") }, line.body));
    (line.files || []).forEach(function (file) {
      var link = element("a", { "class": "guichet-chat-file", href: base + file.url, download: file.name, target: "_blank", rel: "noopener", style: "display:block;font-size:12px" }, "📎 " + file.name);
      item.append(link);
    });
    log.append(item);
    log.scrollTop = log.scrollHeight;
  }

  var connection = null;
  var token = visitorToken();
  var staffed = null;
  // What the visitor said of themselves before their first message, said again once it is sent.
  var pendingWho = false;

  function showKnown(email) {
    if (email) {
      introSummary.textContent = words.known.replace("{0}", email);
      intro.open = false;
    }
  }

  function welcomed(welcome) {
    var wasAway = staffed === false;
    staffed = !!(welcome.open && welcome.staffed);
    if (!welcome.open && welcome.backAt) {
      hours.textContent = words.closed.replace("{0}", welcome.backAt);
    } else if (!staffed) {
      hours.textContent = words.nobody;
    } else if (wasAway) {
      hours.textContent = words.back;
    }
    hours.hidden = staffed && !wasAway;
    if (welcome.history === undefined) {
      return;
    }
    if (welcome.name && !nameField.value) { nameField.value = welcome.name; }
    if (welcome.email && !emailField.value) { emailField.value = welcome.email; }
    showKnown(welcome.email);
    // Nobody there: the address is what lets the answer reach the visitor.
    if (!staffed && !welcome.email) { intro.open = true; }
  }

  function status() {
    return connection.invoke("Status", chosen || lang).then(welcomed);
  }

  function start() {
    connection = new window.signalR.HubConnectionBuilder().withUrl(base + "/hubs/chat").withAutomaticReconnect().build();
    connection.on("message", show);
    return connection.start().then(function () {
      return connection.invoke("Hello", token, chosen || lang);
    }).then(function (welcome) {
      welcomed(welcome);
      (welcome.history || []).forEach(show);
      panel.setAttribute("data-ready", "true");
      // Whether people are there is asked again while the chat is open.
      window.setInterval(function () { if (!panel.hidden) { status().catch(function () {}); } }, 20000);
    });
  }

  function introduce() {
    var name = nameField.value.trim();
    var email = emailField.value.trim();
    if (!name && !email) { return Promise.resolve(); }
    return connection.invoke("Introduce", token, name || null, email || null).then(function (recorded) {
      pendingWho = !recorded;
      if (recorded && email) { showKnown(email); }
    }, function (error) {
      show({ id: "who-" + Date.now(), direction: "out", author: "Guichet", body: String(error && error.message || error).replace(/^.*HubException: /, "") });
    });
  }

  var lastTyping = 0;
  function typing() {
    var now = Date.now();
    if (connection && now - lastTyping > 2000) {
      lastTyping = now;
      connection.invoke("Typing", token).catch(function () {});
    }
  }

  function sendMessage() {
    var body = text.value.trim();
    if (!body) { return; }
    send.disabled = true;
    var name = nameField.value.trim();
    connection.invoke("Send", token, name || null, chosen, body).then(function () {
      text.value = "";
      // The next words typed are news again (the first ones may have come before there was a case to show them on).
      lastTyping = 0;
      if (pendingWho || emailField.value.trim()) { return introduce(); }
    }, function () {
      show({ id: "failed-" + Date.now(), direction: "out", author: "Guichet", body: words.failed });
    }).then(function () { send.disabled = false; });
  }

  function sendFile() {
    if (!fileField.files || fileField.files.length === 0) { return; }
    var form = new FormData();
    form.append("visitor", token);
    form.append("name", nameField.value.trim());
    form.append("language", chosen || "");
    form.append("text", text.value.trim());
    Array.prototype.forEach.call(fileField.files, function (file) { form.append("file", file, file.name); });
    fileField.disabled = true;
    fetch(base + "/chat/files", { method: "POST", body: form, credentials: "omit" }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) {
          var reasons = Object.keys(body.errors || {}).map(function (k) { return body.errors[k].join(" "); }).join(" ");
          show({ id: "failed-" + Date.now(), direction: "out", author: "Guichet", body: words.fileFailed.replace("{0}", reasons || response.status) });
          return;
        }
        text.value = "";
        (body.lines || []).forEach(show);
        // The first message opened the case: this connection now follows it, for the answers.
        if (connection) { return connection.invoke("Hello", token, chosen || lang).then(welcomed); }
      });
    }, function () {
      show({ id: "failed-" + Date.now(), direction: "out", author: "Guichet", body: words.failed });
    }).then(function () { fileField.value = ""; fileField.disabled = false; });
  }

  close.addEventListener("click", function () {
    panel.hidden = true;
    panel.style.display = "none";
    button.hidden = false;
    button.focus();
  });
  saveWho.addEventListener("click", function () { if (connection) { introduce(); } });
  text.addEventListener("input", typing);

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
  fileField.addEventListener("change", sendFile);
  text.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); sendMessage(); }
  });
  document.body.append(button, panel);
})();
