// ICU calls live only here, so ICU's versioned macros expand in C++ and no ICU type reaches Swift.
#include "sanctuary_icu.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/msgfmt.h>
#include <unicode/normalizer2.h>
#include <unicode/plurrule.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/uloc.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>

#include <cstring>
#include <map>
#include <memory>
#include <set>
#include <string>

using namespace icu;

namespace {

int32_t copyOut(const UnicodeString &s, uint16_t *dst, int32_t cap) {
    int32_t n = s.length();
    if (n <= cap && dst != nullptr) {
        s.extract(0, n, reinterpret_cast<UChar *>(dst));
    }
    return n;
}

int32_t copyOut(const std::string &s, char *out, int32_t cap) {
    int32_t n = static_cast<int32_t>(s.size());
    if (n < cap && out != nullptr) {
        std::memcpy(out, s.data(), n);
        out[n] = 0;
    }
    return n;
}

UnicodeString wrap(const uint16_t *src, int32_t len) {
    // Read-only alias: no copy of the caller's buffer.
    return UnicodeString(false, reinterpret_cast<const UChar *>(src), len);
}

Transliterator *cachedTransliterator(const char *id) {
    thread_local std::map<std::string, std::unique_ptr<Transliterator>> cache;
    auto found = cache.find(id);
    if (found != cache.end()) return found->second.get();
    UErrorCode status = U_ZERO_ERROR;
    UParseError perr;
    std::unique_ptr<Transliterator> t(
        Transliterator::createInstance(UnicodeString::fromUTF8(id), UTRANS_FORWARD, perr, status));
    if (U_FAILURE(status)) t.reset();
    Transliterator *raw = t.get();
    cache[id] = std::move(t);
    return raw;
}

BreakIterator *cachedWordBreaker(const char *locale) {
    thread_local std::map<std::string, std::unique_ptr<BreakIterator>> cache;
    std::string key = locale ? locale : "";
    auto found = cache.find(key);
    if (found != cache.end()) return found->second.get();
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<BreakIterator> it(BreakIterator::createWordInstance(Locale(key.c_str()), status));
    if (U_FAILURE(status)) it.reset();
    BreakIterator *raw = it.get();
    cache[key] = std::move(it);
    return raw;
}

void fillError(sicu_msg_error *err, UErrorCode status, const UParseError *perr) {
    if (err == nullptr) return;
    err->error_code = status;
    err->line = perr ? perr->line : -1;
    err->offset = perr ? perr->offset : -1;
    std::strncpy(err->error_name, u_errorName(status), sizeof(err->error_name) - 1);
    err->error_name[sizeof(err->error_name) - 1] = 0;
}

void collectArgNames(const MessagePattern &pattern, std::set<std::string> &names) {
    int32_t count = pattern.countParts();
    for (int32_t i = 0; i < count; ++i) {
        const MessagePattern::Part &part = pattern.getPart(i);
        if (part.getType() == UMSGPAT_PART_TYPE_ARG_NAME) {
            UnicodeString sub = pattern.getSubstring(part);
            std::string utf8;
            sub.toUTF8String(utf8);
            names.insert(utf8);
        }
    }
}

int32_t copyOut8(const UnicodeString &s, char *dst, int32_t cap) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t needed = 0;
    u_strToUTF8(dst, cap, &needed, s.getBuffer(), s.length(), &status);
    if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) return needed;
    if (U_FAILURE(status)) return -status;
    return needed;
}

UnicodeString fromUTF8(const char *src, int32_t len) {
    return UnicodeString::fromUTF8(StringPiece(src, len));
}

} // namespace

extern "C" {

int32_t sicu_fold8(const char *src, int32_t len, char *dst, int32_t cap) {
    UErrorCode status = U_ZERO_ERROR;
    const Normalizer2 *nfkcCf = Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status)) return -status;
    UnicodeString out = nfkcCf->normalize(fromUTF8(src, len), status);
    if (U_FAILURE(status)) return -status;
    return copyOut8(out, dst, cap);
}

int32_t sicu_strip_marks8(const char *src, int32_t len, char *dst, int32_t cap) {
    UErrorCode status = U_ZERO_ERROR;
    const Normalizer2 *nfd = Normalizer2::getNFDInstance(status);
    const Normalizer2 *nfc = Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) return -status;
    UnicodeString decomposed = nfd->normalize(fromUTF8(src, len), status);
    if (U_FAILURE(status)) return -status;
    UnicodeString kept;
    for (int32_t i = 0; i < decomposed.length();) {
        UChar32 c = decomposed.char32At(i);
        if (u_charType(c) != U_NON_SPACING_MARK) kept.append(c);
        i += U16_LENGTH(c);
    }
    UnicodeString out = nfc->normalize(kept, status);
    if (U_FAILURE(status)) return -status;
    return copyOut8(out, dst, cap);
}

