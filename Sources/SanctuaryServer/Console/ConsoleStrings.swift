import Foundation
import SanctuaryText

/// The console's own texts in English, German and Spanish (advocates speak many languages too).
enum ConsoleStrings {
    static let languages = ["en", "de", "es"]

    static let table: [String: [String: String]] = [
        "title": ["en": "Sanctuary console", "de": "Sanctuary-Konsole", "es": "Consola de Sanctuary"],
        "login": ["en": "Sign in", "de": "Anmelden", "es": "Iniciar sesión"],
        "login_name": ["en": "Login", "de": "Benutzerkennung", "es": "Usuario"],
        "password": ["en": "Password", "de": "Passwort", "es": "Contraseña"],
        "code": ["en": "Authenticator code (if enabled)", "de": "Code der Authenticator-App (falls aktiviert)", "es": "Código de autenticación (si está activado)"],
        "invalid": ["en": "Login, password or code not accepted.", "de": "Kennung, Passwort oder Code nicht akzeptiert.", "es": "Usuario, contraseña o código no aceptados."],
        "needs_code": ["en": "Enter the code from your authenticator app.", "de": "Bitte den Code aus der Authenticator-App eingeben.", "es": "Introduzca el código de su aplicación de autenticación."],
        "throttled": ["en": "Too many attempts. Try again in a minute.", "de": "Zu viele Versuche. Bitte in einer Minute erneut versuchen.", "es": "Demasiados intentos. Inténtelo de nuevo en un minuto."],
        "logout": ["en": "Sign out", "de": "Abmelden", "es": "Cerrar sesión"],
        "queue": ["en": "Open cases", "de": "Offene Fälle", "es": "Casos abiertos"],
        "empty_queue": ["en": "No open cases.", "de": "Keine offenen Fälle.", "es": "No hay casos abiertos."],
        "urgent": ["en": "URGENT", "de": "DRINGEND", "es": "URGENTE"],
        "handoff": ["en": "waiting", "de": "wartet", "es": "en espera"],
        "waiting": ["en": "waiting", "de": "Wartezeit", "es": "espera"],
        "topic": ["en": "Topic", "de": "Thema", "es": "Tema"],
        "language": ["en": "Language", "de": "Sprache", "es": "Idioma"],
        "team": ["en": "Team", "de": "Team", "es": "Equipo"],
        "claimed_by": ["en": "Claimed by", "de": "Übernommen von", "es": "Asignado a"],
        "nobody": ["en": "nobody", "de": "niemand", "es": "nadie"],
        "open": ["en": "Open", "de": "Öffnen", "es": "Abrir"],
        "claim": ["en": "Claim", "de": "Übernehmen", "es": "Asumir"],
        "unclaim": ["en": "Release", "de": "Freigeben", "es": "Liberar"],
        "reply": ["en": "Reply to the resident", "de": "Antwort an die Person", "es": "Responder a la persona"],
        "send": ["en": "Send", "de": "Senden", "es": "Enviar"],
        "canned": ["en": "Canned replies", "de": "Textbausteine", "es": "Respuestas predefinidas"],
        "note": ["en": "Private note (never sent)", "de": "Interne Notiz (wird nie gesendet)", "es": "Nota privada (nunca se envía)"],
        "add_note": ["en": "Add note", "de": "Notiz speichern", "es": "Guardar nota"],
        "transfer": ["en": "Transfer to team", "de": "An Team übergeben", "es": "Transferir al equipo"],
        "close": ["en": "Close case", "de": "Fall schließen", "es": "Cerrar caso"],
        "close_note": ["en": "Closing destroys the way back to the resident now and the transcript after the retention period.", "de": "Schließen löscht den Rückweg zur Person sofort und das Protokoll nach der Aufbewahrungsfrist.", "es": "Cerrar destruye ya el camino de vuelta a la persona y la conversación tras el plazo de conservación."],
        "transcript": ["en": "Conversation (identifiers masked)", "de": "Verlauf (Kennungen maskiert)", "es": "Conversación (datos identificativos ocultos)"],
        "resident": ["en": "Resident", "de": "Person", "es": "Persona"],
        "bot": ["en": "Bot", "de": "Bot", "es": "Bot"],
        "advocate": ["en": "Advocate", "de": "Berater/in", "es": "Asesor/a"],
        "segments": ["en": "SMS segments", "de": "SMS-Teile", "es": "Partes de SMS"],
        "language_mismatch": ["en": "This reply seems to be in {reply}, the resident writes {resident}.", "de": "Diese Antwort scheint {reply} zu sein, die Person schreibt {resident}.", "es": "Esta respuesta parece estar en {reply}; la persona escribe en {resident}."],
        "opted_out": ["en": "The resident texted STOP: replies cannot be sent until they text START.", "de": "Die Person hat STOP geschickt: Antworten sind erst nach START möglich.", "es": "La persona envió STOP: no se pueden enviar respuestas hasta que envíe START."],
        "closed": ["en": "This case is closed.", "de": "Dieser Fall ist geschlossen.", "es": "Este caso está cerrado."],
        "sent": ["en": "Reply queued for sending.", "de": "Antwort wird gesendet.", "es": "Respuesta en cola para enviar."],
        "admin": ["en": "Administration", "de": "Verwaltung", "es": "Administración"],
        "advocates": ["en": "Advocates", "de": "Berater/innen", "es": "Asesores"],
        "teams": ["en": "Teams and routing", "de": "Teams und Zuordnung", "es": "Equipos y asignación"],
        "hours": ["en": "Office hours", "de": "Sprechzeiten", "es": "Horario"],
        "reload": ["en": "Reload intents and answers", "de": "Intents und Antworten neu laden", "es": "Recargar intenciones y respuestas"],
        "reload_ok": ["en": "Content version {version} is live.", "de": "Inhaltsversion {version} ist aktiv.", "es": "La versión {version} del contenido está activa."],
        "reload_refused": ["en": "Reload refused; the previous content stays live:", "de": "Neuladen abgelehnt; der bisherige Inhalt bleibt aktiv:", "es": "Recarga rechazada; sigue activo el contenido anterior:"],
        "statistics": ["en": "Statistics (counts only)", "de": "Statistik (nur Zählungen)", "es": "Estadísticas (solo recuentos)"],
        "median_wait": ["en": "Median wait for a first advocate reply", "de": "Median der Wartezeit bis zur ersten Antwort", "es": "Mediana de espera hasta la primera respuesta"],
        "role": ["en": "Role", "de": "Rolle", "es": "Rol"],
        "disabled": ["en": "disabled", "de": "deaktiviert", "es": "desactivado"],
        "disable": ["en": "Disable", "de": "Deaktivieren", "es": "Desactivar"],
        "enable": ["en": "Enable", "de": "Aktivieren", "es": "Activar"],
        "add": ["en": "Add", "de": "Hinzufügen", "es": "Añadir"],
        "save": ["en": "Save", "de": "Speichern", "es": "Guardar"],
        "route": ["en": "Route topic to team", "de": "Thema einem Team zuordnen", "es": "Asignar tema a equipo"],
        "topic_hint": ["en": "intent id or category (services, rights, sensitive)", "de": "Intent-ID oder Kategorie (services, rights, sensitive)", "es": "id de intención o categoría (services, rights, sensitive)"],
        "out_of_hours_note": ["en": "Format: mon-fri 09:00-17:00, sat 10:00-14:00. Outside these hours residents get the out_of_hours text of their language (locales/*.yaml) with the next opening time.", "de": "Format: mon-fri 09:00-17:00, sat 10:00-14:00. Außerhalb dieser Zeiten erhalten Personen den Text out_of_hours ihrer Sprache (locales/*.yaml) mit der nächsten Öffnungszeit.", "es": "Formato: mon-fri 09:00-17:00, sat 10:00-14:00. Fuera de este horario las personas reciben el texto out_of_hours de su idioma (locales/*.yaml) con la próxima apertura."],
        "not_found": ["en": "Not found.", "de": "Nicht gefunden.", "es": "No encontrado."],
        "forbidden": ["en": "This case belongs to another team.", "de": "Dieser Fall gehört zu einem anderen Team.", "es": "Este caso pertenece a otro equipo."],
        "back": ["en": "Back to the queue", "de": "Zurück zur Liste", "es": "Volver a la lista"],
        "new_case": ["en": "New case", "de": "Neuer Fall", "es": "Caso nuevo"],
        "live": ["en": "Live updates on", "de": "Live-Aktualisierung an", "es": "Actualización en vivo activada"],
    ]

    /// A text in the console language (English when missing), with {name} placeholders filled.
    static func text(_ key: String, _ language: String, _ values: [String: String] = [:]) -> String {
        var text = table[key]?[language] ?? table[key]?["en"] ?? key
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    /// The console language for a request: `?ui=de`, then the browser's Accept-Language.
    static func language(query: String?, acceptLanguage: String?) -> String {
        if let query, languages.contains(query) { return query }
        let requested = LocaleNegotiation.parseAcceptLanguage(acceptLanguage ?? "")
        return LocaleNegotiation.negotiate(requested: requested, available: languages, defaultLocale: "en")
    }
}
