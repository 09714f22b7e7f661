import Foundation
import Hummingbird

/// Liveness and readiness for load balancers and orchestrators.
struct HealthRoutes {
    let service: SanctuaryService

    func register(on router: Router<BasicRequestContext>) {
        router.get("/healthz") { _, _ -> Response in .text(.ok, "ok\n") }
        router.get("/readyz") { _, _ -> Response in
            do {
                let pending = try await service.store.pendingOutbound()
                let snapshot = service.content.current
                return .json(.ok, ["status": "ready", "content_version": "\(snapshot.version)", "outbound_pending": "\(pending)"])
            } catch {
                return .text(.serviceUnavailable, "store unavailable\n")
            }
        }
    }
}
