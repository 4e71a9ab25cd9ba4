#include "normalise.hpp"

#include <algorithm>
#include <optional>
#include <vector>
#include <unicode/utf8.h>

#include "hant_hans.hpp"

namespace xxgk::source {

namespace {

// A document counts as traditional when at least one in kTraditionalOneIn of its Han characters
// has a different simplified form. The traditional seed scores 0.30; simplified reports score
// under 0.01 (显著 and 乾坤 use characters ICU also maps), so the threshold sits well between.
constexpr std::size_t kTraditionalOneIn = 10;

bool is_han(UChar32 c) {
    return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF);
}

bool is_pinyin_letter(UChar32 c) {
    if (c >= 'a' && c <= 'z') return true;
    switch (c) {
        case U'ā': case U'á': case U'ǎ': case U'à': case U'ē': case U'é': case U'ě': case U'è':
        case U'ī': case U'í': case U'ǐ': case U'ì': case U'ō': case U'ó': case U'ǒ': case U'ò':
        case U'ū': case U'ú': case U'ǔ': case U'ù': case U'ü': case U'ǖ': case U'ǘ': case U'ǚ': case U'ǜ':
            return true;
        default: return false;
    }
}

bool is_zero_width(UChar32 c) { return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF; }

bool is_space(UChar32 c) {
    return c == '\t' || c == 0x00A0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F;
}

// The code point at s[i], advancing i past it, or a negative value for an ill-formed sequence, as
// ICU's U8_NEXT. Most characters of a report are Han, three bytes long: those are decoded without
// ICU's checks when the lead byte (E1–EC, EE, EF) has no overlong or surrogate forms and the two
// others are continuation bytes.
UChar32 next_code_point(const std::uint8_t* s, std::int32_t& i, std::int32_t length) {
    const std::uint8_t lead = s[i];
    if (((lead >= 0xE1 && lead <= 0xEC) || lead == 0xEE || lead == 0xEF) && i + 2 < length && (s[i + 1] & 0xC0) == 0x80 &&
        (s[i + 2] & 0xC0) == 0x80) {
        const UChar32 c = (lead & 0x0F) << 12 | (s[i + 1] & 0x3F) << 6 | (s[i + 2] & 0x3F);
        i += 3;
        return c;
    }
    UChar32 c;
    U8_NEXT(s, i, length, c);
    return c;
}

// The count that decides a document's script, kept while it is read. The answer is often certain
// long before the end: once the traditional characters reach the threshold even if everything
// left were Han, or once they could not reach it even if everything left were traditional, the
// rest of the text cannot change it. Every Han character takes at least three bytes, which
// bounds how many are left.
class ScriptTally {
public:
    void add_han(char32_t c) {
        ++han_;
        traditional_ += is_traditional(c) ? 1 : 0;
    }
    // True once the document is certainly traditional, with `bytes_left` bytes still unread.
    [[nodiscard]] bool certainly_traditional(std::size_t bytes_left) const {
        return traditional_ > 0 && kTraditionalOneIn * traditional_ >= han_ + bytes_left / 3;
    }
    // True once the document is certainly not traditional.
    [[nodiscard]] bool certainly_simplified(std::size_t bytes_left) const {
        return kTraditionalOneIn * (traditional_ + bytes_left / 3) < han_;
    }

private:
    std::size_t han_ = 0, traditional_ = 0;
};

class Normaliser {
public:
    Normaliser(std::string_view original, std::uint32_t begin, bool traditional)
        : s_(reinterpret_cast<const std::uint8_t*>(original.data())),
          length_(static_cast<std::int32_t>(original.size())),
          i_(static_cast<std::int32_t>(begin)),
          traditional_(traditional) {
        out_.traditional = traditional;
        out_.text.reserve(original.size());
        out_.map.append(0, begin);
    }

