import Foundation
import Yams

/// Canned replies per language for the case page, from `deploy/canned-replies.yaml`
/// (`<language>: [reply, …]`). A missing file means no canned replies.
enum CannedReplies {
    static func load(path: String) -> [String: [String]] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
              let value = try? Yams.load(yaml: text) as? [String: [String]] else { return [:] }
        return value
    }
}
