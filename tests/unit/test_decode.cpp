#include <boost/test/unit_test.hpp>

#include "decode.hpp"

#include <optional>
#include <unicode/utf8.h>

using namespace xxgk::source;

BOOST_AUTO_TEST_SUITE(decode_input)

BOOST_AUTO_TEST_CASE(utf8_with_and_without_bom) {
    BOOST_TEST((decode("一、总体情况").problem == DecodeProblem::None));
    const auto r = decode("\xEF\xBB\xBF一、总体情况");
    BOOST_TEST((r.problem == DecodeProblem::None));
    BOOST_TEST((r.encoding == Encoding::Utf8WithBom));
    BOOST_TEST(r.text_begin == 3u);
}

BOOST_AUTO_TEST_CASE(empty_and_white_space_only) {
    BOOST_TEST((decode("").problem == DecodeProblem::Empty));
    BOOST_TEST((decode(" \r\n\t\n").problem == DecodeProblem::Empty));
    BOOST_TEST((decode("\xEF\xBB\xBF").problem == DecodeProblem::Empty));
}

BOOST_AUTO_TEST_CASE(binary_is_found_at_its_first_nul) {
    const auto r = decode(std::string_view("ab\0cd", 5));
    BOOST_TEST((r.problem == DecodeProblem::Binary));
    BOOST_TEST(r.problem_offset == 2u);
}

BOOST_AUTO_TEST_CASE(utf16_with_a_bom_is_transcoded_character_by_character) {
    // BOM, 'a', 中 (U+4E2D), 𠀀 (U+20000, a surrogate pair), '\n'.
    const std::string le("\xFF\xFE" "a\0" "\x2D\x4E" "\x40\xD8\x00\xDC" "\n\0", 12);
    const auto r = decode(le);
    BOOST_TEST((r.problem == DecodeProblem::None));
    BOOST_TEST((r.encoding == Encoding::Utf16Le));
    BOOST_TEST_REQUIRE(r.transcoded.has_value());
    BOOST_TEST(r.transcoded->utf8 == "a中\U00020000\n");
    const auto& map = r.transcoded->map;
    BOOST_TEST(map.to_original_begin(0) == 2u);   // a
    BOOST_TEST(map.to_original_begin(1) == 4u);   // 中
    BOOST_TEST(map.to_original_begin(4) == 6u);   // 𠀀
    BOOST_TEST(map.to_original_end(8) == 10u);    // after 𠀀
    BOOST_TEST(map.to_normalised(7) == 4u);       // inside 𠀀's four bytes: its start
    BOOST_TEST(map.to_normalised(5) == 1u);       // 中's second byte
    const std::string be("\xFE\xFF" "\0a" "\x4E\x2D", 6);
    BOOST_TEST(decode(be).transcoded->utf8 == "a中");
    BOOST_TEST((decode(be).encoding == Encoding::Utf16Be));
}

BOOST_AUTO_TEST_CASE(utf16_problems) {
    BOOST_TEST((decode(std::string_view("\xFF\xFE" "\x00\xD8" "a\0", 6)).problem == DecodeProblem::Invalid));  // lone surrogate
    BOOST_TEST((decode(std::string_view("\xFF\xFE\0\0" "a\0\0\0", 8)).problem == DecodeProblem::Unsupported));  // UTF-32LE BOM
    BOOST_TEST((decode(std::string_view("\xFF\xFE" " \0\n\0", 6)).problem == DecodeProblem::Empty));
    const auto odd = decode(std::string_view("\xFF\xFE" "a\0b", 5));
    BOOST_TEST(odd.truncated_character);
    BOOST_TEST(odd.transcoded->utf8 == "a");
}

BOOST_AUTO_TEST_CASE(gbk_bytes_are_read_as_gb18030) {
    // "ok " then 中 in GBK (D6 D0), then 文 (CE C4).
    const auto r = decode("ok \xD6\xD0\xCE\xC4");
    BOOST_TEST((r.problem == DecodeProblem::None));
    BOOST_TEST((r.encoding == Encoding::Gb18030));
    BOOST_TEST(r.transcoded->utf8 == "ok 中文");
    BOOST_TEST(r.transcoded->map.to_original_begin(6) == 5u);  // 文
    BOOST_TEST(r.transcoded->map.to_original_end(9) == 7u);
    BOOST_TEST(r.transcoded->map.to_normalised(4) == 3u);      // second byte of 中
}

