// Locales over ICU: BCP 47 tags, plural rules, MessageFormat.
#include "shim_internal.h"

using namespace icu;
using namespace sanctuary_shim;

namespace {

/// Parses a BCP 47 tag, applies `transform` to the locale, and writes the resulting tag.
template <typename Transform>
int32_t rewriteTag(const char *tag, char *out, int32_t cap, Transform transform) {
    UErrorCode status = U_ZERO_ERROR;
    Locale loc = Locale::forLanguageTag(tag, status);
    if (U_FAILURE(status) || loc.isBogus()) return -U_ILLEGAL_ARGUMENT_ERROR;
    transform(loc, status);
    std::string result = loc.toLanguageTag<std::string>(status);
    if (U_FAILURE(status)) return -status;
    return copyOut(result, out, cap);
}

} // namespace

extern "C" {

int32_t sicu_canonical_tag(const char *tag, char *out, int32_t cap) {
    return rewriteTag(tag, out, cap, [](Locale &, UErrorCode &) {});
}

int32_t sicu_maximize_tag(const char *tag, char *out, int32_t cap) {
    return rewriteTag(tag, out, cap, [](Locale &loc, UErrorCode &status) { loc.addLikelySubtags(status); });
}

int32_t sicu_minimize_tag(const char *tag, char *out, int32_t cap) {
    return rewriteTag(tag, out, cap, [](Locale &loc, UErrorCode &status) { loc.minimizeSubtags(status); });
}

int32_t sicu_plural_category(const char *locale, double number, char *out, int32_t cap) {
    thread_local std::map<std::string, std::unique_ptr<PluralRules>> cache;
    std::string key = locale ? locale : "";
    auto found = cache.find(key);
    PluralRules *rules = nullptr;
    if (found != cache.end()) {
        rules = found->second.get();
    } else {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<PluralRules> created(PluralRules::forLocale(Locale(key.c_str()), status));
        if (U_FAILURE(status)) return -status;
        rules = created.get();
        cache[key] = std::move(created);
    }
    std::string category;
    rules->select(number).toUTF8String(category);
    return copyOut(category, out, cap);
}

int32_t sicu_msg_validate(const char *locale, const uint16_t *pattern, int32_t plen,
                          char *names, int32_t names_cap, sicu_msg_error *err) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError perr;
    MessagePattern parsed(wrap(pattern, plen), &perr, status);
    if (U_FAILURE(status)) {
        fillError(err, status, &perr);
        return status;
    }
    // Also build the formatter: it rejects unknown argument types and bad plural selectors.
    MessageFormat format(wrap(pattern, plen), Locale(locale), perr, status);
    if (U_FAILURE(status)) {
        fillError(err, status, &perr);
        return status;
    }
    if (names != nullptr && names_cap > 0) {
        std::set<std::string> found;
        collectArgNames(parsed, found);
        int32_t pos = 0;
        for (const std::string &n : found) {
            if (pos + static_cast<int32_t>(n.size()) + 1 >= names_cap) break;
            std::memcpy(names + pos, n.data(), n.size());
            pos += static_cast<int32_t>(n.size());
            names[pos++] = 0;
        }
        names[pos] = 0;
    }
    fillError(err, U_ZERO_ERROR, nullptr);
    return 0;
}

int32_t sicu_msg_format(const char *locale, const uint16_t *pattern, int32_t plen,
                        const sicu_msg_arg *args, int32_t argc,
                        uint16_t *dst, int32_t cap, sicu_msg_error *err) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError perr;
    MessageFormat format(wrap(pattern, plen), Locale(locale), perr, status);
    if (U_FAILURE(status)) {
        fillError(err, status, &perr);
        return -status;
    }
    std::unique_ptr<UnicodeString[]> names(new UnicodeString[argc > 0 ? argc : 1]);
    std::unique_ptr<Formattable[]> values(new Formattable[argc > 0 ? argc : 1]);
    for (int32_t i = 0; i < argc; ++i) {
        names[i] = UnicodeString::fromUTF8(args[i].name);
        if (args[i].is_number) {
            values[i].setDouble(args[i].number);
        } else {
            values[i].setString(UnicodeString(reinterpret_cast<const UChar *>(args[i].text), args[i].text_len));
        }
    }
    UnicodeString out;
    format.format(names.get(), values.get(), argc, out, status);
    if (U_FAILURE(status)) {
        fillError(err, status, nullptr);
        return -status;
    }
    fillError(err, U_ZERO_ERROR, nullptr);
    return copyOut(out, dst, cap);
}

} // extern "C"
