import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import SanctuaryChannels
import SanctuaryConversation
import SanctuaryNLU
import SanctuaryStore
import SanctuaryText
import ServiceLifecycle

/// The advocate console: sign-in, the live queue, a case (transcript, claim, reply, notes, transfer, close) and
/// the admin pages. Every request checks the session; every state change checks the CSRF token; every case
/// request checks that the advocate's team may see the case. No page or response contains an address.
struct ConsoleRoutes {
    let service: SanctuaryService
    var auth: ConsoleAuth { service.consoleAuth }

    /// A signed-in advocate on one request.
    struct User {
        let session: AdvocateSession
        let advocate: Advocate
        let token: String
        var isAdmin: Bool { advocate.role == .admin }
    }

    func register(on router: Router<BasicRequestContext>) {
        router.get("/console/assets/console.js") { _, _ -> Response in .text(.ok, ConsoleAssets.script, contentType: "text/javascript; charset=utf-8") }
        router.get("/console/assets/console.css") { _, _ -> Response in .text(.ok, ConsoleAssets.style, contentType: "text/css; charset=utf-8") }
        router.get("/console/login") { request, _ -> Response in loginPage(request, message: nil) }
        router.get("/favicon.ico") { _, _ -> Response in Response(status: .noContent) }
        router.post("/console/login") { request, _ -> Response in try await login(request) }
        router.post("/console/logout") { request, _ -> Response in
            try await withUser(request, form: true) { user, _ in
                try await auth.logout(token: user.token)
                var response = Response.redirect("/console/login")
                response.headers.append(HTTPField(name: .setCookie, value: "\(ConsoleAuth.cookieName)=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0"))
                return response
            }
        }
        router.get("/console") { request, _ -> Response in try await withUser(request) { user, _ in try await queuePage(request, user) } }
        router.get("/console/queue-fragment") { request, _ -> Response in
            try await withUser(request) { user, _ in .text(.ok, try await queueTable(user, ui: ui(request)), contentType: "text/html; charset=utf-8") }
        }
        router.get("/console/events") { request, _ -> Response in try await withUser(request) { user, _ in events(user) } }
        router.get("/console/cases/{id}") { request, context -> Response in
            try await withCase(request, context) { user, summary, _ in try await casePage(request, user, summary, message: request.uri.queryParameters["m"].map(String.init)) }
        }
        for action in ["claim", "unclaim", "reply", "note", "transfer", "close"] {
            router.post("/console/cases/{id}/\(action)") { request, context -> Response in
                try await withCase(request, context, form: true) { user, summary, form in try await caseAction(action, user, summary, form) }
            }
        }
        router.post("/console/api/sms-info") { request, _ -> Response in
            try await withUser(request, form: true) { user, form in smsInfo(form, ui: ui(request), residentLanguage: form.first("language")) }
        }
        router.get("/console/admin") { request, _ -> Response in
            try await withUser(request) { user, _ in
                guard user.isAdmin else { return forbidden(request) }
                return try await adminPage(request, user, message: request.uri.queryParameters["m"].map(String.init))
            }
        }
        for action in ["reload", "advocates", "disable", "enable", "teams", "routes", "hours"] {
            router.post("/console/admin/\(action)") { request, _ -> Response in
                try await withUser(request, form: true) { user, form in
                    guard user.isAdmin else { return forbidden(request) }
                    return try await adminAction(action, user, form)
                }
            }
        }
    }

    // MARK: - Session, CSRF, authorization

    func ui(_ request: Request) -> String {
        ConsoleStrings.language(query: request.uri.queryParameters["ui"].map(String.init) ?? request.cookies[Self.uiCookie]?.value,
                                acceptLanguage: request.headers[.acceptLanguage])
    }

    static let uiCookie = "__Host-sanctuary-ui"

