/// Plain-C surface over system ICU. No ICU type crosses this header, so Swift modules that import
/// Foundation (which carries its own private ICU) can use it. Strings are UTF-16 code units.
/// Functions that write into a buffer return the needed length; if it exceeds `cap`, nothing useful
/// was written and the caller retries with a larger buffer. Negative returns are ICU error codes negated.
#ifndef SANCTUARY_ICU_H
#define SANCTUARY_ICU_H
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Text functions take and give UTF-8 (Swift strings are UTF-8 inside, so no conversion on the Swift side).
/// Each writes UTF-8 into `dst` and returns the byte length (may exceed cap), or a negative error.
/// NFKC case folding.
int32_t sicu_fold8(const char *src, int32_t len, char *dst, int32_t cap);
/// Removes combining marks (after NFD), recomposes to NFC.
int32_t sicu_strip_marks8(const char *src, int32_t len, char *dst, int32_t cap);
/// The word-like segments of `src` (ICU word break; dictionary-based for Thai, CJK …), joined by single spaces.
int32_t sicu_words8(const char *locale, const char *src, int32_t len, char *dst, int32_t cap);
/// Transliterates with an ICU transform id.
int32_t sicu_transliterate8(const char *transform_id, const char *src, int32_t len, char *dst, int32_t cap);

/// Number of script slots in `sicu_analyze8`'s counts: Latn Cyrl Arab Ethi Grek Hebr Hani Deva Thai Armn Geor Hang other.
#define SICU_SCRIPT_SLOTS 13

/// The whole per-message analysis in one call: NFKC case folding, word segmentation (UAX #29 word rules for
/// space-delimited scripts, ICU's dictionary break iterator when Thai, Lao, Khmer, Myanmar or CJK is present),
/// removal of combining marks, and letter counts per script.
/// Writes the folded words joined by spaces into `folded` and the mark-free words into `stripped`;
/// `lengths[0]`, `lengths[1]` receive the byte lengths needed. Returns 0, 1 if a buffer was too small, or a
/// negative error.
int32_t sicu_analyze8(const char *src, int32_t len, char *folded, int32_t folded_cap, char *stripped,
                      int32_t stripped_cap, int32_t *lengths, int32_t *script_counts);

/// BCP 47 canonical form of a language tag ("EN_us" -> "en-US"). Returns length or negative error.
int32_t sicu_canonical_tag(const char *tag, char *out, int32_t cap);
/// Adds likely subtags ("pt" -> "pt-Latn-BR"). Returns length or negative error.
int32_t sicu_maximize_tag(const char *tag, char *out, int32_t cap);
/// Removes likely subtags ("pt-Latn-BR" -> "pt"). Returns length or negative error.
int32_t sicu_minimize_tag(const char *tag, char *out, int32_t cap);
/// CLDR plural category ("one", "few", ...) of `number` in `locale`. Returns length or negative error.
int32_t sicu_plural_category(const char *locale, double number, char *out, int32_t cap);

/// A MessageFormat argument: a name, and either a number (is_number != 0) or a UTF-16 string.
typedef struct {
    const char *name;
    int32_t is_number;
    double number;
    const uint16_t *text;
    int32_t text_len;
} sicu_msg_arg;

/// Where a MessageFormat pattern failed to parse.
typedef struct {
    int32_t error_code;   ///< ICU error code (0 = ok)
    int32_t line;         ///< 0-based line in the pattern, -1 if unknown
    int32_t offset;       ///< offset in that line, -1 if unknown
    char error_name[64];
} sicu_msg_error;

/// Parses `pattern` for `locale`; returns 0 when it is valid, else fills `err`.
/// Writes the names of its top-level and nested arguments, NUL-separated, into `names` (when names_cap > 0).
int32_t sicu_msg_validate(const char *locale, const uint16_t *pattern, int32_t plen,
                          char *names, int32_t names_cap, sicu_msg_error *err);
/// Formats `pattern` with named arguments. Returns output length (may exceed cap) or negative error.
int32_t sicu_msg_format(const char *locale, const uint16_t *pattern, int32_t plen,
                        const sicu_msg_arg *args, int32_t argc,
                        uint16_t *dst, int32_t cap, sicu_msg_error *err);

#ifdef __cplusplus
}
#endif
#endif
