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

[[maybe_unused]] int32_t copyOut(const UnicodeString &s, uint16_t *dst, int32_t cap) {
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

static int32_t scriptSlot(UScriptCode code) {
    switch (code) {
    case USCRIPT_LATIN: return 0;
    case USCRIPT_CYRILLIC: return 1;
    case USCRIPT_ARABIC: return 2;
    case USCRIPT_ETHIOPIC: return 3;
    case USCRIPT_GREEK: return 4;
    case USCRIPT_HEBREW: return 5;
    case USCRIPT_HAN: case USCRIPT_HIRAGANA: case USCRIPT_KATAKANA: return 6;
    case USCRIPT_DEVANAGARI: return 7;
    case USCRIPT_THAI: return 8;
    case USCRIPT_ARMENIAN: return 9;
    case USCRIPT_GEORGIAN: return 10;
    case USCRIPT_HANGUL: return 11;
    default: return 12;
    }
}

static bool needsDictionary(UScriptCode code) {
    switch (code) {
    case USCRIPT_THAI: case USCRIPT_LAO: case USCRIPT_KHMER: case USCRIPT_MYANMAR:
    case USCRIPT_HAN: case USCRIPT_HIRAGANA: case USCRIPT_KATAKANA: return true;
    default: return false;
    }
}

static bool isWordChar(UChar32 c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (c == 0x200C || c == 0x200D) return true;  // joiners inside Persian and Indic words
    int8_t type = u_charType(c);
    return u_isalnum(c) || type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK;
}

static bool isMidLetter(UChar32 c) {
    return c == 0x27 || c == 0x2019 || c == 0x2018 || c == 0x02BC;  // apostrophes: "don't", "l'avocat"
}

int32_t sicu_analyze8(const char *src, int32_t len, char *folded, int32_t folded_cap, char *stripped,
                      int32_t stripped_cap, int32_t *lengths, int32_t *script_counts) {
    UErrorCode status = U_ZERO_ERROR;
    const Normalizer2 *nfkcCf = Normalizer2::getNFKCCasefoldInstance(status);
    const Normalizer2 *nfd = Normalizer2::getNFDInstance(status);
    const Normalizer2 *nfc = Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) return -status;
    UnicodeString text = nfkcCf->normalize(fromUTF8(src, len), status);
    if (U_FAILURE(status)) return -status;
    for (int i = 0; i < SICU_SCRIPT_SLOTS; ++i) script_counts[i] = 0;
    bool dictionary = false, ascii = true;
    for (int32_t i = 0; i < text.length();) {
        UChar32 c = text.char32At(i);
        i += U16_LENGTH(c);
        if (c < 0x80) {
            if ((c >= 'a' && c <= 'z')) script_counts[0]++;
            continue;
        }
        ascii = false;
        if (!u_hasBinaryProperty(c, UCHAR_ALPHABETIC)) continue;
        UErrorCode e = U_ZERO_ERROR;
        UScriptCode code = uscript_getScript(c, &e);
        if (code == USCRIPT_COMMON || code == USCRIPT_INHERITED) continue;
        script_counts[scriptSlot(code)]++;
        if (needsDictionary(code)) dictionary = true;
    }
    std::u16string buffer;
    buffer.reserve(text.length() + 1);
    auto push = [&buffer](UChar32 c) {
        if (c <= 0xFFFF) {
            buffer.push_back(static_cast<char16_t>(c));
        } else {
            buffer.push_back(static_cast<char16_t>(U16_LEAD(c)));
            buffer.push_back(static_cast<char16_t>(U16_TRAIL(c)));
        }
    };
    if (dictionary) {
        BreakIterator *it = cachedWordBreaker("");
        if (it == nullptr) return -U_INTERNAL_PROGRAM_ERROR;
        it->setText(text);
        int32_t start = it->first();
        for (int32_t end = it->next(); end != BreakIterator::DONE; start = end, end = it->next()) {
            if (it->getRuleStatus() == UBRK_WORD_NONE) continue;
            if (!buffer.empty()) buffer.push_back(u' ');
            buffer.append(reinterpret_cast<const char16_t *>(text.getBuffer()) + start, end - start);
        }
        UnicodeString empty;
        it->setText(empty);
    } else {
        bool inWord = false;
        const int32_t n = text.length();
        for (int32_t i = 0; i < n;) {
            UChar32 c = text.char32At(i);
            int32_t next = i + U16_LENGTH(c);
            if (isWordChar(c)) {
                if (!inWord && !buffer.empty()) buffer.push_back(u' ');
                push(c);
                inWord = true;
            } else if (inWord && isMidLetter(c) && next < n && isWordChar(text.char32At(next))) {
                push(0x27);  // one apostrophe for all: "m’ont" and "m'ont" match alike
            } else {
                inWord = false;
            }
            i = next;
        }
    }
    UnicodeString joined(false, reinterpret_cast<const UChar *>(buffer.data()), static_cast<int32_t>(buffer.size()));
    UnicodeString bare = joined;
    if (!ascii) {
        UnicodeString decomposed = nfd->normalize(joined, status);
        std::u16string kept;
        kept.reserve(decomposed.length());
        for (int32_t i = 0; i < decomposed.length();) {
            UChar32 c = decomposed.char32At(i);
            i += U16_LENGTH(c);
            int8_t type = u_charType(c);
            if (type != U_NON_SPACING_MARK && type != U_ENCLOSING_MARK && c != 0x200C && c != 0x200D) {
                if (c <= 0xFFFF) kept.push_back(static_cast<char16_t>(c));
                else { kept.push_back(static_cast<char16_t>(U16_LEAD(c))); kept.push_back(static_cast<char16_t>(U16_TRAIL(c))); }
            }
        }
        bare = nfc->normalize(UnicodeString(false, reinterpret_cast<const UChar *>(kept.data()), static_cast<int32_t>(kept.size())), status);
        if (U_FAILURE(status)) return -status;
    }
    lengths[0] = copyOut8(joined, folded, folded_cap);
    lengths[1] = copyOut8(bare, stripped, stripped_cap);
    if (lengths[0] < 0 || lengths[1] < 0) return -U_INTERNAL_PROGRAM_ERROR;
    return (lengths[0] > folded_cap || lengths[1] > stripped_cap) ? 1 : 0;
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
