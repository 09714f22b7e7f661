import Foundation
import Hummingbird
import SanctuaryChannels
import SanctuaryPrivacy

/// The generic JSON channel and the embeddable web chat page.
struct ChatRoutes {
    let service: SanctuaryService

    func register(on router: Router<BasicRequestContext>) {
        router.post("/api/v1/messages") { request, _ -> Response in
            let parsed = try await request.channelRequest(limit: service.configuration.maxBodyBytes)
            let message: InboundMessage
            do { message = try WebChatAPI.parse(parsed) } catch let error as WebhookError { return .channelError(error) }
            let result = try await service.pipeline.handle(message, mode: .inline)
            return .json(.ok, WebChatAPI.Response(replies: result.replies))
        }
        // Advocate replies waiting for a web chat session (the widget polls).
        router.get("/api/v1/messages") { request, _ -> Response in
            let session = request.uri.queryParameters["session"].map(String.init) ?? ""
            do { try WebChatAPI.validate(session: session) } catch let error as WebhookError { return .channelError(error) }
            let key = try await service.pipeline.conversationKey(channel: "web", address: session)
            let texts = try await service.store.takeWebMessages(conversationKey: key).compactMap { sealed -> String? in
                guard let data = try? CaseCipher.open(sealed, key: service.secrets.transitKey, context: "outbox"),
                      let message = try? JSONDecoder().decode(OutboundMessage.self, from: data) else { return nil }
                return message.text
            }
            return .json(.ok, WebChatAPI.Response(replies: texts))
        }
        // The chat page may be embedded (iframe) by the city's own sites, listed in SANCTUARY_CHAT_EMBED_ORIGINS.
        let ancestors = (["'self'"] + service.configuration.chatEmbedOrigins).joined(separator: " ")
        router.get("/chat") { _, _ -> Response in
            .text(.ok, WebChatPage.html, contentType: "text/html; charset=utf-8",
                  headers: ["Content-Security-Policy": "default-src 'self'; frame-ancestors \(ancestors); base-uri 'none'; form-action 'self'"])
        }
        router.get("/chat.js") { _, _ -> Response in .text(.ok, WebChatPage.script, contentType: "text/javascript; charset=utf-8") }
        router.get("/chat.css") { _, _ -> Response in .text(.ok, WebChatPage.style, contentType: "text/css; charset=utf-8") }
    }
}

/// A minimal chat widget: no external assets, no inline script, no cookies; the session token lives in the
/// tab's sessionStorage and disappears with it.
enum WebChatPage {
    static let html = """
    <!doctype html>
    <html lang="en">
    <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Chat</title><link rel="stylesheet" href="/chat.css"></head>
    <body>
    <main>
    <h1>Chat</h1>
    <p class="note">Free and confidential. We never ask about immigration status. Type DELETE to erase this chat.</p>
    <ol id="log" aria-live="polite"></ol>
    <form id="send"><label for="text">Message</label>
    <textarea id="text" rows="2" maxlength="2000" required></textarea>
    <button type="submit">Send</button></form>
    </main>
    <script src="/chat.js"></script>
    </body>
    </html>
    """

    static let script = """
    (function () {
      var key = 'sanctuary-chat-session';
      var session = sessionStorage.getItem(key);
      if (!session) {
        var bytes = new Uint8Array(24); crypto.getRandomValues(bytes);
        session = Array.from(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
        sessionStorage.setItem(key, session);
      }
      var log = document.getElementById('log');
      function add(who, text) {
        var item = document.createElement('li'); item.className = who; item.textContent = text; log.appendChild(item);
        item.scrollIntoView();
      }
      document.getElementById('send').addEventListener('submit', function (event) {
        event.preventDefault();
        var box = document.getElementById('text'); var text = box.value.trim(); if (!text) return;
        add('me', text); box.value = '';
        fetch('/api/v1/messages', { method: 'POST', headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ session: session, text: text }) })
          .then(function (r) { return r.json(); })
          .then(function (data) { (data.replies || []).forEach(function (t) { add('bot', t); }); })
          .catch(function () { add('error', 'Not sent. Please try again.'); });
      });
      setInterval(function () {
        fetch('/api/v1/messages?session=' + session).then(function (r) { return r.json(); })
          .then(function (data) { (data.replies || []).forEach(function (t) { add('advocate', t); }); }).catch(function () {});
      }, 5000);
    })();
    """

    static let style = """
    body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f6f6f6; color: #111; }
    main { max-width: 40rem; margin: 0 auto; padding: 1rem; }
    #log { list-style: none; padding: 0; }
    #log li { margin: .4rem 0; padding: .5rem .75rem; border-radius: .5rem; white-space: pre-wrap; max-width: 85%; }
    #log .me { background: #dbeafe; margin-left: auto; }
    #log .bot, #log .advocate { background: #fff; border: 1px solid #ddd; }
    #log .advocate { border-color: #16a34a; }
    #log .error { background: #fee2e2; }
    textarea { width: 100%; font: inherit; box-sizing: border-box; }
    button { font: inherit; padding: .5rem 1rem; margin-top: .5rem; }
    label { display: block; font-weight: 600; }
    .note { color: #444; font-size: .9rem; }
    """
}
