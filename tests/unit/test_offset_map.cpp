#include <boost/test/unit_test.hpp>

#include "offset_map.hpp"

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

BOOST_AUTO_TEST_SUITE_END()
