#include "offset_map.hpp"

#include <algorithm>

namespace xxgk::source {

void OffsetMap::append(std::uint32_t normalised_len, std::uint32_t original_len) {
    if (normalised_len == 0 && original_len == 0) return;
    const bool linear = normalised_len == original_len;
    if (linear && !segments_.empty() && segments_.back().linear()) {
        segments_.back().normalised_len += normalised_len;
        segments_.back().original_len += original_len;
    } else {
        segments_.push_back({normalised_size_, original_size_, normalised_len, original_len});
    }
    normalised_size_ += normalised_len;
    original_size_ += original_len;
}

std::uint32_t OffsetMap::to_original_begin(std::uint32_t n) const {
    if (n >= normalised_size_) return original_size_;
    // The segment that contains n; deletions (normalised_len 0) never contain an offset.
    auto it = std::upper_bound(segments_.begin(), segments_.end(), n,
                               [](std::uint32_t v, const Segment& s) { return v < s.normalised_begin; });
    while (it != segments_.begin()) {
        --it;
        if (it->normalised_len != 0) break;
    }
    const Segment& s = *it;
    return s.linear() ? s.original_begin + (n - s.normalised_begin) : s.original_begin;
}

std::uint32_t OffsetMap::to_original_end(std::uint32_t n) const {
    if (segments_.empty()) return 0;
    if (n == 0) return to_original_begin(0);  // an empty range at the very start
    // The segment s with s.begin < n <= s.end, skipping deletions that start at n.
    auto it = std::lower_bound(segments_.begin(), segments_.end(), n,
                               [](const Segment& s, std::uint32_t v) { return s.normalised_begin < v; });
    --it;
    while (it->normalised_len == 0 && it != segments_.begin()) --it;
    const Segment& s = *it;
    if (s.linear()) return s.original_begin + (n - s.normalised_begin);
    return n >= s.normalised_begin + s.normalised_len ? s.original_begin + s.original_len : s.original_begin;
}

}  // namespace xxgk::source
