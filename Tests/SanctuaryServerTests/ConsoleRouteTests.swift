import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import SanctuaryChannels
import SanctuaryServer
import SanctuaryStore
import HummingbirdOTP
import Testing

/// A browser's view of the console through the router: cookies kept by hand.
struct ConsoleBrowser {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]
    var csrf = ""

    init(_ client: any TestClientProtocol) { self.client = client }

    mutating func keep(_ response: TestResponse) {
        for field in response.headers where field.name == .setCookie {
            let pair = field.value.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
            if pair.count == 2 { cookies[pair[0]] = pair[1].isEmpty ? nil : pair[1] }
        }
    }

    var cookieHeader: String { cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }

    mutating func get(_ uri: String) async throws -> TestResponse {
        let response = try await client.execute(uri: uri, method: .get, headers: cookies.isEmpty ? [:] : [.cookie: cookieHeader])
        keep(response)
        if let token = Self.metaCSRF(String(buffer: response.body)), !token.isEmpty { csrf = token }
        return response
    }

    mutating func post(_ uri: String, _ fields: [(String, String)], csrf include: Bool = true) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if !cookies.isEmpty { headers[.cookie] = cookieHeader }
        let body = FormEncoding.encode(include ? fields + [("_csrf", csrf)] : fields)
        let response = try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
        keep(response)
        return response
    }

    mutating func login(_ login: String, _ password: String, code: String? = nil) async throws -> TestResponse {
        let page = try await get("/console/login")
        let token = String(buffer: page.body).components(separatedBy: "name=\"_login\" value=\"")[1].components(separatedBy: "\"")[0]
        var fields = [("_login", token), ("login", login), ("password", password)]
        if let code { fields.append(("code", code)) }
        let response = try await post("/console/login", fields, csrf: false)
        if response.status == .seeOther { _ = try await get("/console") }
        return response
    }

    static func metaCSRF(_ html: String) -> String? {
        html.components(separatedBy: "<meta name=\"csrf-token\" content=\"").dropFirst().first?.components(separatedBy: "\"").first
    }
}

@Suite struct ConsoleRouteTests {
    static func harness() throws -> Harness {
        let harness = try Harness()
        let store = harness.service.database
        try store.addTeam(id: "legal", title: "Legal aid")
        try store.addTeam(id: "health", title: "Health")
        try store.setRoute(topic: "rights", team: "legal")
        try store.setRoute(topic: "deportation_papers", team: "legal")
        try store.addAdvocate(login: "tomas", role: .advocate, passwordHash: try ConsoleAuth.hashPassword("tomas password 1"), teams: ["legal"], now: Date())
        try store.addAdvocate(login: "hana", role: .advocate, passwordHash: try ConsoleAuth.hashPassword("hana password 12"), teams: ["health"], now: Date())
        try store.addAdvocate(login: "dilara", role: .admin, passwordHash: try ConsoleAuth.hashPassword("dilara password"), teams: [], now: Date())
        return harness
    }

