import ArgumentParser
import Foundation
import SanctuaryServer
import SanctuaryStore

/// `sanctuary advocate …`: console accounts. Passwords are read from standard input, never from arguments.
struct AdvocateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advocate", abstract: "Manage console accounts (advocates and admins).",
        subcommands: [Add.self, List.self, Disable.self, Enable.self, Reset.self, TOTP.self])

    struct DataOption: ParsableArguments {
        @Option(help: "Data directory (SANCTUARY_DATA, default ./data).") var data: String?
        func store() throws -> SQLiteStore {
            try SQLiteStore(directory: data ?? ProcessInfo.processInfo.environment["SANCTUARY_DATA"] ?? "data")
        }
    }

    static func readPassword() throws -> String {
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            printError("sanctuary: give the password on standard input (e.g. printf '%s' \"$PASSWORD\" | sanctuary advocate add …)")
            throw ExitCodeError.failure
        }
        return line
    }

    static func run(_ body: () throws -> Void) throws {
        do { try body() } catch let error as AccountError {
            printError("sanctuary: \(error)")
            throw ExitCodeError.failure
        } catch let error as PasswordError {
            printError("sanctuary: \(error)")
            throw ExitCodeError.failure
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an account; the password comes from standard input.")
        @Argument(help: "Login (a–z, 0–9, '.', '_', '-').") var login: String
        @Option(help: "advocate or admin.") var role: Advocate.Role = .advocate
        @Option(help: "Team(s), comma-separated.") var team: String?
        @OptionGroup var data: DataOption
        func run() throws {
            let password = try AdvocateCommand.readPassword()
            try AdvocateCommand.run {
                let teams = (team ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                try data.store().addAdvocate(login: login, role: role, passwordHash: try ConsoleAuth.hashPassword(password), teams: teams, now: Date())
            }
            print("added \(login) (\(role.rawValue))")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List accounts.")
        @OptionGroup var data: DataOption
        func run() throws {
            for a in try data.store().advocates() {
                print("\(a.login)\t\(a.role.rawValue)\t\(a.teams.joined(separator: ","))\t\(a.disabled ? "disabled" : "active")\t\(a.totpSecret == nil ? "" : "totp")")
            }
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable an account and end its sessions.")
        @Argument var login: String
        @OptionGroup var data: DataOption
        func run() throws { try AdvocateCommand.run { try data.store().setDisabled(login: login, true) }; print("disabled \(login)") }
    }

    struct Enable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enable a disabled account.")
        @Argument var login: String
        @OptionGroup var data: DataOption
        func run() throws { try AdvocateCommand.run { try data.store().setDisabled(login: login, false) }; print("enabled \(login)") }
    }

    struct Reset: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set a new password (from standard input) and end the account's sessions.")
        @Argument var login: String
        @OptionGroup var data: DataOption
        func run() throws {
            let password = try AdvocateCommand.readPassword()
            try AdvocateCommand.run { try data.store().setPassword(login: login, passwordHash: try ConsoleAuth.hashPassword(password)) }
            print("password reset for \(login)")
        }
    }

    struct TOTP: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "totp", abstract: "Turn on a TOTP second factor (prints the otpauth:// URL), or off with --off.")
        @Argument var login: String
        @Flag var off = false
        @OptionGroup var data: DataOption
        func run() throws {
            if off {
                try AdvocateCommand.run { try data.store().setTOTPSecret(login: login, secret: nil) }
                print("second factor off for \(login)")
                return
            }
            let (secret, url) = ConsoleAuth.newTOTP(login: login)
            try AdvocateCommand.run { try data.store().setTOTPSecret(login: login, secret: secret) }
            print(url)
        }
    }
}

extension Advocate.Role: ExpressibleByArgument {}
