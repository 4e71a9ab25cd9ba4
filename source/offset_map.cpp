#include "offset_map.hpp"

#include <algorithm>

namespace xxgk::source {

void OffsetMap::append(std::uint32_t normalised_len, std::uint32_t original_len) {
    if (normalised_len == 0 && original_len == 0) return;
    if (normalised_len != original_len) return append_atomic(normalised_len, original_len);
    if (!segments_.empty() && segments_.back().linear()) {
        segments_.back().normalised_len += normalised_len;
        segments_.back().original_len += original_len;
    } else {
        segments_.push_back({normalised_size_, original_size_, normalised_len, original_len, 0});
    }
    normalised_size_ += normalised_len;
    original_size_ += original_len;
}

void OffsetMap::append_atomic(std::uint32_t normalised_len, std::uint32_t original_len, std::uint32_t count) {
    if (normalised_len == 0 || original_len == 0) {
        // A deletion or an insertion is a segment of its own: it has no length to divide by.
        for (std::uint32_t k = 0; k < count; ++k) {
            segments_.push_back({normalised_size_, original_size_, normalised_len, original_len, 1});
            normalised_size_ += normalised_len;
            original_size_ += original_len;
        }
        return;
    }
    Segment* const last = segments_.empty() ? nullptr : &segments_.back();
    if (last != nullptr && !last->linear() && std::uint64_t{normalised_len} * last->edits == last->normalised_len &&
        std::uint64_t{original_len} * last->edits == last->original_len) {
        last->normalised_len += count * normalised_len;
        last->original_len += count * original_len;
        last->edits += count;
    } else {
        segments_.push_back({normalised_size_, original_size_, count * normalised_len, count * original_len, count});
    }
    normalised_size_ += count * normalised_len;
    original_size_ += count * original_len;
}

// The answer of to_original_begin(n) from the segment the search found: the last that starts at
// or before n, or, when that is a deletion (which holds no offset), the last before it that is not.
std::uint32_t OffsetMap::original_begin_at(std::size_t last_starting_at_or_before, std::uint32_t n) const {
    std::size_t k = last_starting_at_or_before;
    while (k > 0 && segments_[k].normalised_len == 0) --k;
    const Segment& s = segments_[k];
    return s.linear() ? s.original_begin + (n - s.normalised_begin) : s.original_of_edit(s.edit_at_normalised(n));
}

// The answer of to_original_end(n) from the last segment that starts before n: the segment s with
// s.begin < n <= s.end, skipping deletions that start at n.
std::uint32_t OffsetMap::original_end_at(std::size_t last_starting_before, std::uint32_t n) const {
    std::size_t k = last_starting_before;
    while (segments_[k].normalised_len == 0 && k > 0) --k;
    const Segment& s = segments_[k];
    if (s.linear()) return s.original_begin + (n - s.normalised_begin);
    // The edit with begin < n <= end (the last one for an n past the map's end).
    const std::uint32_t edit = std::min(s.edit_at_normalised(n - 1), s.edits - 1);
    return n >= s.normalised_of_edit(edit + 1) ? s.original_of_edit(edit + 1) : s.original_of_edit(edit);
}

std::uint32_t OffsetMap::to_original_begin(std::uint32_t n) const {
    if (n >= normalised_size_) return original_size_;
    const auto after = std::upper_bound(segments_.begin(), segments_.end(), n,
                                        [](std::uint32_t v, const Segment& s) { return v < s.normalised_begin; });
    return original_begin_at(static_cast<std::size_t>(after - segments_.begin()) - 1, n);
}

std::uint32_t OffsetMap::to_original_end(std::uint32_t n) const {
    if (segments_.empty()) return 0;
    if (n == 0) return to_original_begin(0);  // an empty range at the very start
    const auto at_or_after = std::lower_bound(segments_.begin(), segments_.end(), n,
                                              [](const Segment& s, std::uint32_t v) { return s.normalised_begin < v; });
    return original_end_at(static_cast<std::size_t>(at_or_after - segments_.begin()) - 1, n);
}

std::uint32_t OffsetMap::Cursor::to_original_begin(std::uint32_t n) {
    const auto& segments = map_.segments_;
    if (n >= map_.normalised_size_) return map_.original_size_;
    if (segments[at_].normalised_begin > n) at_ = 0;  // asked before the last question: start over
    while (at_ + 1 < segments.size() && segments[at_ + 1].normalised_begin <= n) ++at_;
    return map_.original_begin_at(at_, n);
}

std::uint32_t OffsetMap::Cursor::to_original_end(std::uint32_t n) {
    const auto& segments = map_.segments_;
    if (segments.empty()) return 0;
    if (n == 0) return map_.to_original_begin(0);
    if (segments[at_].normalised_begin >= n) at_ = 0;  // asked before the last question: start over
    while (at_ + 1 < segments.size() && segments[at_ + 1].normalised_begin < n) ++at_;
    return map_.original_end_at(at_, n);
}

std::uint32_t OffsetMap::to_normalised(std::uint32_t o) const {
    if (o >= original_size_) return normalised_size_;
    // The last segment that starts at or before o and covers it (insertions cover nothing).
    auto it = std::upper_bound(segments_.begin(), segments_.end(), o,
                               [](std::uint32_t v, const Segment& s) { return v < s.original_begin; });
    while (it != segments_.begin()) {
        --it;
        if (it->original_len != 0) break;
    }
    const Segment& s = *it;
    return s.linear() ? s.normalised_begin + (o - s.original_begin) : s.normalised_of_edit(s.edit_at_original(o));
}

std::uint32_t OffsetMap::to_normalised_at_or_after(std::uint32_t o) const {
    // A segment's offsets map at most to what its last one maps to: its original begin plus its
    // length less one for a linear segment, the original begin of its last edit otherwise. A
    // deletion maps nothing, and its original begin lies between what the segments around it map
    // to, so these values never decrease along the map: the first segment whose last offset maps
    // at or after `o` holds the answer (a deletion's is the next segment's first offset).
    const auto last_maps_before_o = [o](const Segment& s) {
        return (s.linear() ? s.original_begin + s.normalised_len - 1 : s.original_of_edit(s.edits - 1)) < o;
    };
    const auto it = std::partition_point(segments_.begin(), segments_.end(), last_maps_before_o);
    if (it == segments_.end()) return normalised_size_;
    if (o <= it->original_begin) return it->normalised_begin;
    if (it->linear()) return it->normalised_begin + (o - it->original_begin);
    // The first edit that starts at or after o (there is one: the last edit does).
    const std::uint32_t edit_original_len = it->original_len / it->edits;
    return it->normalised_of_edit((o - it->original_begin + edit_original_len - 1) / edit_original_len);
}

OffsetMap OffsetMap::then(const OffsetMap& inner) const {
    OffsetMap out;
    // Appends a piece by its absolute original range; original bytes the pieces skip (a
    // byte-order mark the transcoder consumed) become a deletion, so offsets stay absolute.
    const auto emit = [&out](std::uint32_t normalised_len, std::uint32_t original_begin, std::uint32_t original_end) {
        if (original_begin > out.original_size_) out.append(0, original_begin - out.original_size_);
        out.append(normalised_len, original_end - original_begin);
    };
    for (const auto& s : segments_) {
        if (!s.linear()) {
            // An edit stays one atomic piece: from the start of its first code point to the end
            // of its last, in the inner map's original.
            const std::uint32_t edit_original_len = s.original_len / s.edits, edit_normalised_len = s.normalised_len / s.edits;
            for (std::uint32_t edit = 0; edit < s.edits; ++edit) {
                const std::uint32_t original_begin = s.original_of_edit(edit);
                const std::uint32_t begin = inner.to_original_begin(original_begin);
                const std::uint32_t end = edit_original_len == 0 ? begin : inner.to_original_end(original_begin + edit_original_len);
                if (begin > out.original_size_) out.append(0, begin - out.original_size_);
                if (edit_normalised_len != 0 || end != begin) out.append_atomic(edit_normalised_len, end - begin);
            }
            continue;
        }
        // A copied run passes through whatever the inner map did to it, piece by piece. Both
        // maps cut only at code-point boundaries, so a piece never splits an inner edit.
        std::uint32_t at = s.original_begin;
        const std::uint32_t stop = s.original_begin + s.original_len;
        auto it = std::upper_bound(inner.segments_.begin(), inner.segments_.end(), at,
                                   [](std::uint32_t v, const Segment& seg) { return v < seg.normalised_begin; });
        if (it != inner.segments_.begin()) --it;
        for (; at < stop && it != inner.segments_.end(); ++it) {
            const std::uint32_t seg_end = it->normalised_begin + it->normalised_len;
            if (seg_end <= at) continue;
            const std::uint32_t piece_end = std::min(stop, seg_end);
            if (it->linear()) {
                const std::uint32_t from = it->original_begin + (at - it->normalised_begin);
                emit(piece_end - at, from, from + (piece_end - at));
                at = piece_end;
                continue;
            }
            // The inner edits the piece covers, as atomic as they were: whole ones together (the
            // run of a transcoded text); should a map cut inside a character (none that xxgk
            // makes does), the part of its edit with all of the edit's original bytes.
            const std::uint32_t edit_normalised_len = it->normalised_len / it->edits, edit_original_len = it->original_len / it->edits;
            for (std::uint32_t edit = it->edit_at_normalised(at); at < piece_end;) {
                const std::uint32_t edit_begin = it->normalised_of_edit(edit), edit_original_begin = it->original_of_edit(edit);
                if (edit_original_begin > out.original_size_) out.append(0, edit_original_begin - out.original_size_);
                if (at == edit_begin && piece_end - at >= edit_normalised_len && edit_normalised_len != 0) {
                    const std::uint32_t whole = (piece_end - at) / edit_normalised_len;
                    out.append_atomic(edit_normalised_len, edit_original_len, whole);
                    at += whole * edit_normalised_len;
                    edit += whole;
                } else {
                    const std::uint32_t part_end = std::min(piece_end, edit_begin + edit_normalised_len);
                    out.append_atomic(part_end - at, edit_original_len);
                    at = part_end;
                    ++edit;
                }
            }
        }
    }
    return out;
}

}  // namespace xxgk::source