BOOST_AUTO_TEST_CASE(gb18030_maps_every_character_to_its_own_bytes) {
    // 中文 (two bytes each), a four-byte character (81 30 81 31 is U+0081), ASCII, 𠀀 (U+20000,
    // four bytes, a surrogate pair in between), and 中 again.
    const auto r = decode("\xD6\xD0\xCE\xC4\x81\x30\x81\x31" "ab" "\x95\x32\x82\x36\xD6\xD0");
    BOOST_TEST_REQUIRE(r.transcoded.has_value());
    BOOST_TEST(r.transcoded->utf8 == "中文\u0081ab\U00020000中");
    const auto& map = r.transcoded->map;
    BOOST_TEST(map.to_original_begin(3) == 2u);    // 文
    BOOST_TEST(map.to_original_begin(6) == 4u);    // U+0081
    BOOST_TEST(map.to_original_end(8) == 8u);      // after it
    BOOST_TEST(map.to_original_begin(9) == 9u);    // b
    BOOST_TEST(map.to_original_begin(10) == 10u);  // 𠀀
    BOOST_TEST(map.to_normalised(12) == 10u);      // its third byte: its start
    BOOST_TEST(map.to_original_end(17) == 16u);    // after the last 中
}

BOOST_AUTO_TEST_CASE(gb18030_that_icu_reads_as_u_fffd_or_u_0080_is_not_gb18030) {
    // 84 31 A4 37 is GB18030's own U+FFFD, 81 30 81 30 is U+0080, and a lone 80 ICU reads as
    // U+0080: none is taken for text, wherever it is.
    for (const char* bad : {"\x84\x31\xA4\x37", "\x81\x30\x81\x30", "\x80"}) {
        const std::string text = std::string("\xD6\xD0\xCE\xC4" "ab") + bad + "\xD6\xD0";
        const auto r = decode(text);
        BOOST_TEST((r.problem == DecodeProblem::Invalid));
        BOOST_TEST(r.problem_detail == "UTF-8 / GB18030");
        BOOST_TEST(r.problem_offset == 0u);
    }
}

BOOST_AUTO_TEST_CASE(gb18030_is_judged_on_the_whole_file) {
    // The scan stops at GB18030 bytes only once the rest of the file could not outweigh them:
    // a few damaged bytes early in a long UTF-8 file leave it UTF-8, with its error there.
    std::string text = "\xD6\xD0\xCE\xC4";
    for (int k = 0; k < 20; ++k) text += "一二三四五";
    auto r = decode(text);
    BOOST_TEST((r.problem == DecodeProblem::Invalid));
    BOOST_TEST(r.problem_detail == "UTF-8");
    BOOST_TEST(r.problem_offset == 0u);
    // Many GB18030 characters and a little UTF-8 after them: GB18030, were it not for the UTF-8.
    text.clear();
    for (int k = 0; k < 100; ++k) text += "\xD6\xD0\xCE\xC4";
    text += "一二三";
    r = decode(text);
    BOOST_TEST((r.problem == DecodeProblem::Invalid));
    BOOST_TEST(r.problem_detail == "UTF-8 / GB18030");
    BOOST_TEST(r.problem_offset == 0u);
}

BOOST_AUTO_TEST_CASE(a_file_cut_inside_its_last_character_is_still_text) {
    const std::string cut = std::string("一、总体情况") + "\xE6\x83";  // 情 without its last byte
    const auto r = decode(cut);
    BOOST_TEST((r.problem == DecodeProblem::None));
    BOOST_TEST(r.truncated_character);
    BOOST_TEST(r.text_end == cut.size() - 2);
}

BOOST_AUTO_TEST_CASE(bytes_that_are_neither_utf8_nor_gb18030) {
    // FF is no byte of either; the error is at the first byte that is not UTF-8.
    const auto r = decode("abc\xFF");
    BOOST_TEST((r.problem == DecodeProblem::Invalid));
    BOOST_TEST(r.problem_offset == 3u);
    // A UTF-8 file with one damaged byte is not reinterpreted as GB18030.
    const auto damaged = decode("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十\xD6\xD0");
    BOOST_TEST((damaged.problem == DecodeProblem::Invalid));
    BOOST_TEST(damaged.problem_detail == "UTF-8");
    BOOST_TEST(damaged.problem_offset == 90u);
}

BOOST_AUTO_TEST_CASE(mojibake_is_recognised_and_explained) {
    // 政府信息公开 read as GBK and written back as UTF-8: Python's bytes.decode("gb18030") of the
    // UTF-8 bytes of those words gives 鏀垮簻淇℃伅鍏, U+E100 (a private-use character), 紑.
    const std::string garbled = "鏀垮簻淇℃伅鍏\xEE\x84\x80紑";
    const auto r = decode("1 " + garbled + "\n2 " + garbled + "\n3 " + garbled + "\n");
    BOOST_TEST((r.problem == DecodeProblem::Mojibake));
    BOOST_TEST(r.problem_offset == 2u);
    BOOST_TEST(r.problem_detail == garbled);
    BOOST_TEST(r.restored == "政府信息公开");
    // Text that says 公开 is never taken for mojibake.
    BOOST_TEST((decode("政府信息公开 " + garbled + " " + garbled + " " + garbled).problem == DecodeProblem::None));
}

