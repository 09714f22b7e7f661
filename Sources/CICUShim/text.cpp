// Text analysis over ICU: folding, segmentation, mark removal, script counts, transliteration.
#include "shim_internal.h"

using namespace icu;
using namespace sanctuary_shim;

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

} // extern "C"