    @Test(arguments: [("/console", HTTPResponse.Status.seeOther), ("/console/admin", .seeOther), ("/console/cases/x", .seeOther),
                      ("/console/events", .unauthorized), ("/console/queue-fragment", .unauthorized)])
    func signInRequired(uri: String, status: HTTPResponse.Status) async throws {
        let harness = try Self.harness()
        defer { harness.remove() }
        try await harness.app().test(.router) { client in
            let response = try await client.execute(uri: uri, method: .get)
            #expect(response.status == status)
            if status == .seeOther { #expect(response.headers[.location] == "/console/login") }
            #expect(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
            let post = try await client.execute(uri: "/console/cases/x/claim", method: .post)
            #expect(post.status == .unauthorized)
        }
    }

    @Test func loginSetsAHostCookieAndANewSessionEachTime() async throws {
        let harness = try Self.harness()
        defer { harness.remove() }
        try await harness.app().test(.router) { client in
            var browser = ConsoleBrowser(client)
            let bad = try await browser.login("tomas", "wrong password!")
            #expect(bad.status == .unauthorized)
            let good = try await browser.login("tomas", "tomas password 1")
            #expect(good.status == .seeOther)
            let cookie = try #require(good.headers[values: .setCookie].first { $0.hasPrefix("__Host-sanctuary=") })
            #expect(cookie.contains("Secure") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"))
            let first = browser.cookies["__Host-sanctuary"]
            _ = try await browser.login("tomas", "tomas password 1")
            #expect(browser.cookies["__Host-sanctuary"] != first)
            let queue = try await browser.get("/console")
            #expect(queue.status == .ok)
            #expect(queue.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true)
            #expect(queue.headers[.xContentTypeOptions] == "nosniff")
            #expect(queue.headers[.cacheControl] == "no-store")
            #expect(!String(buffer: queue.body).contains("<script>"))
        }
    }

    @Test func loginWithoutTheLoginCookieIsRefused() async throws {
        let harness = try Self.harness()
        defer { harness.remove() }
        try await harness.app().test(.router) { client in
            let response = try await client.execute(uri: "/console/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                                    body: ByteBuffer(string: "_login=x&login=tomas&password=tomas+password+1"))
            #expect(response.status == .forbidden)
        }
    }

    @Test func csrfIsRequiredOnEveryStateChange() async throws {
        let harness = try Self.harness()
        defer { harness.remove() }
        try await harness.app().test(.router) { client in
            _ = try await client.twilio(from: "+15550188001", body: "ICE is knocking on my door right now")
            let id = try #require(try await harness.service.store.openCases().first?.id)
            var browser = ConsoleBrowser(client)
            _ = try await browser.login("tomas", "tomas password 1")
            for action in ["claim", "reply", "note", "close"] {
                let refused = try await browser.post("/console/cases/\(id)/\(action)", [("text", "hello")], csrf: false)
                #expect(refused.status == .forbidden, "\(action)")
            }
            var forged = browser
            forged.csrf = "forged"
            #expect(try await forged.post("/console/cases/\(id)/claim", []).status == .forbidden)
            let claimed = try await browser.post("/console/cases/\(id)/claim", [])
            #expect(claimed.status == .seeOther)
            #expect(try await harness.service.store.caseSummary(id: id)?.claimedBy == "tomas")
            #expect(try await browser.post("/console/logout", [], csrf: false).status == .forbidden)
        }
    }

    @Test func anotherTeamsCaseCannotBeReadOrChanged() async throws {
        let harness = try Self.harness()
        defer { harness.remove() }
        try await harness.app().test(.router) { client in
            _ = try await client.twilio(from: "+15550188002", body: "ICE is knocking on my door right now")
            let summary = try #require(try await harness.service.store.openCases().first)
            #expect(summary.team == "legal")
            var hana = ConsoleBrowser(client)
            _ = try await hana.login("hana", "hana password 12")
            #expect(try await hana.get("/console/cases/\(summary.id)").status == .forbidden)
            #expect(try await hana.post("/console/cases/\(summary.id)/reply", [("text", "hi")]).status == .forbidden)
            #expect(try await hana.post("/console/cases/\(summary.id)/close", []).status == .forbidden)
            #expect(!String(buffer: try await hana.get("/console").body).contains(summary.id))
            #expect(try await hana.get("/console/admin").status == .forbidden)
            var dilara = ConsoleBrowser(client)
            _ = try await dilara.login("dilara", "dilara password")
            #expect(try await dilara.get("/console/cases/\(summary.id)").status == .ok)
            #expect(try await dilara.get("/console/admin").status == .ok)
            #expect(try await harness.service.store.caseSummary(id: summary.id)?.closedAt == nil)
        }
    }

    @Test func loginThrottleSlowsGuessingButDoesNotLockOut() async throws {
        let harness = try Self.harness()
        defer { harness.remove() }
        try await harness.app().test(.router) { client in
            var attacker = ConsoleBrowser(client)
            for _ in 0..<5 { #expect(try await attacker.login("tomas", "guess guess guess").status == .unauthorized) }
            // Even the right password waits now: the throttle does not tell a guesser when it guessed right.
            let next = try await attacker.login("tomas", "tomas password 1")
            #expect(next.status == .tooManyRequests)
            #expect(next.headers[.retryAfter] != nil)
            harness.clock.advance(by: 61)
            var owner = ConsoleBrowser(client)
            #expect(try await owner.login("tomas", "tomas password 1").status == .seeOther)
        }
    }

    @Test func logoutAndTimeoutsEndTheSessionOnTheServer() async throws {
        let harness = try Self.harness()
        defer { harness.remove() }
        try await harness.app().test(.router) { client in
            var browser = ConsoleBrowser(client)
            _ = try await browser.login("tomas", "tomas password 1")
            let stolen = browser.cookies
            #expect(try await browser.post("/console/logout", []).status == .seeOther)
            var thief = ConsoleBrowser(client)
            thief.cookies = stolen
            #expect(try await thief.get("/console").status == .seeOther)

            var idle = ConsoleBrowser(client)
            _ = try await idle.login("tomas", "tomas password 1")
            harness.clock.advance(by: 31 * 60)
            #expect(try await idle.get("/console").status == .seeOther)

            var disabled = ConsoleBrowser(client)
            _ = try await disabled.login("hana", "hana password 12")
            try harness.service.database.setDisabled(login: "hana", true)
            #expect(try await disabled.get("/console").status == .seeOther)
        }
    }

    @Test func caseWorkNeverShowsThePhoneNumber() async throws {
        let harness = try Self.harness()
        defer { harness.remove() }
        let phone = "+15550188123"
        try await harness.app().test(.router) { client in
            _ = try await client.twilio(from: phone, body: "ICE esta en mi puerta, llamame al \(phone)")
            let id = try #require(try await harness.service.store.openCases().first?.id)
            var tomas = ConsoleBrowser(client)
            _ = try await tomas.login("tomas", "tomas password 1")
            var pages = [try await tomas.get("/console"), try await tomas.get("/console/queue-fragment"), try await tomas.get("/console/cases/\(id)")]
            _ = try await tomas.post("/console/cases/\(id)/claim", [])
            let reply = try await tomas.post("/console/cases/\(id)/reply", [("text", "¿Le mostraron un papel?"), ("key", "k1")])
            #expect(reply.headers[.location]?.hasSuffix("?m=sent") == true)
            pages.append(try await tomas.get("/console/cases/\(id)?m=sent"))
            pages.append(try await tomas.post("/console/api/sms-info", [("text", "Hello, did they show you a paper signed by a judge?"), ("language", "es")]))
            var admin = ConsoleBrowser(client)
            _ = try await admin.login("dilara", "dilara password")
            pages.append(try await admin.get("/console/admin"))
            for page in pages {
                let body = String(buffer: page.body)
                #expect(!body.contains("5550188123"), "a page shows the number")
            }
            let caseHTML = String(buffer: pages[3].body)
            #expect(caseHTML.contains("<li class=\"resident\">"))
            #expect(caseHTML.contains("<li class=\"advocate\">"))
            #expect(!caseHTML.contains("GRDB"))
            #expect(caseHTML.contains("&lt;PHONE&gt;"))
            #expect(caseHTML.contains("¿Le mostraron un papel?"))
            let info = String(buffer: pages[4].body)
            #expect(info.contains("\"warning\""), "an English reply to a Spanish-speaking resident is flagged")
        }
        #expect(try await harness.service.outboundWorker.drain() == 1)
        #expect(harness.transport.requests.count == 1)
        #expect(harness.transport.requests.first?.body.contains("5550188123") == true)
    }
}

@Suite struct ConsoleAdminTests {
    @Test func adminEditsOfficeHoursRoutingAndSeesOnlyCounts() async throws {
        let harness = try ConsoleRouteTests.harness()
        defer { harness.remove() }
        try await harness.app().test(.router) { client in
            _ = try await client.twilio(from: "+15550188201", body: "necesito comida para mis hijos")
            var admin = ConsoleBrowser(client)
            _ = try await admin.login("dilara", "dilara password")
            let bad = try await admin.post("/console/admin/hours", [("hours", "whenever")])
            #expect(bad.headers[.location]?.contains("office") == true)
            #expect(try harness.service.database.setting("office_hours") == nil)
            let saved = try await admin.post("/console/admin/hours", [("hours", "sat 10:00-11:00")])
            #expect(saved.status == .seeOther)
            #expect(try harness.service.database.setting("office_hours") == "sat 10:00-11:00")
            #expect(harness.service.content.current.version == 2)
            #expect(harness.service.content.current.engine.settings.officeHours.ranges.count == 1)
            _ = try await admin.post("/console/admin/routes", [("topic", "sensitive"), ("team", "health")])
            #expect(try await harness.service.store.team(intent: "domestic_violence", category: "sensitive") == "health")
            let page = String(buffer: try await admin.get("/console/admin").body)
            #expect(page.contains("find_food"))
            #expect(!page.contains("comida"), "statistics never show message text")
            let reload = try await admin.post("/console/admin/reload", [])
            #expect(reload.status == .seeOther)
        }
    }
}

@Suite struct TeamSeedTests {
    /// Olena's deportation letter (journey 3) goes to the legal-aid team of the demo city.
    @Test func demoTeamsRouteDeportationToLegalAid() async throws {
        let harness = try Harness { $0.teamsSeed = Repository.root.appendingPathComponent("deploy/teams.yaml").path }
        defer { harness.remove() }
        #expect(try harness.service.database.teams().map(\.id) == ["health", "housing-work", "legal", "safety"])
        try await harness.app().test(.router) { client in
            let body = #"{"session":"olena-session-0123456789","text":"отримала лист з Ausländerbehörde, там Abschiebungsandrohung, строк тиждень"}"#
            _ = try await client.execute(uri: "/api/v1/messages", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: body))
        }
        let open = try await harness.service.store.openCases()
        #expect(open.first?.intent == "deportation_papers")
        #expect(open.first?.team == "legal")
    }
}

@Suite struct ConsoleCaseActionTests {
    @Test func unclaimTransferNoteAndAdminAccountRoutes() async throws {
        let harness = try ConsoleRouteTests.harness()
        defer { harness.remove() }
        try await harness.app().test(.router) { client in
            _ = try await client.twilio(from: "+15550188301", body: "ICE is knocking on my door right now")
            let id = try #require(try await harness.service.store.openCases().first?.id)
            var tomas = ConsoleBrowser(client)
            _ = try await tomas.login("tomas", "tomas password 1")
            _ = try await tomas.post("/console/cases/\(id)/claim", [])
            _ = try await tomas.post("/console/cases/\(id)/unclaim", [])
            #expect(try await harness.service.store.caseSummary(id: id)?.claimedBy == nil)
            _ = try await tomas.post("/console/cases/\(id)/note", [("text", "called the rapid response team, call back +15550188301")])
            let lines = try await harness.service.cases.transcript(caseID: id)
            #expect(lines.last?.author == "note")
            #expect(lines.last?.text.contains("<PHONE>") == true, "notes are scrubbed too")
            // Transfer to another team: the case leaves Tomás's queue and his access.
            let moved = try await tomas.post("/console/cases/\(id)/transfer", [("team", "health")])
            #expect(moved.headers[.location] == "/console")
            #expect(try await harness.service.store.caseSummary(id: id)?.team == "health")
            #expect(try await tomas.get("/console/cases/\(id)").status == .forbidden)
            var hana = ConsoleBrowser(client)
            _ = try await hana.login("hana", "hana password 12")
            #expect(try await hana.get("/console/cases/\(id)").status == .ok)

            var admin = ConsoleBrowser(client)
            _ = try await admin.login("dilara", "dilara password")
            _ = try await admin.post("/console/admin/teams", [("id", "schools"), ("title", "Schools")])
            let short = try await admin.post("/console/admin/advocates", [("login", "newbie"), ("role", "advocate"), ("team", "schools"), ("password", "short")])
            #expect(short.headers[.location]?.contains("12") == true, "password too short is refused with a reason")
            _ = try await admin.post("/console/admin/advocates", [("login", "newbie"), ("role", "advocate"), ("team", "schools"), ("password", "a long enough password")])
            let created = try #require(try harness.service.database.advocate(login: "newbie"))
            #expect(created.teams == ["schools"] && created.role == .advocate)
            _ = try await admin.post("/console/admin/disable", [("login", "newbie")])
            #expect(try harness.service.database.advocate(login: "newbie")?.disabled == true)
            var newbie = ConsoleBrowser(client)
            #expect(try await newbie.login("newbie", "a long enough password").status == .unauthorized)
            _ = try await admin.post("/console/admin/enable", [("login", "newbie")])
            #expect(try await newbie.login("newbie", "a long enough password").status == .seeOther)
            // An advocate cannot use admin routes.
            #expect(try await tomas.post("/console/admin/advocates", [("login", "x2"), ("password", "a long enough password")]).status == .forbidden)
        }
    }

    @Test func totpSecondFactor() async throws {
        let harness = try ConsoleRouteTests.harness()
        defer { harness.remove() }
        let (secret, url) = ConsoleAuth.newTOTP(login: "tomas")
        #expect(url.hasPrefix("otpauth://totp/"))
        try harness.service.database.setTOTPSecret(login: "tomas", secret: secret)
        try await harness.app().test(.router) { client in
            var browser = ConsoleBrowser(client)
            let withoutCode = try await browser.login("tomas", "tomas password 1")
            #expect(withoutCode.status == .unauthorized)
            let valid = TOTP(secret: secret).compute(date: harness.clock.now)
            let neighbours = [-30.0, 30].map { TOTP(secret: secret).compute(date: harness.clock.now.addingTimeInterval($0)) }
            let wrong = (1...9).map { (valid + $0 * 111_111) % 1_000_000 }.first { !neighbours.contains($0) }!
            let wrongCode = try await browser.login("tomas", "tomas password 1", code: String(format: "%06d", wrong))
            #expect(wrongCode.status == .unauthorized)
            let code = String(format: "%06d", valid)
            let signedIn = try await browser.login("tomas", "tomas password 1", code: code)
            #expect(signedIn.status == .seeOther)
        }
    }
}
