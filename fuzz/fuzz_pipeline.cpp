// libFuzzer target: arbitrary bytes through the whole pipeline and every backend. The fuzzer's
// sanitizers catch memory errors and undefined behaviour; the checks below catch what they
// cannot: a location outside the file, and a value the grammar saw that no cell holds and no
// diagnostic names.
#include <cstdint>
#include <sstream>

#include "backends.hpp"
#include "invariants.hpp"
#include "pipeline.hpp"

namespace {

void require(bool ok) {
    if (!ok) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace xxgk;
    // The first byte also picks the form, as --template would; the whole input is the file.
    const tpl::Template* forms[] = {nullptr, &tpl::template_2019(), &tpl::template_2021()};
    const tpl::Template* form = size > 0 ? forms[data[0] % 3] : nullptr;
    std::string bytes(reinterpret_cast<const char*>(data), size);
    const auto c = passes::compile("fuzz.txt", std::move(bytes), form);
    require(test::locations_inside_file(c));
    require(test::unaccounted_values(c.report).empty());
    std::ostringstream sink;
    backends::RenderOptions options;
    backends::write_csv_rows(sink, c.report, options);
    backends::write_json(sink, c.report, options, false);
    std::vector<backends::FileDiagnostic> all;
    for (const auto& d : c.report.diagnostics) all.push_back({c.file.get(), c.file->name(), &d});
    for (const auto unit : {source::ColumnUnit::Char, source::ColumnUnit::Utf16, source::ColumnUnit::Display}) {
        options.column_unit = unit;
        backends::write_human(sink, all, options);
        backends::write_gcc(sink, all, options);
        backends::write_sarif(sink, all, options);
    }
    return 0;
}
