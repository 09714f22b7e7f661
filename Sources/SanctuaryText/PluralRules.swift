import CICUShim

/// CLDR plural rules through ICU.
public enum PluralRules {
    /// The plural category of `number` in `locale`: "zero", "one", "two", "few", "many" or "other".
    public static func category(of number: Double, locale: String) -> String {
        withCStringOutput { sicu_plural_category(locale, number, $0, $1) } ?? "other"
    }
}