    /// Runs `body` for a signed-in advocate; for state changes (`form`) the CSRF token must match.
    func withUser(_ request: Request, form: Bool = false, _ body: (User, [(name: String, value: String)]) async throws -> Response) async throws -> Response {
        let token = request.cookies[ConsoleAuth.cookieName]?.value
        guard let (session, advocate) = try await auth.session(token: token), let token else {
            if request.method == .get && !request.uri.path.hasPrefix("/console/events") && !request.uri.path.hasPrefix("/console/queue-fragment") {
                return .redirect("/console/login")
            }
            return .text(.unauthorized, "sign in first\n")
        }
        let user = User(session: session, advocate: advocate, token: token)
        var fields: [(name: String, value: String)] = []
        if form {
            let parsed = try await request.channelRequest(limit: 64 * 1024)
            if parsed.mediaType == "application/x-www-form-urlencoded" {
                do { fields = try FormEncoding.decode(parsed.body) } catch { return .channelError(error) }
            }
            let given = fields.first("_csrf") ?? request.headers[HTTPField.Name("X-CSRF-Token")!] ?? ""
            guard constantTimeEquals(Array(given.utf8), Array(session.csrfToken.utf8)) else {
                return .text(.forbidden, "CSRF token missing or wrong; reload the page\n")
            }
        }
        return try await body(user, fields)
    }

    /// Runs `body` for a case the advocate may see (admins see all; a case without a team is everyone's).
    func withCase(_ request: Request, _ context: BasicRequestContext, form: Bool = false,
                  _ body: (User, CaseSummary, [(name: String, value: String)]) async throws -> Response) async throws -> Response {
        try await withUser(request, form: form) { user, fields in
            guard let id = context.parameters.get("id"), let summary = try await service.store.caseSummary(id: id) else {
                return .text(.notFound, ConsoleStrings.text("not_found", ui(request)) + "\n")
            }
            guard Self.canSee(user.advocate, summary) else { return forbidden(request) }
            return try await body(user, summary, fields)
        }
    }

    static func canSee(_ advocate: Advocate, _ summary: CaseSummary) -> Bool {
        advocate.role == .admin || summary.team == nil || advocate.teams.contains(summary.team!)
    }

    func forbidden(_ request: Request) -> Response {
        .text(.forbidden, ConsoleStrings.text("forbidden", ui(request)) + "\n")
    }

    // MARK: - Sign-in

    func loginPage(_ request: Request, message: String?, status: HTTPResponse.Status = .ok) -> Response {
        let ui = ui(request)
        let t = { (key: String) in escapeHTML(ConsoleStrings.text(key, ui)) }
        let loginToken = ConsoleAuth.randomToken()
        let body = """
        <h1>\(t("login"))</h1>
        \(message.map { (m: String) -> String in "<p class=\"error\" role=\"alert\">\(escapeHTML(m))</p>" } ?? "")
        <form method="post" action="/console/login" class="stack" id="login-form">
        <input type="hidden" name="_login" value="\(loginToken)">
        <label for="login">\(t("login_name"))</label><input id="login" name="login" autocomplete="username" required autofocus>
        <label for="password">\(t("password"))</label><input id="password" name="password" type="password" autocomplete="current-password" required>
        <label for="code">\(t("code"))</label><input id="code" name="code" inputmode="numeric" autocomplete="one-time-code">
        <button type="submit">\(t("login"))</button>
        </form>
        """
        var response = Response.text(status, ConsolePage.render(title: ConsoleStrings.text("login", ui), ui: ui, csrf: nil, user: nil, isAdmin: false, body: body),
                                     contentType: "text/html; charset=utf-8")
        // Login CSRF: the form's token must come back with this cookie (double submit).
        response.headers.append(HTTPField(name: .setCookie, value: "\(ConsoleAuth.loginCookieName)=\(loginToken); Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=1800"))
        return response
    }

    func login(_ request: Request) async throws -> Response {
        let ui = ui(request)
        let parsed = try await request.channelRequest(limit: 16 * 1024)
        let fields: [(name: String, value: String)]
        do { fields = try FormEncoding.decode(parsed.body) } catch { return .channelError(error) }
        let cookie = request.cookies[ConsoleAuth.loginCookieName]?.value ?? ""
        guard let token = fields.first("_login"), !cookie.isEmpty, constantTimeEquals(Array(token.utf8), Array(cookie.utf8)) else {
            return .text(.forbidden, "CSRF token missing or wrong; reload the sign-in page\n")
        }
        let result = try await auth.login(fields.first("login") ?? "", password: fields.first("password") ?? "", code: fields.first("code"))
        switch result {
        case .success(let session, _):
            var response = Response.redirect("/console")
            response.headers.append(HTTPField(name: .setCookie, value: "\(ConsoleAuth.cookieName)=\(session); Path=/; Secure; HttpOnly; SameSite=Strict"))
            response.headers.append(HTTPField(name: .setCookie, value: "\(ConsoleAuth.loginCookieName)=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0"))
            service.logger.info("advocate signed in", metadata: ["advocate": "\(fields.first("login") ?? "")"])
            return response
        case .invalid:
            service.logger.notice("failed sign-in")
            return loginPage(request, message: ConsoleStrings.text("invalid", ui), status: .unauthorized)
        case .needsCode:
            return loginPage(request, message: ConsoleStrings.text("needs_code", ui), status: .unauthorized)
        case .throttled(let wait):
            var response = loginPage(request, message: ConsoleStrings.text("throttled", ui), status: .tooManyRequests)
            response.headers[.retryAfter] = String(wait)
            return response
        }
    }

