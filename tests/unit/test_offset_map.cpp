#include <boost/test/unit_test.hpp>

#include "offset_map.hpp"

#include <algorithm>
#include <random>

using xxgk::source::OffsetMap;

BOOST_AUTO_TEST_SUITE(offset_map)

BOOST_AUTO_TEST_CASE(copies_map_linearly_and_merge) {
    OffsetMap m;
    m.append(5, 5);
    m.append(7, 7);
    BOOST_TEST(m.segment_count() == 1u);
    BOOST_TEST(m.to_original_begin(0) == 0u);
    BOOST_TEST(m.to_original_begin(11) == 11u);
    BOOST_TEST(m.to_original_end(12) == 12u);
}

BOOST_AUTO_TEST_CASE(an_edit_maps_atomically) {
    // "a（b" : the full-width parenthesis (3 bytes) became "(" (1 byte).
    OffsetMap m;
    m.append(1, 1);
    m.append(1, 3);
    m.append(1, 1);
    BOOST_TEST(m.to_original_begin(1) == 1u);  // the "(" starts where "（" started
    BOOST_TEST(m.to_original_end(2) == 4u);    // and ends where "（" ended
    BOOST_TEST(m.to_original_begin(2) == 4u);  // "b"
    BOOST_TEST(m.to_original_end(3) == 5u);
}

BOOST_AUTO_TEST_CASE(a_deletion_is_skipped_on_both_sides) {
    // "區(qū)人": the gloss (6 bytes) is dropped; 區→区 keeps its 3 bytes.
    OffsetMap m;
    m.append(3, 3);
    m.append(0, 6);
    m.append(3, 3);
    BOOST_TEST(m.to_original_end(3) == 3u);    // a range ending after 区 ends before the gloss
    BOOST_TEST(m.to_original_begin(3) == 9u);  // 人 starts after the gloss
    BOOST_TEST(m.to_original_end(6) == 12u);
    BOOST_TEST(m.normalised_size() == 6u);
    BOOST_TEST(m.original_size() == 12u);
}

BOOST_AUTO_TEST_CASE(a_leading_deletion_such_as_a_bom) {
    OffsetMap m;
    m.append(0, 3);
    m.append(4, 4);
    BOOST_TEST(m.to_original_begin(0) == 3u);
    BOOST_TEST(m.to_original_end(0) == 3u);
    BOOST_TEST(m.to_original_end(4) == 7u);
}

BOOST_AUTO_TEST_CASE(equal_edits_share_a_segment_and_map_one_by_one) {
    // A transcoded run: three characters of 2 bytes that became 3 each, then a different edit.
    OffsetMap m;
    m.append_atomic(3, 2, 2);
    m.append_atomic(3, 2);
    m.append(1, 2);
    BOOST_TEST(m.segment_count() == 2u);
    BOOST_TEST(m.to_original_begin(4) == 2u);          // inside the second character: its start
    BOOST_TEST(m.to_original_end(4) == 2u);            // a range ending inside it stops before it
    BOOST_TEST(m.to_original_end(6) == 4u);            // and one ending after it after it
    BOOST_TEST(m.to_original_end(9) == 6u);
    BOOST_TEST(m.to_normalised(3) == 3u);              // the second character's second byte
    BOOST_TEST(m.to_normalised(5) == 6u);
    BOOST_TEST(m.to_normalised_at_or_after(3) == 6u);  // the next character after that byte
    BOOST_TEST(m.to_normalised_at_or_after(4) == 6u);
    BOOST_TEST(m.to_original_begin(9) == 6u);          // the different edit
    // A deletion or an insertion is never merged into a run.
    OffsetMap d;
    d.append_atomic(0, 2, 2);
    d.append_atomic(1, 0, 2);
    BOOST_TEST(d.segment_count() == 4u);
}

BOOST_AUTO_TEST_CASE(a_run_composes_as_its_edits_would) {
    // A normaliser's copy that ends inside a transcoder's run, then an edit of the character
    // after it: the run is cut at the character, and the edit maps to that character's bytes.
    OffsetMap transcoder;
    transcoder.append(0, 2);  // a byte-order mark
    transcoder.append_atomic(3, 2, 4);
    OffsetMap normaliser;
    normaliser.append(6, 6);
    normaliser.append(1, 3);
    normaliser.append(3, 3);
    const OffsetMap composed = normaliser.then(transcoder);
    BOOST_TEST(composed.to_original_begin(0) == 2u);
    BOOST_TEST(composed.to_original_begin(3) == 4u);
    BOOST_TEST(composed.to_original_begin(6) == 6u);  // the edit
    BOOST_TEST(composed.to_original_end(7) == 8u);
    BOOST_TEST(composed.to_original_begin(7) == 8u);  // the last character
    BOOST_TEST(composed.to_normalised(9) == 7u);
    BOOST_TEST(composed.original_size() == 10u);
}