int32_t sicu_words8(const char *locale, const char *src, int32_t len, char *dst, int32_t cap) {
    BreakIterator *it = cachedWordBreaker(locale);
    if (it == nullptr) return -U_INTERNAL_PROGRAM_ERROR;
    UnicodeString text = fromUTF8(src, len);
    it->setText(text);
    UnicodeString joined;
    int32_t start = it->first();
    for (int32_t end = it->next(); end != BreakIterator::DONE; start = end, end = it->next()) {
        if (it->getRuleStatus() == UBRK_WORD_NONE) continue;
        if (!joined.isEmpty()) joined.append((UChar)0x20);
        joined.append(text, start, end - start);
    }
    UnicodeString empty;
    it->setText(empty);
    return copyOut8(joined, dst, cap);
}

int32_t sicu_transliterate8(const char *transform_id, const char *src, int32_t len, char *dst, int32_t cap) {
    Transliterator *t = cachedTransliterator(transform_id);
    if (t == nullptr) return -U_INVALID_ID;
    UnicodeString text = fromUTF8(src, len);
    t->transliterate(text);
    return copyOut8(text, dst, cap);
}

int32_t sicu_fold(const uint16_t *src, int32_t len, uint16_t *dst, int32_t cap) {
    UErrorCode status = U_ZERO_ERROR;
    const Normalizer2 *nfkcCf = Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status)) return -status;
    UnicodeString out = nfkcCf->normalize(wrap(src, len), status);
    if (U_FAILURE(status)) return -status;
    return copyOut(out, dst, cap);
}

int32_t sicu_fold_strip(const uint16_t *src, int32_t len, uint16_t *dst, int32_t cap) {
    UErrorCode status = U_ZERO_ERROR;
    const Normalizer2 *nfkcCf = Normalizer2::getNFKCCasefoldInstance(status);
    const Normalizer2 *nfd = Normalizer2::getNFDInstance(status);
    const Normalizer2 *nfc = Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) return -status;
    UnicodeString decomposed = nfd->normalize(nfkcCf->normalize(wrap(src, len), status), status);
    if (U_FAILURE(status)) return -status;
    UnicodeString kept;
    for (int32_t i = 0; i < decomposed.length();) {
        UChar32 c = decomposed.char32At(i);
        if (u_charType(c) != U_NON_SPACING_MARK) kept.append(c);
        i += U16_LENGTH(c);
    }
    UnicodeString out = nfc->normalize(kept, status);
    if (U_FAILURE(status)) return -status;
    return copyOut(out, dst, cap);
}

int32_t sicu_transliterate(const char *transform_id, const uint16_t *src, int32_t len, uint16_t *dst, int32_t cap) {
    Transliterator *t = cachedTransliterator(transform_id);
    if (t == nullptr) return -U_INVALID_ID;
    UnicodeString text(reinterpret_cast<const UChar *>(src), len);
    t->transliterate(text);
    return copyOut(text, dst, cap);
}

int32_t sicu_words(const char *locale, const uint16_t *src, int32_t len, int32_t *bounds, int32_t cap) {
    BreakIterator *it = cachedWordBreaker(locale);
    if (it == nullptr) return -U_INTERNAL_PROGRAM_ERROR;
    UnicodeString text = wrap(src, len);
    it->setText(text);
    int32_t found = 0;
    int32_t start = it->first();
    for (int32_t end = it->next(); end != BreakIterator::DONE; start = end, end = it->next()) {
        if (it->getRuleStatus() == UBRK_WORD_NONE) continue;
        if (found < cap) {
            bounds[2 * found] = start;
            bounds[2 * found + 1] = end;
        }
        ++found;
    }
    UnicodeString empty;
    it->setText(empty);  // do not keep a pointer to the caller's buffer
    return found;
}

int32_t sicu_canonical_tag(const char *tag, char *out, int32_t cap) {
    UErrorCode status = U_ZERO_ERROR;
    Locale loc = Locale::forLanguageTag(tag, status);
    if (U_FAILURE(status) || loc.isBogus()) return -U_ILLEGAL_ARGUMENT_ERROR;
    std::string result = loc.toLanguageTag<std::string>(status);
    if (U_FAILURE(status)) return -status;
    return copyOut(result, out, cap);
}

int32_t sicu_maximize_tag(const char *tag, char *out, int32_t cap) {
    UErrorCode status = U_ZERO_ERROR;
    Locale loc = Locale::forLanguageTag(tag, status);
    if (U_FAILURE(status)) return -status;
    loc.addLikelySubtags(status);
    std::string result = loc.toLanguageTag<std::string>(status);
    if (U_FAILURE(status)) return -status;
    return copyOut(result, out, cap);
}

int32_t sicu_minimize_tag(const char *tag, char *out, int32_t cap) {
    UErrorCode status = U_ZERO_ERROR;
    Locale loc = Locale::forLanguageTag(tag, status);
    if (U_FAILURE(status)) return -status;
    loc.minimizeSubtags(status);
    std::string result = loc.toLanguageTag<std::string>(status);
    if (U_FAILURE(status)) return -status;
    return copyOut(result, out, cap);
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

int32_t sicu_script(uint32_t codepoint) {
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode code = uscript_getScript(static_cast<UChar32>(codepoint), &status);
    return U_FAILURE(status) ? USCRIPT_INVALID_CODE : code;
}

const char *sicu_script_code_name(int32_t script_code) {
    const char *name = uscript_getShortName(static_cast<UScriptCode>(script_code));
    return name ? name : "Zzzz";
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