    // MARK: - Queue

    func visibleCases(_ user: User) async throws -> [CaseSummary] {
        try await service.store.openCases().filter { Self.canSee(user.advocate, $0) }
    }

    func queueTable(_ user: User, ui: String) async throws -> String {
        let t = { (key: String) in escapeHTML(ConsoleStrings.text(key, ui)) }
        let cases = try await visibleCases(user)
        guard !cases.isEmpty else { return "<p id=\"queue-empty\">\(t("empty_queue"))</p>" }
        let now = service.clock.now
        let rows = cases.map { c -> String in
            """
            <tr class="\(c.level == .urgent ? "urgent" : "handoff")" data-case="\(escapeHTML(c.id))">
            <td>\(c.level == .urgent ? "<strong>\(t("urgent"))</strong>" : t("handoff"))</td>
            <td>\(escapeHTML(c.intent)) · \(escapeHTML(c.category))</td><td>\(escapeHTML(c.language))</td>
            <td class="wait" data-since="\(Int(c.openedAt.timeIntervalSince1970))">\(ConsolePage.waiting(since: c.openedAt, now: now))</td>
            <td>\(escapeHTML(c.team ?? "–"))</td><td>\(escapeHTML(c.claimedBy ?? t("nobody")))</td>
            <td><a href="/console/cases/\(escapeHTML(c.id))">\(t("open"))</a></td></tr>
            """
        }.joined(separator: "\n")
        return """
        <table id="queue-table"><caption>\(t("queue"))</caption>
        <thead><tr><th scope="col"></th><th scope="col">\(t("topic"))</th><th scope="col">\(t("language"))</th><th scope="col">\(t("waiting"))</th>
        <th scope="col">\(t("team"))</th><th scope="col">\(t("claimed_by"))</th><th scope="col"></th></tr></thead>
        <tbody>\(rows)</tbody></table>
        """
    }

    func queuePage(_ request: Request, _ user: User) async throws -> Response {
        let ui = ui(request)
        let body = """
        <h1>\(escapeHTML(ConsoleStrings.text("queue", ui)))</h1>
        <p class="live" id="live" data-new="\(escapeHTML(ConsoleStrings.text("new_case", ui)))" data-urgent="\(escapeHTML(ConsoleStrings.text("urgent", ui)))">\(escapeHTML(ConsoleStrings.text("live", ui)))</p>
        <div id="queue">\(try await queueTable(user, ui: ui))</div>
        """
        return html(ConsolePage.render(title: ConsoleStrings.text("queue", ui), ui: ui, csrf: user.session.csrfToken, user: user.advocate.login, isAdmin: user.isAdmin, body: body))
    }