// The UTF-8 check reads ASCII eight bytes at a time, Han characters two at a time and other
// sequences through a table of lead bytes: every well-formed sequence must pass, and every
// ill-formed one must be found where ICU's U8_NEXT finds it, whatever comes before and after it.
namespace {

struct IllFormed {
    std::size_t at;
    bool incomplete_last_character;  // nothing else follows it, and more bytes would complete it
};

// The first ill-formed sequence of `s`, as U8_NEXT finds it.
std::optional<IllFormed> first_ill_formed(std::string_view s) {
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(s.data());
    const auto length = static_cast<std::int32_t>(s.size());
    for (std::int32_t i = 0; i < length;) {
        const std::int32_t start = i;
        UChar32 c;
        U8_NEXT(bytes, i, length, c);
        if (c >= 0) continue;
        const auto lead = bytes[start];
        const std::int32_t announced = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
        return IllFormed{static_cast<std::size_t>(start), i == length && lead >= 0xC2 && lead <= 0xF4 && length - start < announced};
    }
    return std::nullopt;
}

std::string hex(std::string_view s) {
    static constexpr char kDigits[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : s) {
        out += kDigits[static_cast<unsigned char>(c) >> 4];
        out += kDigits[static_cast<unsigned char>(c) & 0xF];
        out += ' ';
    }
    return out;
}

// After a BOM a file is never read as GB18030, and with 公开 in it never taken for mojibake: an
// ill-formed sequence is always its error, or its cut last character.
void expect_utf8_verdict(const std::string& text) {
    const std::string file = "\xEF\xBB\xBF公开 " + text;
    const std::size_t before = file.size() - text.size();
    const auto r = decode(file);
    const auto ill_formed = first_ill_formed(text);
    if (!ill_formed) {
        BOOST_TEST((r.problem == DecodeProblem::None), hex(text));
    } else if (ill_formed->incomplete_last_character) {
        BOOST_TEST((r.problem == DecodeProblem::None), hex(text));
        BOOST_TEST(r.truncated_character, hex(text));
        BOOST_TEST(r.text_end == before + ill_formed->at, hex(text));
    } else {
        BOOST_TEST((r.problem == DecodeProblem::Invalid), hex(text));
        BOOST_TEST(r.problem_offset == before + ill_formed->at, hex(text));
    }
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_lead_byte_and_second_byte_is_judged_as_icu_does) {
    // Bytes at the edges of the ranges of Unicode's Table 3-7, for the third and fourth bytes.
    const std::uint8_t edges[] = {0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xE4, 0xF0, 0xFF};
    for (unsigned lead = 0x80; lead <= 0xFF; ++lead)
        for (unsigned second = 1; second <= 0xFF; ++second) {  // a NUL makes the file binary
            const std::string two{static_cast<char>(lead), static_cast<char>(second)};
            expect_utf8_verdict("中" + two);
            expect_utf8_verdict("中" + two + "文字文字");  // where two Han characters are read at once
            for (const auto third : edges) {
                expect_utf8_verdict("ab" + two + static_cast<char>(third));  // cut short at the end, or not
                expect_utf8_verdict("ab" + two + static_cast<char>(third) + "公开");
                if (lead >= 0xF0)
                    for (const auto fourth : edges)
                        expect_utf8_verdict("ab" + two + static_cast<char>(third) + static_cast<char>(fourth) + "x");
            }
        }
}

BOOST_AUTO_TEST_CASE(an_ill_formed_byte_is_found_after_ascii_and_han_runs_of_every_length) {
    // ASCII is read eight bytes at a time and Han characters two at a time: the first ill-formed
    // byte must be found wherever it falls in those steps.
    for (std::size_t ascii = 0; ascii <= 17; ++ascii)
        for (std::size_t han = 0; han <= 5; ++han)
            for (const std::string_view bad : {"\xFF", "\x80", "\xED\xA0\x80", "\xE0\x80\x80", "\xE4\xB8", "\xF4\x90\x80\x80"}) {
                std::string text(ascii, 'a');
                for (std::size_t k = 0; k < han; ++k) text += "公";
                text += bad;
                expect_utf8_verdict(text);
                expect_utf8_verdict(text + "0123456789");
                expect_utf8_verdict("公" + text + "文");
            }
}

BOOST_AUTO_TEST_SUITE_END()
