// libFuzzer target: the grammar and the passes on mutated reports. run.sh seeds it with the
// corpus and a dictionary of the template's labels, so mutations keep the shape of a report;
// bytes that are not UTF-8 are replaced, so that every input gets past decoding into the
// grammar instead of stopping at XG0005.
#include <cstdint>
#include <string>

#include <unicode/utf8.h>

#include "invariants.hpp"
#include "pipeline.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace xxgk;
    std::string text;
    text.reserve(size);
    const auto length = static_cast<std::int32_t>(size);
    for (std::int32_t i = 0; i < length;) {
        const std::int32_t start = i;
        UChar32 c;
        U8_NEXT(data, i, length, c);
        if (c <= 0) text += '?';  // an ill-formed sequence or NUL
        else text.append(reinterpret_cast<const char*>(data) + start, static_cast<std::size_t>(i - start));
    }
    for (const tpl::Template* form : {static_cast<const tpl::Template*>(nullptr), &tpl::template_2021()}) {
        const auto c = passes::compile("report.txt", text, form);
        if (!test::locations_inside_file(c) || !test::unaccounted_values(c.report).empty()) __builtin_trap();
    }
    return 0;
}