BOOST_AUTO_TEST_CASE(the_normalised_start_of_an_original_offset) {
    // "a（b區(qū)人": "（" became "(", the gloss was dropped.
    OffsetMap m;
    m.append(1, 1);  // a
    m.append(1, 3);  // （ → (
    m.append(4, 4);  // b區
    m.append(0, 6);  // (qū)
    m.append(3, 3);  // 人
    BOOST_TEST(m.to_normalised_at_or_after(0) == 0u);
    BOOST_TEST(m.to_normalised_at_or_after(1) == 1u);   // "（" starts at "("
    BOOST_TEST(m.to_normalised_at_or_after(2) == 2u);   // inside "（": the next character, b
    BOOST_TEST(m.to_normalised_at_or_after(5) == 3u);   // 區
    BOOST_TEST(m.to_normalised_at_or_after(8) == 6u);   // the gloss: 人, after it
    BOOST_TEST(m.to_normalised_at_or_after(14) == 6u);  // 人
    BOOST_TEST(m.to_normalised_at_or_after(17) == 9u);  // the end
    BOOST_TEST(m.to_normalised_at_or_after(99) == 9u);
    BOOST_TEST(OffsetMap().to_normalised_at_or_after(0) == 0u);
}

BOOST_AUTO_TEST_CASE(the_normalised_start_is_the_first_offset_mapped_at_or_after) {
    // Against its definition, on maps of every kind of piece, and on a normaliser's map composed
    // with a transcoder's.
    std::mt19937 random(20261122);
    // `count` pieces of the same lengths: a run of edits when they are atomic.
    const auto pieces = [&](OffsetMap& m, std::uint32_t normalised, std::uint32_t count) {
        const std::uint32_t original = random() % 5;
        if (random() % 4 == 0) {
            m.append_atomic(normalised, original, count);
        } else {
            for (std::uint32_t k = 0; k < count; ++k) m.append(normalised, original);
        }
    };
    for (int round = 0; round < 2000; ++round) {
        OffsetMap normaliser, transcoder;
        for (int k = 0, n = static_cast<int>(random() % 12); k < n; ++k) pieces(normaliser, random() % 5, 1 + random() % 3);
        // The transcoder produced the text the normaliser read.
        for (std::uint32_t produced = 0; produced < normaliser.original_size();) {
            const std::uint32_t left = normaliser.original_size() - produced;
            const std::uint32_t length = std::min<std::uint32_t>(random() % 5, left);
            const std::uint32_t count = length == 0 ? 1 : std::min<std::uint32_t>(1 + random() % 3, left / length);
            pieces(transcoder, length, count);
            produced += length * count;
        }
        const OffsetMap composed = normaliser.then(transcoder);
        for (const OffsetMap* map : std::initializer_list<const OffsetMap*>{&normaliser, &transcoder, &composed})
            for (std::uint32_t o = 0; o <= map->original_size() + 1; ++o) {
                std::uint32_t first = 0;
                while (first < map->normalised_size() && map->to_original_begin(first) < o) ++first;
                BOOST_TEST(map->to_normalised_at_or_after(o) == first);
            }
    }
}

BOOST_AUTO_TEST_CASE(a_cursor_answers_as_the_map_does) {
    // On random maps of copies, edits, runs of edits, deletions and insertions: every offset in
    // order, as a table's items ask, then offsets in random order, which start the walk over.
    std::mt19937 random(20261123);
    for (int round = 0; round < 2000; ++round) {
        OffsetMap map;
        for (int k = 0, n = static_cast<int>(random() % 14); k < n; ++k) {
            const std::uint32_t normalised = random() % 5, original = random() % 5;
            if (random() % 4 == 0) map.append_atomic(normalised, original, 1 + random() % 3);
            else map.append(normalised, original);
        }
        OffsetMap::Cursor in_order(map);
        for (std::uint32_t n = 0; n <= map.normalised_size() + 1; ++n) {
            BOOST_TEST(in_order.to_original_begin(n) == map.to_original_begin(n));
            BOOST_TEST(in_order.to_original_end(n) == map.to_original_end(n));
        }
        OffsetMap::Cursor any_order(map);
        for (int k = 0; k < 20; ++k) {
            const std::uint32_t n = random() % (map.normalised_size() + 2);
            if (random() % 2 == 0) BOOST_TEST(any_order.to_original_begin(n) == map.to_original_begin(n));
            else BOOST_TEST(any_order.to_original_end(n) == map.to_original_end(n));
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
