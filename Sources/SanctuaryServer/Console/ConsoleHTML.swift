import Foundation
import SanctuaryText

/// Escapes text for HTML element content and attribute values.
func escapeHTML(_ text: String) -> String { MarkupEscaping.escape(text) }

/// The console's page frame: one stylesheet and one script from this server, no inline script or style.
enum ConsolePage {
    static func render(title: String, ui: String, csrf: String?, user: String?, isAdmin: Bool, body: String) -> String {
        let t = { (key: String) in escapeHTML(ConsoleStrings.text(key, ui)) }
        var nav = ""
        if let user {
            nav = """
            <nav aria-label="main"><a href="/console">\(t("queue"))</a>\(isAdmin ? " <a href=\"/console/admin\">\(t("admin"))</a>" : "")
            <span class="who">\(escapeHTML(user))</span>
            <form method="post" action="/console/logout" class="inline"><input type="hidden" name="_csrf" value="\(escapeHTML(csrf ?? ""))"><button type="submit">\(t("logout"))</button></form></nav>
            """
        }
        let languages = ConsoleStrings.languages.map { code in
            code == ui ? "<strong>\(code)</strong>" : "<a href=\"?ui=\(code)\" hreflang=\"\(code)\">\(code)</a>"
        }.joined(separator: " ")
        return """
        <!doctype html>
        <html lang="\(ui)">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escapeHTML(title)) · Sanctuary</title>
        <meta name="csrf-token" content="\(escapeHTML(csrf ?? ""))">
        <link rel="stylesheet" href="/console/assets/console.css"></head>
        <body data-ui="\(ui)">
        <a class="skip" href="#main">Skip to content</a>
        <header><a class="brand" href="/console">Sanctuary</a>\(nav)<span class="langs">\(languages)</span></header>
        <div id="alert" role="alert" hidden></div>
        <main id="main">
        \(body)
        </main>
        <script src="/console/assets/console.js"></script>
        </body>
        </html>
        """
    }

    /// "0:04" (hours:minutes) or "12 min".
    static func waiting(since date: Date, now: Date) -> String {
        let minutes = max(0, Int(now.timeIntervalSince(date) / 60))
        return String(format: "%d:%02d", minutes / 60, minutes % 60)
    }
}