    // The normalised text; in simplified mode nothing once the text proves to be traditional.
    std::optional<NormalisedText> run() {
        // Simplified mode keeps the tally, and looks at it every kBlock bytes.
        constexpr std::int32_t kBlock = 1024;
        bool decided = traditional_;
        while (i_ < length_) {
            const std::int32_t block_end = decided ? length_ : std::min(length_, i_ + kBlock);
            while (i_ < block_end) {
                copy_unchanged(block_end);
                if (i_ < block_end) step();
            }
            if (decided) continue;
            const auto bytes_left = static_cast<std::size_t>(length_ - i_);
            if (tally_.certainly_traditional(bytes_left)) return std::nullopt;
            decided = tally_.certainly_simplified(bytes_left);
        }
        return std::move(out_);
    }

private:
    // Most of a report needs no change: copy it in one piece, so that the per-character work
    // below runs only where something is folded, converted or dropped. A traditional character
    // whose simplified form has as many bytes is converted on the way: the stretch still maps
    // byte for byte onto the original, so it stays one piece of the map, and the conversions are
    // written over the copy once it is made.
    void copy_unchanged(std::int32_t limit) {
        // The position and the tally as locals, written back at the end: the loop then keeps them
        // in registers rather than in the object, which it would write at every character.
        std::int32_t i = i_;
        ScriptTally tally = tally_;
        const std::int32_t start = i;
        conversions_.clear();
        while (i < limit) {
            const std::uint8_t b = s_[i];
            if (b < 0x80) {
                if (b == '\r' || b == '\t') break;
                ++i;
                continue;
            }
            // Most of a report is Han characters in U+4000..U+9FFF: a well-formed sequence with one
            // of their lead bytes (E4–E9, which have no overlong or surrogate forms) needs no
            // decoding in a simplified document, where none of them changes, and only a look-up
            // in a traditional one.
            if (b >= 0xE4 && b <= 0xE9 && i + 2 < length_ && (s_[i + 1] & 0xC0) == 0x80 && (s_[i + 2] & 0xC0) == 0x80) {
                const auto c = static_cast<char32_t>((b & 0x0F) << 12 | (s_[i + 1] & 0x3F) << 6 | (s_[i + 2] & 0x3F));
                if (!traditional_) {
                    tally.add_han(c);
                } else {
                    if (changes_in_traditional_text(c)) {
                        const char32_t simplified = to_simplified(c);
                        if (starts_phrase_override(c) || simplified < 0x800 || simplified > 0xFFFF || gloss_may_follow(i + 3)) break;
                        conversions_.push_back({i - start, simplified});
                        i += 3;
                        continue;
                    }
                }
                i += 3;
                continue;
            }
            std::int32_t next = i;
            const UChar32 c = next_code_point(s_, next, length_);
            if (c < 0 || needs_change(c)) break;
            if (!traditional_ && is_han(c)) tally.add_han(static_cast<char32_t>(c));
            i = next;
        }
        i_ = i;
        tally_ = tally;
        if (i == start) return;
        const std::size_t copy = out_.text.size();
        out_.text.append(reinterpret_cast<const char*>(s_ + start), static_cast<std::size_t>(i - start));
        char* const copied = out_.text.data() + copy;
        for (const auto& [at, simplified] : conversions_) {  // three bytes each, as the loop made sure
            copied[at] = static_cast<char>(0xE0 | simplified >> 12);
            copied[at + 1] = static_cast<char>(0x80 | (simplified >> 6 & 0x3F));
            copied[at + 2] = static_cast<char>(0x80 | (simplified & 0x3F));
        }
        out_.map.append(static_cast<std::uint32_t>(i - start), static_cast<std::uint32_t>(i - start));
    }

    // An opening parenthesis, where skip_pinyin_gloss looks for a gloss.
    bool gloss_may_follow(std::int32_t at) const {
        return at < length_ && (s_[at] == '(' || (at + 2 < length_ && s_[at] == 0xEF && s_[at + 1] == 0xBC && s_[at + 2] == 0x88));
    }

    bool needs_change(UChar32 c) const {
        return (c >= 0xFF01 && c <= 0xFF5E) || is_space(c) || is_zero_width(c) ||
               (traditional_ && changes_in_traditional_text(static_cast<char32_t>(c)));
    }

