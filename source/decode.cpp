#include "decode.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <memory>
#include <unicode/ucnv.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

namespace xxgk::source {

namespace {

bool only_white_space(std::string_view s) {
    for (const char c : s)
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') return false;
    return true;
}

// A lead byte followed by fewer continuation bytes than it announces, and nothing else.
bool incomplete_sequence(std::string_view tail) {
    const auto lead = static_cast<std::uint8_t>(tail[0]);
    const std::size_t need = (lead >= 0xC2 && lead <= 0xDF) ? 2 : (lead >= 0xE0 && lead <= 0xEF) ? 3 : (lead >= 0xF0 && lead <= 0xF4) ? 4 : 0;
    if (need == 0 || tail.size() >= need) return false;
    for (std::size_t k = 1; k < tail.size(); ++k)
        if ((static_cast<std::uint8_t>(tail[k]) & 0xC0) != 0x80) return false;
    return true;
}

void append_utf8(std::string& out, UChar32 c) {
    char buffer[4];
    std::int32_t n = 0;
    U8_APPEND_UNSAFE(buffer, n, c);
    out.append(buffer, static_cast<std::size_t>(n));
}

struct Utf8Scan {
    std::uint32_t first_invalid = 0;  // offset of the first ill-formed sequence
    // Well-formed multi-byte and ill-formed sequences; up to where the scan stopped, if it did.
    std::size_t valid_multibyte = 0, invalid = 0;
    bool truncated_at_end = false;  // the only ill-formed sequence is an incomplete last character
};

// A file with a few damaged bytes in its UTF-8, rather than one in another encoding. Holds for
// more well-formed sequences and for fewer ill-formed ones, never the other way round.
bool mostly_utf8(std::size_t valid_multibyte, std::size_t invalid) { return valid_multibyte >= 8 && invalid * 10 <= valid_multibyte; }

// Eight bytes, the first in the low byte.
std::uint64_t load_eight(const std::uint8_t* s) {
    std::uint64_t eight;
    std::memcpy(&eight, s, sizeof eight);
    if constexpr (std::endian::native == std::endian::big) eight = __builtin_bswap64(eight);
    return eight;
}

// What a byte says about the well-formed UTF-8 sequence it may start (Unicode Table 3-7): its
// length, and the range of the byte after it, which rules out overlong forms (E0 80–9F, F0
// 80–8F), surrogates (ED A0–BF) and code points past U+10FFFF (F4 90–BF). Every byte after the
// second is a continuation byte (80–BF). Length 0: no sequence starts with the byte.
struct LeadByte {
    std::uint8_t length;
    std::uint8_t second_min, second_max;
};

constexpr std::array<LeadByte, 256> kLeadBytes = [] {
    std::array<LeadByte, 256> leads;
    for (unsigned b = 0; b < 256; ++b) {
        const std::uint8_t length = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
        leads[b] = {length, 0x80, 0xBF};
    }
    leads[0xE0].second_min = 0xA0;
    leads[0xED].second_max = 0x9F;
    leads[0xF0].second_min = 0x90;
    leads[0xF4].second_max = 0x8F;
    return leads;
}();

// The leads of three-byte sequences whose second byte may be any continuation byte (E1–EC, EE,
// EF: no overlong or surrogate forms): followed by two continuation bytes, they are well-formed.
constexpr std::array<bool, 256> kPlainThreeByteLeads = [] {
    std::array<bool, 256> plain{};
    for (std::size_t b = 0; b < 256; ++b)
        plain[b] = kLeadBytes[b].length == 3 && kLeadBytes[b].second_min == 0x80 && kLeadBytes[b].second_max == 0xBF;
    return plain;
}();

// True when the first six of the eight bytes at `s` are two well-formed sequences of a plain
// three-byte lead and two continuation bytes: most of a Chinese text, two characters a load.
bool two_plain_three_byte_sequences(const std::uint8_t* s) {
    constexpr std::uint64_t kContinuations = 0xC0C000'C0C000, kContinuationBits = 0x808000'808000;
    return (load_eight(s) & kContinuations) == kContinuationBits && kPlainThreeByteLeads[s[0]] && kPlainThreeByteLeads[s[3]];
}

// The length of the well-formed multi-byte sequence at the start of `s` (n bytes), or 0: the
// sequences U8_NEXT decodes to a code point, decided by a table lookup and a compare per byte
// where U8_NEXT takes several branches per byte.
std::size_t well_formed_multibyte(const std::uint8_t* s, std::size_t n) {
    const LeadByte& lead = kLeadBytes[s[0]];
    if (lead.length == 0 || lead.length > n || s[1] < lead.second_min || s[1] > lead.second_max) return 0;
    if (lead.length >= 3 && (s[2] & 0xC0) != 0x80) return 0;
    if (lead.length == 4 && (s[3] & 0xC0) != 0x80) return 0;
    return lead.length;
}

// With `stop_once_not_mostly_utf8`, stops at the ill-formed sequence after which the text could
// not be mostly_utf8 even if every byte left made a two-byte sequence: a GB18030 file is known
// as such from its first lines, and the counts so far already say so.
Utf8Scan scan_utf8(std::string_view text, bool stop_once_not_mostly_utf8 = false) {
    constexpr std::uint64_t kHighBits = 0x8080808080808080;
    Utf8Scan scan;
    const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
    const std::size_t length = text.size();
    std::size_t i = 0, valid_multibyte = 0;
    while (i < length) {
        if (s[i] < 0x80) {
            // ASCII is most bytes of a scraped page's markup and digits: eight bytes at a time,
            // then one at a time up to the first byte that is not ASCII.
            while (i + 8 <= length && (load_eight(s + i) & kHighBits) == 0) i += 8;
            while (i < length && s[i] < 0x80) ++i;
            continue;
        }
        // Han characters are most of the rest: two at a time while they last.
        if (i + 8 <= length && two_plain_three_byte_sequences(s + i)) {
            do {
                valid_multibyte += 2;
                i += 6;
            } while (i + 8 <= length && two_plain_three_byte_sequences(s + i));
            continue;
        }
        if (const std::size_t n = well_formed_multibyte(s + i, length - i)) {
            ++valid_multibyte;
            i += n;
            continue;
        }
        // An ill-formed sequence: U8_NEXT passes over its maximal subpart, as the count of
        // ill-formed sequences has always counted them.
        const std::size_t start = i;
        auto at = static_cast<std::int32_t>(i);
        UChar32 c;
        U8_NEXT(s, at, static_cast<std::int32_t>(length), c);
        i = static_cast<std::size_t>(at);
        if (scan.invalid == 0) {
            scan.first_invalid = static_cast<std::uint32_t>(start);
            scan.truncated_at_end = i == length && incomplete_sequence(text.substr(start));
        }
        ++scan.invalid;
        if (stop_once_not_mostly_utf8 && !mostly_utf8(valid_multibyte + (length - i) / 2, scan.invalid)) break;
    }
    scan.valid_multibyte = valid_multibyte;
    return scan;
}

// Characters a transcoder rewrote, into the map: a run of them of the same lengths (Han
// characters, mostly) in one call.
class PendingEdits {
public:
    explicit PendingEdits(OffsetMap& map) : map_(map) {}
    void add(std::uint32_t normalised_len, std::uint32_t original_len) {
        if (count_ != 0 && (normalised_len != normalised_len_ || original_len != original_len_)) flush();
        normalised_len_ = normalised_len;
        original_len_ = original_len;
        ++count_;
    }
    void flush() {
        if (count_ != 0) map_.append_atomic(normalised_len_, original_len_, count_);
        count_ = 0;
    }

private:
    OffsetMap& map_;
    std::uint32_t normalised_len_ = 0, original_len_ = 0, count_ = 0;
};

// UTF-16 after its byte-order mark, one code point at a time so that every character maps back
// to its own bytes.
DecodeResult transcode_utf16(std::string_view bytes, bool little_endian) {
    DecodeResult r;
    r.encoding = little_endian ? Encoding::Utf16Le : Encoding::Utf16Be;
    Transcoded t;
    t.map.append(0, 2);  // the byte-order mark
    // Three bytes of UTF-8 at most for a unit, four for a pair of them.
    t.utf8.resize((bytes.size() - 2) / 2 * 3);
    char* const utf8 = t.utf8.data();
    std::size_t written = 0;
    PendingEdits edits(t.map);
    const auto unit = [&](std::size_t at) -> char16_t {
        const auto lo = static_cast<std::uint8_t>(bytes[little_endian ? at : at + 1]);
        const auto hi = static_cast<std::uint8_t>(bytes[little_endian ? at + 1 : at]);
        return static_cast<char16_t>(hi << 8 | lo);
    };
    std::size_t at = 2;
    while (at + 1 < bytes.size()) {
        const char16_t u = unit(at);
        UChar32 c = u;
        std::uint32_t consumed = 2;
        if (U16_IS_LEAD(u) && at + 3 < bytes.size() && U16_IS_TRAIL(unit(at + 2))) {
            c = U16_GET_SUPPLEMENTARY(u, unit(at + 2));
            consumed = 4;
        } else if (U16_IS_SURROGATE(u)) {
            r.problem = DecodeProblem::Invalid;
            r.problem_offset = static_cast<std::uint32_t>(at);
            r.problem_detail = "UTF-16";
            return r;
        }
        if (c == 0) {
            r.problem = DecodeProblem::Binary;
            r.problem_offset = static_cast<std::uint32_t>(at);
            return r;
        }
        const std::size_t before = written;
        U8_APPEND_UNSAFE(utf8, written, c);
        edits.add(static_cast<std::uint32_t>(written - before), consumed);
        at += consumed;
    }
    edits.flush();
    t.utf8.resize(written);
    r.truncated_character = at < bytes.size();  // an odd byte left over
    r.text_end = static_cast<std::uint32_t>(t.utf8.size());
    if (only_white_space(t.utf8)) r.problem = DecodeProblem::Empty;
    r.transcoded = std::move(t);
    return r;
}

struct ConverterCloser {
    void operator()(UConverter* c) const { ucnv_close(c); }
};

// GB18030 (a superset of GBK and GB2312). Fails at the first byte sequence it does not define.
std::optional<Transcoded> transcode_gb18030(std::string_view bytes) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, ConverterCloser> converter(ucnv_open("GB18030", &status));
    if (U_FAILURE(status)) return std::nullopt;
    ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    // The whole file in one call, with the offset of every UTF-16 unit's character in the file:
    // a byte gives at most one unit (four bytes give a pair).
    const auto units = std::make_unique_for_overwrite<UChar[]>(bytes.size());
    const auto offsets = std::make_unique_for_overwrite<std::int32_t[]>(bytes.size());
    UChar* units_end = units.get();
    const char* source = bytes.data();
    ucnv_toUnicode(converter.get(), &units_end, units.get() + bytes.size(), &source, bytes.data() + bytes.size(), offsets.get(),
                   true, &status);
    // Not GB18030: bytes the converter stopped at, U+FFFD, which ICU gives for sequences GB18030
    // leaves undefined, and U+0080, which it gives for a lone 0x80. (Where does not matter: the
    // error is reported where the text stops being UTF-8.)
    const auto unit_count = static_cast<std::size_t>(units_end - units.get());
    if (U_FAILURE(status) || std::any_of(units.get(), units_end, [](UChar u) { return u == 0xFFFD || u == 0x80; }))
        return std::nullopt;
    Transcoded t;
    // Three bytes of UTF-8 at most for a unit, four for a pair of them.
    t.utf8.resize(unit_count * 3);
    char* const utf8 = t.utf8.data();
    std::size_t written = 0, ascii_begin = 0;
    PendingEdits edits(t.map);
    for (std::size_t i = 0; i < unit_count;) {
        if (units[i] < 0x80) {  // a byte of ASCII, copied: runs of them map linearly
            utf8[written++] = static_cast<char>(units[i++]);
            continue;
        }
        const auto start = static_cast<std::uint32_t>(offsets[i]);
        UChar32 c;
        U16_NEXT_UNSAFE(units.get(), i, c);
        if (written > ascii_begin) {
            edits.flush();
            t.map.append(static_cast<std::uint32_t>(written - ascii_begin), static_cast<std::uint32_t>(written - ascii_begin));
        }
        const std::size_t before = written;
        U8_APPEND_UNSAFE(utf8, written, c);
        ascii_begin = written;
        const std::uint32_t end = i < unit_count ? static_cast<std::uint32_t>(offsets[i]) : static_cast<std::uint32_t>(bytes.size());
        edits.add(static_cast<std::uint32_t>(written - before), end - start);
    }
    edits.flush();
    if (written > ascii_begin)
        t.map.append(static_cast<std::uint32_t>(written - ascii_begin), static_cast<std::uint32_t>(written - ascii_begin));
    t.utf8.resize(written);
    return t;
}

// Invalid UTF-8 shown as U+FFFD, for a message.
std::string printable(std::string_view bytes) {
    std::string out;
    const auto* s = reinterpret_cast<const std::uint8_t*>(bytes.data());
    const auto length = static_cast<std::int32_t>(bytes.size());
    for (std::int32_t i = 0; i < length;) {
        UChar32 c;
        U8_NEXT_OR_FFFD(s, i, length, c);
        append_utf8(out, c);
    }
    return out;
}

// UTF-8 that a program read as GBK and wrote back as UTF-8 (鍏紑 for 公开): its garbled runs,
// encoded as GB18030 again, give back the original UTF-8. Bytes the garbling program could not
// map became U+FFFD and are lost, so a run is judged by how much of it comes back as well-formed
// multi-byte UTF-8; Chinese text that is not garbled almost never does. Returns a garbled run
// and what it was.
std::optional<std::pair<std::string, std::string>> mojibake(std::string_view text) {
    // Real reports say 公开 (公開 in traditional characters) many times; garbled ones never do, so
    // the check costs nothing on them.
    if (text.find("公开") != std::string_view::npos || text.find("公開") != std::string_view::npos) return std::nullopt;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, ConverterCloser> converter(ucnv_open("GB18030", &status));
    if (U_FAILURE(status)) return std::nullopt;
    std::size_t runs = 0, restored_chars = 0, lost = 0;
    std::optional<std::pair<std::string, std::string>> example;
    std::size_t example_lost = 0;
    for (std::size_t i = 0; i < text.size() && runs < 64;) {
        if (static_cast<std::uint8_t>(text[i]) < 0x80) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < text.size() && static_cast<std::uint8_t>(text[j]) >= 0x80) ++j;
        const std::string_view run = text.substr(i, j - i);
        i = j;
        if (run.size() < 6) continue;  // two characters at least, or the evidence is too thin
        ++runs;
        std::string back(run.size() * 2 + 8, '\0');
        status = U_ZERO_ERROR;
        const auto n = ucnv_fromAlgorithmic(converter.get(), UCNV_UTF8, back.data(), static_cast<std::int32_t>(back.size()),
                                            run.data(), static_cast<std::int32_t>(run.size()), &status);
        if (U_FAILURE(status)) continue;
        back.resize(static_cast<std::size_t>(n));
        const auto scan = scan_utf8(back);
        restored_chars += scan.valid_multibyte;
        lost += scan.invalid;
        // The clearest example: the run that comes back with the fewest losses, then the shortest.
        if (scan.valid_multibyte >= 2 &&
            (!example || scan.invalid < example_lost || (scan.invalid == example_lost && run.size() < example->first.size()))) {
            example = {std::string(run), printable(back)};
            example_lost = scan.invalid;
        }
    }
    if (runs >= 3 && restored_chars >= 6 && restored_chars >= 3 * lost) return example;
    return std::nullopt;
}

}  // namespace

