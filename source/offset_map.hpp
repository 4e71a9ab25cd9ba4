#pragma once
// Maps byte offsets in the normalised text back to byte offsets in the original input.
//
// Normalisation copies most text unchanged and edits a few code points (width folding,
// traditional→simplified, removed pinyin glosses and zero-width characters). The map is a
// sorted list of segments: a "copy" segment maps linearly, an "edit" segment maps atomically
// (every offset inside it maps to the start of the original code point, and its end to the
// end). That keeps the map small and lets both ends of a range land on code-point boundaries.
#include <cstdint>
#include <vector>

namespace xxgk::source {

class OffsetMap {
public:
    // Appends the next piece of output: `normalised_len` bytes produced from `original_len`
    // bytes of input. Same-length pieces are linear and merge with a preceding linear piece.
    void append(std::uint32_t normalised_len, std::uint32_t original_len);
    // Appends a piece that maps atomically even when both lengths are equal: a character that
    // a transcoder rewrote (4 bytes of UTF-16 that became 4 bytes of UTF-8).
    void append_atomic(std::uint32_t normalised_len, std::uint32_t original_len);

    // The original offset of the code point that starts at normalised offset `n`.
    [[nodiscard]] std::uint32_t to_original_begin(std::uint32_t n) const;
    // The original offset just past the code point that ends at normalised offset `n`.
    [[nodiscard]] std::uint32_t to_original_end(std::uint32_t n) const;

    // The normalised offset of the code point that covers original offset `o` (the inverse of
    // to_original_begin; an original offset inside an edited code point gives its start).
    [[nodiscard]] std::uint32_t to_normalised(std::uint32_t o) const;
    // The first normalised offset n whose to_original_begin(n) is at or after original offset `o`,
    // normalised_size() when there is none: where the normalised text of an original range that
    // starts at `o` begins.
    [[nodiscard]] std::uint32_t to_normalised_at_or_after(std::uint32_t o) const;

    // This map followed by `inner`, which maps this map's original offsets further back: the
    // normaliser's map over a transcoded text, composed with the transcoder's map, points into
    // the file's bytes.
    [[nodiscard]] OffsetMap then(const OffsetMap& inner) const;

    [[nodiscard]] std::uint32_t normalised_size() const { return normalised_size_; }
    [[nodiscard]] std::uint32_t original_size() const { return original_size_; }
    [[nodiscard]] std::size_t segment_count() const { return segments_.size(); }

private:
    struct Segment {
        std::uint32_t normalised_begin;
        std::uint32_t original_begin;
        std::uint32_t normalised_len;
        std::uint32_t original_len;
        bool atomic;
        [[nodiscard]] bool linear() const { return !atomic && normalised_len == original_len; }
    };
    std::vector<Segment> segments_;
    std::uint32_t normalised_size_ = 0;
    std::uint32_t original_size_ = 0;
};

}  // namespace xxgk::source