    void append_utf8(UChar32 c) {
        char buf[4];
        std::int32_t n = 0;
        U8_APPEND_UNSAFE(buf, n, c);
        out_.text.append(buf, static_cast<std::size_t>(n));
    }
    void emit(UChar32 c, std::int32_t original_len) {
        const auto before = out_.text.size();
        append_utf8(c);
        out_.map.append(static_cast<std::uint32_t>(out_.text.size() - before), static_cast<std::uint32_t>(original_len));
    }
    void drop(std::int32_t original_len) { out_.map.append(0, static_cast<std::uint32_t>(original_len)); }

    UChar32 peek(std::int32_t at, std::int32_t& next) const {
        next = at;
        if (at >= length_) return -1;
        UChar32 c;
        U8_NEXT_OR_FFFD(s_, next, length_, c);
        return c;
    }

    // A phrase the character map gets wrong (著作, 諮詢…): emitted as a whole, code point for code point.
    bool try_phrase() {
        std::int32_t after_first;
        const UChar32 first = peek(i_, after_first);
        if (first < 0 || !starts_phrase_override(static_cast<char32_t>(first))) return false;
        for (const auto& phrase : phrase_overrides()) {
            if (static_cast<UChar32>(phrase.traditional.front()) != first) continue;
            std::int32_t at = i_;
            bool match = true;
            for (const char32_t want : phrase.traditional) {
                std::int32_t next;
                if (peek(at, next) != static_cast<UChar32>(want)) { match = false; break; }
                at = next;
            }
            if (!match) continue;
            for (const char32_t c : phrase.simplified) {
                std::int32_t next;
                peek(i_, next);
                emit(static_cast<UChar32>(c), next - i_);
                i_ = next;
            }
            return true;
        }
        return false;
    }

    // `(qū)` right after a traditional character: a reading aid some sites insert, not text.
    void skip_pinyin_gloss() {
        std::int32_t next;
        if (const UChar32 open = peek(i_, next); open != '(' && open != 0xFF08) return;
        std::int32_t at = next;
        int letters = 0;
        for (;;) {
            const UChar32 c = peek(at, next);
            if ((c == ')' || c == 0xFF09) && letters > 0) break;
            if (!is_pinyin_letter(c) || ++letters > 8) return;
            at = next;
        }
        drop(next - i_);
        i_ = next;
    }

    void step() {
        if (traditional_ && try_phrase()) return;
        const std::int32_t start = i_;
        UChar32 c;
        U8_NEXT_OR_FFFD(s_, i_, length_, c);
        const std::int32_t len = i_ - start;
        if (c >= 0xFF01 && c <= 0xFF5E) return emit(c - 0xFEE0, len);
        if (is_space(c)) return emit(' ', len);
        if (is_zero_width(c)) return drop(len);
        if (c == '\r') {
            if (i_ < length_ && s_[i_] == '\n') return drop(len);
            return emit('\n', len);
        }
        if (traditional_ && is_traditional(static_cast<char32_t>(c))) {
            emit(static_cast<UChar32>(to_simplified(static_cast<char32_t>(c))), len);
            skip_pinyin_gloss();
            return;
        }
        emit(c, len);
    }

    const std::uint8_t* s_;
    std::int32_t length_;
    std::int32_t i_;
    bool traditional_;
    ScriptTally tally_;  // simplified mode: whether the text is traditional after all
    // Traditional mode: the characters copy_unchanged converts, by their offset in its stretch.
    struct Conversion {
        std::int32_t at;
        char32_t simplified;
    };
    std::vector<Conversion> conversions_;
    NormalisedText out_;
};

}  // namespace

NormalisedText normalise(std::string_view original, std::uint32_t text_begin, std::uint32_t text_end) {
    const std::string_view text = original.substr(0, text_end);
    // Most reports are simplified: the text is normalised as one while the traditional characters
    // are counted, and again in traditional mode only when they prove to be one in ten. (Counting
    // first took a pass over the text of its own.)
    if (auto simplified = Normaliser(text, text_begin, false).run()) return std::move(*simplified);
    return std::move(*Normaliser(text, text_begin, true).run());
}

}  // namespace xxgk::source
