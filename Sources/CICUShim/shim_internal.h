// Helpers shared by the shim's translation units. Internal: never included from Swift.
#ifndef SANCTUARY_SHIM_INTERNAL_H
#define SANCTUARY_SHIM_INTERNAL_H
#include "include/sanctuary_icu.h"

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


namespace sanctuary_shim {
using namespace icu;


inline int32_t copyOut(const UnicodeString &s, uint16_t *dst, int32_t cap) {
    int32_t n = s.length();
    if (n <= cap && dst != nullptr) {
        s.extract(0, n, reinterpret_cast<UChar *>(dst));
    }
    return n;
}

inline int32_t copyOut(const std::string &s, char *out, int32_t cap) {
    int32_t n = static_cast<int32_t>(s.size());
    if (n < cap && out != nullptr) {
        std::memcpy(out, s.data(), n);
        out[n] = 0;
    }
    return n;
}

inline UnicodeString wrap(const uint16_t *src, int32_t len) {
    // Read-only alias: no copy of the caller's buffer.
    return UnicodeString(false, reinterpret_cast<const UChar *>(src), len);
}

inline Transliterator *cachedTransliterator(const char *id) {
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

inline BreakIterator *cachedWordBreaker(const char *locale) {
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

inline void fillError(sicu_msg_error *err, UErrorCode status, const UParseError *perr) {
    if (err == nullptr) return;
    err->error_code = status;
    err->line = perr ? perr->line : -1;
    err->offset = perr ? perr->offset : -1;
    std::strncpy(err->error_name, u_errorName(status), sizeof(err->error_name) - 1);
    err->error_name[sizeof(err->error_name) - 1] = 0;
}

inline void collectArgNames(const MessagePattern &pattern, std::set<std::string> &names) {
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

inline int32_t copyOut8(const UnicodeString &s, char *dst, int32_t cap) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t needed = 0;
    u_strToUTF8(dst, cap, &needed, s.getBuffer(), s.length(), &status);
    if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) return needed;
    if (U_FAILURE(status)) return -status;
    return needed;
}

inline UnicodeString fromUTF8(const char *src, int32_t len) {
    return UnicodeString::fromUTF8(StringPiece(src, len));
}


} // namespace sanctuary_shim
#endif
