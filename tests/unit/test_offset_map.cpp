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
    const auto piece = [&](OffsetMap& m, std::uint32_t normalised) {
        const std::uint32_t original = random() % 5;
        if (random() % 4 == 0) m.append_atomic(normalised, original);
        else m.append(normalised, original);
    };
    for (int round = 0; round < 2000; ++round) {
        OffsetMap normaliser, transcoder;
        for (int k = 0, pieces = static_cast<int>(random() % 12); k < pieces; ++k) piece(normaliser, random() % 5);
        // The transcoder produced the text the normaliser read.
        for (std::uint32_t produced = 0; produced < normaliser.original_size();) {
            const std::uint32_t length = std::min<std::uint32_t>(random() % 5, normaliser.original_size() - produced);
            piece(transcoder, length);
            produced += length;
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

BOOST_AUTO_TEST_SUITE_END()