std::string_view encoding_name(Encoding e) {
    switch (e) {
        case Encoding::Utf8: return "UTF-8";
        case Encoding::Utf8WithBom: return "UTF-8 (BOM)";
        case Encoding::Utf16Le: return "UTF-16LE";
        case Encoding::Utf16Be: return "UTF-16BE";
        case Encoding::Gb18030: return "GB18030";
    }
    return "UTF-8";
}

DecodeResult decode(std::string_view bytes) {
    if (bytes.starts_with(std::string_view("\xFF\xFE\0\0", 4)) || bytes.starts_with(std::string_view("\0\0\xFE\xFF", 4))) {
        DecodeResult r;
        r.problem = DecodeProblem::Unsupported;
        r.problem_detail = "UTF-32";
        return r;
    }
    if (bytes.starts_with("\xFF\xFE")) return transcode_utf16(bytes, true);
    if (bytes.starts_with("\xFE\xFF")) return transcode_utf16(bytes, false);
    DecodeResult r;
    if (bytes.starts_with("\xEF\xBB\xBF")) {
        r.encoding = Encoding::Utf8WithBom;
        r.text_begin = 3;
    }
    const std::string_view text = bytes.substr(r.text_begin);
    if (only_white_space(text)) {
        r.problem = DecodeProblem::Empty;
        return r;
    }
    if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
        r.problem = DecodeProblem::Binary;
        r.problem_offset = r.text_begin + static_cast<std::uint32_t>(nul);
        return r;
    }
    r.text_end = static_cast<std::uint32_t>(bytes.size());
    const auto scan = scan_utf8(text, true);
    if (scan.invalid == 1 && scan.truncated_at_end) {
        r.truncated_character = true;
        r.text_end = r.text_begin + scan.first_invalid;
    } else if (scan.invalid > 0) {
        // A UTF-8 file with a few damaged bytes stays UTF-8 (and gets its error there); a file
        // whose non-ASCII bytes are mostly not UTF-8 is read as GB18030.
        const bool damaged_utf8 = mostly_utf8(scan.valid_multibyte, scan.invalid);
        if (!damaged_utf8 && r.text_begin == 0) {
            if (auto t = transcode_gb18030(bytes)) {
                r.encoding = Encoding::Gb18030;
                r.text_end = static_cast<std::uint32_t>(t->utf8.size());
                r.transcoded = std::move(t);
                return r;
            }
        }
        r.problem = DecodeProblem::Invalid;
        r.problem_offset = r.text_begin + scan.first_invalid;
        r.problem_detail = damaged_utf8 || r.text_begin != 0 ? "UTF-8" : "UTF-8 / GB18030";
        return r;
    }
    if (auto garbled = mojibake(text.substr(0, r.text_end - r.text_begin))) {
        r.problem = DecodeProblem::Mojibake;
        r.problem_offset = r.text_begin + static_cast<std::uint32_t>(text.find(garbled->first));
        r.problem_detail = std::move(garbled->first);
        r.restored = std::move(garbled->second);
    }
    return r;
}

}  // namespace xxgk::source