    /// Server-sent events: one line per queue change the advocate may see; a comment every 15 s keeps the
    /// connection open and ends it once the session is gone.
    func events(_ user: User) -> Response {
        let stream = service.events.subscribe()
        let auth = self.auth, token = user.token, advocate = user.advocate
        let body = ResponseBody { writer in
            try await writer.write(ByteBuffer(string: "retry: 3000\n\n"))
            let ticker = AsyncStream<AdvocateEvent?> { continuation in
                let task = Task {
                    while !Task.isCancelled {
                        try? await Task.sleep(for: .seconds(15))
                        continuation.yield(nil)
                    }
                }
                let relay = Task {
                    for await event in stream { continuation.yield(event) }
                    continuation.finish()
                }
                continuation.onTermination = { _ in task.cancel(); relay.cancel() }
            }
            // The stream ends when the session ends, the browser goes away, or the server shuts down.
            let relay = AsyncStream<String> { continuation in
                let task = Task {
                    await cancelWhenGracefulShutdown {
                    for await item in ticker {
                        if let event = item {
                            if let team = event.team, advocate.role != .admin, !advocate.teams.contains(team) { continue }
                            let json = #"{"kind":"\#(event.kind.rawValue)","case":"\#(event.caseID)","urgent":\#(event.urgent)}"#
                            continuation.yield("event: queue\ndata: \(json)\n\n")
                        } else {
                            guard (try? await auth.session(token: token)) != nil else { break }
                            continuation.yield(": keep-alive\n\n")
                        }
                    }
                    }
                    continuation.finish()
                }
                continuation.onTermination = { _ in task.cancel() }
            }
            for await line in relay { try await writer.write(ByteBuffer(string: line)) }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"], body: body)
    }

    // MARK: - A case

    func casePage(_ request: Request, _ user: User, _ c: CaseSummary, message: String?) async throws -> Response {
        let ui = ui(request)
        let t = { (key: String) in escapeHTML(ConsoleStrings.text(key, ui)) }
        let csrf = "<input type=\"hidden\" name=\"_csrf\" value=\"\(escapeHTML(user.session.csrfToken))\">"
        let lines = try await service.cases.transcript(caseID: c.id).map { line -> String in
            let who = line.author == "advocate" ? "\(t("advocate")) \(escapeHTML(line.advocate ?? ""))" : (line.author == "note" ? "📝 \(escapeHTML(line.advocate ?? ""))" : t(line.author))
            return "<li class=\"\(line.author)\"><span class=\"who\">\(who)</span> <time datetime=\"\(ISO8601DateFormatter().string(from: line.at))\">\(Self.time(line.at, zone: service.configuration.timeZone))</time><p>\(escapeHTML(line.text))</p></li>"
        }.joined(separator: "\n")
        let canned = service.cannedReplies[c.language] ?? service.cannedReplies["en"] ?? []
        let cannedButtons = canned.map { (text: String) -> String in "<li><button type=\"button\" class=\"canned\" data-text=\"\(escapeHTML(text))\">\(escapeHTML(text))</button></li>" }.joined()
        let teams = try await service.store.teams()
        let teamOptions = teams.map { (team: Team) -> String in "<option value=\"\(escapeHTML(team.id))\"\(c.team == team.id ? " selected" : "")>\(escapeHTML(team.title))</option>" }.joined()
        let closed = c.closedAt != nil
        let claim = c.claimedBy == user.advocate.login
            ? "<form method=\"post\" action=\"/console/cases/\(c.id)/unclaim\" class=\"inline\">\(csrf)<button type=\"submit\">\(t("unclaim"))</button></form>"
            : "<form method=\"post\" action=\"/console/cases/\(c.id)/claim\" class=\"inline\">\(csrf)<button type=\"submit\" id=\"claim\">\(t("claim"))</button></form>"
        let body = """
        <p><a href="/console">← \(t("back"))</a></p>
        <h1 class="\(c.level == .urgent ? "urgent" : "")">\(c.level == .urgent ? t("urgent") + " · " : "")\(escapeHTML(c.intent)) · \(escapeHTML(c.language))</h1>
        \(message.map { (m: String) -> String in "<p class=\"notice\" role=\"status\">\(escapeHTML(ConsoleStrings.text(m, ui)))</p>" } ?? "")
        <dl class="facts"><dt>\(t("topic"))</dt><dd>\(escapeHTML(c.category))</dd><dt>\(t("language"))</dt><dd>\(escapeHTML(c.language))</dd>
        <dt>\(t("team"))</dt><dd>\(escapeHTML(c.team ?? "–"))</dd><dt>\(t("claimed_by"))</dt><dd id="claimed-by">\(escapeHTML(c.claimedBy ?? t("nobody")))</dd>
        <dt>\(t("waiting"))</dt><dd>\(ConsolePage.waiting(since: c.openedAt, now: service.clock.now))</dd></dl>
        \(c.optedOut ? "<p class=\"error\">\(t("opted_out"))</p>" : "")
        \(closed ? "<p class=\"notice\">\(t("closed"))</p>" : claim)
        <section aria-labelledby="transcript-h"><h2 id="transcript-h">\(t("transcript"))</h2><ol id="transcript" class="transcript">\(lines)</ol></section>
        \(closed ? "" : """
        <section aria-labelledby="reply-h"><h2 id="reply-h">\(t("reply"))</h2>
        <form method="post" action="/console/cases/\(c.id)/reply" class="stack" id="reply-form" data-language="\(escapeHTML(c.language))">\(csrf)
        <input type="hidden" name="key" value="\(UUID().uuidString)">
        <label for="reply">\(t("reply"))</label><textarea id="reply" name="text" rows="4" maxlength="1600" required></textarea>
        <p id="sms-info" aria-live="polite" data-label="\(t("segments"))"></p>
        <button type="submit" id="send">\(t("send"))</button></form>
        \(canned.isEmpty ? "" : "<h3>\(t("canned"))</h3><ul class=\"canned-list\">\(cannedButtons)</ul>")
        </section>
        <section><form method="post" action="/console/cases/\(c.id)/note" class="stack">\(csrf)
        <label for="note">\(t("note"))</label><textarea id="note" name="text" rows="2" required></textarea><button type="submit">\(t("add_note"))</button></form>
        <form method="post" action="/console/cases/\(c.id)/transfer" class="stack">\(csrf)
        <label for="team">\(t("transfer"))</label><select id="team" name="team"><option value="">–</option>\(teamOptions)</select><button type="submit">\(t("transfer"))</button></form>
        <form method="post" action="/console/cases/\(c.id)/close" class="stack">\(csrf)<p>\(t("close_note"))</p><button type="submit" id="close" class="danger">\(t("close"))</button></form></section>
        """)
        """
        return html(ConsolePage.render(title: c.intent, ui: ui, csrf: user.session.csrfToken, user: user.advocate.login, isAdmin: user.isAdmin, body: body))
    }

    static func time(_ date: Date, zone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.timeZone = zone
        formatter.dateFormat = "HH:mm"
        return formatter.string(from: date)
    }

    func caseAction(_ action: String, _ user: User, _ c: CaseSummary, _ form: [(name: String, value: String)]) async throws -> Response {
        let back = "/console/cases/\(c.id)"
        switch action {
        case "claim":
            _ = try await service.store.claim(caseID: c.id, advocate: user.advocate.login, now: service.clock.now)
            service.events.publish(AdvocateEvent(kind: .updated, caseID: c.id, urgent: c.level == .urgent, team: c.team))
        case "unclaim":
            _ = try await service.store.claim(caseID: c.id, advocate: nil, now: service.clock.now)
            service.events.publish(AdvocateEvent(kind: .updated, caseID: c.id, urgent: c.level == .urgent, team: c.team))
        case "reply":
            do {
                try await service.cases.reply(caseID: c.id, advocate: user.advocate.login, text: form.first("text") ?? "", idempotencyKey: form.first("key") ?? UUID().uuidString)
            } catch let error as CaseService.ReplyError {
                let key = error == .residentOptedOut ? "opted_out" : (error == .caseClosed ? "closed" : "reply")
                return .redirect(back + "?m=" + key)
            }
            return .redirect(back + "?m=sent")
        case "note":
            let text = (form.first("text") ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty { try await service.cases.note(caseID: c.id, advocate: user.advocate.login, text: text) }
        case "transfer":
            let team = form.first("team").flatMap { $0.isEmpty ? nil : $0 }
            try await service.store.transfer(caseID: c.id, team: team, now: service.clock.now)
            service.events.publish(AdvocateEvent(kind: .updated, caseID: c.id, urgent: c.level == .urgent, team: team))
            if let team, !user.isAdmin, !user.advocate.teams.contains(team) { return .redirect("/console") }
        case "close":
            try await service.cases.close(caseID: c.id)
            return .redirect("/console")
        default:
            break
        }
        return .redirect(back)
    }

    /// Segment count, encoding and the draft's language while an advocate types.
    func smsInfo(_ form: [(name: String, value: String)], ui: String, residentLanguage: String?) -> Response {
        let text = SMSRenderer().normalise(form.first("text") ?? "")
        let (encoding, units) = SMSEncoding.measure(text)
        var result: [String: String] = ["segments": "\(SMSEncoding.segments(text))", "encoding": encoding.rawValue, "units": "\(units)"]
        let words = text.split(whereSeparator: \.isWhitespace).count
        if words >= 3, let resident = residentLanguage {
            let guess = service.content.current.engine.intents.classify(text)
            if guess.languageConfidence >= 0.8, guess.lang != resident {
                result["language"] = guess.lang
                result["warning"] = ConsoleStrings.text("language_mismatch", ui, ["reply": guess.lang, "resident": resident])
            }
        }
        return .json(.ok, result)
    }

    // MARK: - Admin

    func adminPage(_ request: Request, _ user: User, message: String?) async throws -> Response {
        let ui = ui(request)
        let t = { (key: String) in escapeHTML(ConsoleStrings.text(key, ui)) }
        let csrf = "<input type=\"hidden\" name=\"_csrf\" value=\"\(escapeHTML(user.session.csrfToken))\">"
        let advocates = try await service.store.advocates().map { a -> String in
            let toggle = a.disabled ? "enable" : "disable"
            return "<tr><td>\(escapeHTML(a.login))</td><td>\(a.role.rawValue)</td><td>\(escapeHTML(a.teams.joined(separator: ", ")))</td><td>\(a.disabled ? t("disabled") : "")</td><td>\(a.login == user.advocate.login ? "" : "<form method=\"post\" action=\"/console/admin/\(toggle)\" class=\"inline\">\(csrf)<input type=\"hidden\" name=\"login\" value=\"\(escapeHTML(a.login))\"><button type=\"submit\">\(t(toggle))</button></form>")</td></tr>"
        }.joined()
        let teams = try await service.store.teams().map { (team: Team) -> String in "<tr><td>\(escapeHTML(team.id))</td><td>\(escapeHTML(team.title))</td><td>\(escapeHTML(team.topics.joined(separator: ", ")))</td><td>\(escapeHTML(team.members.joined(separator: ", ")))</td></tr>" }.joined()
        let reload: String
        switch service.content.lastReload {
        case .some(let status) where !status.succeeded:
            reload = "<p class=\"error\">\(t("reload_refused"))</p><pre>\(escapeHTML(status.errors.joined(separator: "\n")))</pre>"
        default:
            reload = "<p>\(escapeHTML(ConsoleStrings.text("reload_ok", ui, ["version": "\(service.content.current.version)"])))</p>"
        }
        let stats = try await service.store.statistics(since: service.clock.now.addingTimeInterval(-7 * 86400))
        func totals(_ key: (StatisticRow) -> String) -> String {
            Dictionary(grouping: stats, by: key).mapValues { $0.reduce(0) { $0 + $1.count } }.sorted { $0.value > $1.value }
                .map { (entry: (key: String, value: Int)) -> String in "<tr><td>\(escapeHTML(entry.key))</td><td>\(entry.value)</td></tr>" }.joined()
        }
        let hourFormatter = DateFormatter()
        hourFormatter.timeZone = service.configuration.timeZone
        hourFormatter.dateFormat = "HH"
        let officeHours = (try? await service.store.setting("office_hours")) ?? service.configuration.officeHours
        let median = try await service.store.medianWaitMinutes().map { String(format: "%.1f min", $0) } ?? "–"
        let body = """
        <h1>\(t("admin"))</h1>
        \(message.map { (m: String) -> String in "<p class=\"notice\" role=\"status\">\(escapeHTML(m))</p>" } ?? "")
        <section><h2>\(t("reload"))</h2>\(reload)
        <form method="post" action="/console/admin/reload">\(csrf)<button type="submit" id="reload">\(t("reload"))</button></form></section>
        <section><h2>\(t("advocates"))</h2><table><thead><tr><th>\(t("login_name"))</th><th>\(t("role"))</th><th>\(t("team"))</th><th></th><th></th></tr></thead><tbody>\(advocates)</tbody></table>
        <form method="post" action="/console/admin/advocates" class="stack">\(csrf)
        <label for="new-login">\(t("login_name"))</label><input id="new-login" name="login" required>
        <label for="new-role">\(t("role"))</label><select id="new-role" name="role"><option>advocate</option><option>admin</option></select>
        <label for="new-team">\(t("team"))</label><input id="new-team" name="team">
        <label for="new-password">\(t("password"))</label><input id="new-password" name="password" type="password" minlength="12" required autocomplete="new-password">
        <button type="submit">\(t("add"))</button></form></section>
        <section><h2>\(t("teams"))</h2><table><thead><tr><th>id</th><th>\(t("team"))</th><th>\(t("topic"))</th><th>\(t("advocates"))</th></tr></thead><tbody>\(teams)</tbody></table>
        <form method="post" action="/console/admin/teams" class="stack">\(csrf)<label for="team-id">id</label><input id="team-id" name="id" required>
        <label for="team-title">\(t("team"))</label><input id="team-title" name="title" required><button type="submit">\(t("add"))</button></form>
        <form method="post" action="/console/admin/routes" class="stack">\(csrf)<label for="route-topic">\(t("route")) — \(t("topic_hint"))</label>
        <input id="route-topic" name="topic" required><label for="route-team">\(t("team"))</label><input id="route-team" name="team"><button type="submit">\(t("route"))</button></form></section>
        <section><h2>\(t("hours"))</h2>
        <form method="post" action="/console/admin/hours" class="stack">\(csrf)
        <label for="hours">\(t("hours")) (\(escapeHTML(service.configuration.timeZone.identifier)))\(service.configuration.urgentAlwaysStaffed ? " · urgent: 24/7" : "")</label>
        <input id="hours" name="hours" value="\(escapeHTML(officeHours))" required>
        <button type="submit">\(t("save"))</button></form>
        <p>\(t("out_of_hours_note"))</p></section>
        <section><h2>\(t("statistics"))</h2><p>\(t("median_wait")): \(median)</p>
        <div class="stats"><table><caption>\(t("topic"))</caption><tbody>\(totals(\.intent))</tbody></table>
        <table><caption>\(t("language"))</caption><tbody>\(totals(\.language))</tbody></table>
        <table><caption>h</caption><tbody>\(totals { hourFormatter.string(from: $0.hour) })</tbody></table></div></section>
        """
        return html(ConsolePage.render(title: ConsoleStrings.text("admin", ui), ui: ui, csrf: user.session.csrfToken, user: user.advocate.login, isAdmin: true, body: body))
    }

    func adminAction(_ action: String, _ user: User, _ form: [(name: String, value: String)]) async throws -> Response {
        var message = "ok"
        do {
            switch action {
            case "reload":
                let status = service.content.reload()
                message = status.succeeded ? "content version \(service.content.current.version) is live" : "reload refused"
                service.logger.info("content reload from the console", metadata: ["advocate": "\(user.advocate.login)", "ok": "\(status.succeeded)"])
            case "advocates":
                let role = Advocate.Role(rawValue: form.first("role") ?? "") ?? .advocate
                let teams = (form.first("team") ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                try await service.store.addAdvocate(login: (form.first("login") ?? "").lowercased(), role: role,
                                              passwordHash: try ConsoleAuth.hashPassword(form.first("password") ?? ""), teams: teams, now: service.clock.now)
                message = "added \(form.first("login") ?? "")"
            case "disable", "enable":
                try await service.store.setDisabled(login: form.first("login") ?? "", action == "disable")
            case "teams":
                try await service.store.addTeam(id: form.first("id") ?? "", title: form.first("title") ?? "")
            case "hours":
                let hours = (form.first("hours") ?? "").trimmingCharacters(in: .whitespaces)
                _ = try OfficeHours.parse(hours, timeZone: service.configuration.timeZone)
                try await service.store.setSetting("office_hours", hours)
                let status = service.content.reload()
                message = status.succeeded ? "office hours: \(hours)" : "office hours saved; reload refused (see content errors)"
            case "routes":
                let team = form.first("team").flatMap { $0.isEmpty ? nil : $0 }
                try await service.store.setRoute(topic: form.first("topic") ?? "", team: team)
            default:
                break
            }
        } catch {
            message = "\(error)"
        }
        return .redirect("/console/admin?m=" + (message.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
    }

    func html(_ text: String) -> Response { .text(.ok, text, contentType: "text/html; charset=utf-8") }
}

/// Remembers the console language chosen with `?ui=de` in a cookie.
struct ConsoleLanguageMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        if request.uri.path.hasPrefix("/console"), let ui = request.uri.queryParameters["ui"].map(String.init), ConsoleStrings.languages.contains(ui) {
            response.headers.append(HTTPField(name: .setCookie, value: "\(ConsoleRoutes.uiCookie)=\(ui); Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=31536000"))
        }
        return response
    }
}

extension Response {
    /// 303 See Other to a path on this server.
    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}
