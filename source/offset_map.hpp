#pragma once
// Maps byte offsets in the normalised text back to byte offsets in the original input.
//
// Normalisation copies most text unchanged and edits a few code points (width folding,
// traditional→simplified, removed pinyin glosses and zero-width characters). The map is a
// sorted list of segments: a "copy" segment maps linearly, an "edit" segment maps atomically
// (every offset inside it maps to the start of the original code point, and its end to the
// end). That keeps the map small and lets both ends of a range land on code-point boundaries.
// A transcoder rewrites every character, mostly into as many bytes as the one before (a Han
// character: 2 bytes of GB18030 or UTF-16, 3 of UTF-8), so consecutive edits of the same lengths
// share one segment, which answers as the edits one after the other would.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace xxgk::source {

class OffsetMap {
public:
    // Appends the next piece of output: `normalised_len` bytes produced from `original_len`
    // bytes of input. Same-length pieces are linear and merge with a preceding linear piece.
    void append(std::uint32_t normalised_len, std::uint32_t original_len);
    // Appends `count` pieces that map atomically even when both lengths are equal: characters
    // that a transcoder rewrote (4 bytes of UTF-16 that became 4 bytes of UTF-8).
    void append_atomic(std::uint32_t normalised_len, std::uint32_t original_len, std::uint32_t count = 1);

    // The original offset of the code point that starts at normalised offset `n`.
    [[nodiscard]] std::uint32_t to_original_begin(std::uint32_t n) const;
    // The original offset just past the code point that ends at normalised offset `n`.
    [[nodiscard]] std::uint32_t to_original_end(std::uint32_t n) const;

    // Answers to_original_begin and to_original_end for offsets asked in increasing order (a
    // table's items, in document order) by walking on from the segment of the last question,
    // instead of searching the map for each; an offset before the last starts the walk over.
    class Cursor {
    public:
        explicit Cursor(const OffsetMap& map) : map_(map) {}
        [[nodiscard]] std::uint32_t to_original_begin(std::uint32_t n);
        [[nodiscard]] std::uint32_t to_original_end(std::uint32_t n);

    private:
        const OffsetMap& map_;
        std::size_t at_ = 0;  // a segment that starts before (or, for begin, at) the last offset asked
    };

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
        std::uint32_t normalised_len;  // of all its edits
        std::uint32_t original_len;
        // 0: a copy, mapping linearly. Otherwise the number of edits, of normalised_len / edits
        // and original_len / edits bytes each, every one mapping atomically.
        std::uint32_t edits;
        [[nodiscard]] bool linear() const { return edits == 0; }
        // The edit that holds a normalised (original) offset inside the segment.
        [[nodiscard]] std::uint32_t edit_at_normalised(std::uint32_t n) const {
            return edits == 1 ? 0 : (n - normalised_begin) / (normalised_len / edits);
        }
        [[nodiscard]] std::uint32_t edit_at_original(std::uint32_t o) const {
            return edits == 1 ? 0 : (o - original_begin) / (original_len / edits);
        }
        // Where edit k starts (k == edits: where the segment ends).
        [[nodiscard]] std::uint32_t normalised_of_edit(std::uint32_t k) const { return normalised_begin + k * (normalised_len / edits); }
        [[nodiscard]] std::uint32_t original_of_edit(std::uint32_t k) const { return original_begin + k * (original_len / edits); }
    };
    [[nodiscard]] std::uint32_t original_begin_at(std::size_t last_starting_at_or_before, std::uint32_t n) const;
    [[nodiscard]] std::uint32_t original_end_at(std::size_t last_starting_before, std::uint32_t n) const;

    std::vector<Segment> segments_;
    std::uint32_t normalised_size_ = 0;
    std::uint32_t original_size_ = 0;
};

}  // namespace xxgk::source
