#include "backends.hpp"

namespace xxgk::backends {

// "2 errors, 1 warning generated" as clang ends; in Chinese "2 个错误，1 个警告".
void write_summary(std::ostream& out, std::span<const FileDiagnostic> diagnostics, const RenderOptions& options) {
    std::size_t errors = 0, warnings = 0, notes = 0;
    for (const auto& fd : diagnostics) {
        switch (fd.diagnostic->severity) {
            case diag::Severity::Error: ++errors; break;
            case diag::Severity::Warning: ++warnings; break;
            case diag::Severity::Note: ++notes; break;
        }
    }
    const bool zh = options.lang == diag::Lang::Zh;
    std::string line;
    auto count = [&](std::size_t n, std::string_view zh_unit, std::string_view en_one, std::string_view en_many) {
        if (n == 0) return;
        if (!line.empty()) line += zh ? "，" : ", ";
        line.append(std::to_string(n)).append(zh ? " 个" : " ").append(zh ? zh_unit : n == 1 ? en_one : en_many);
    };
    count(errors, "错误", "error", "errors");
    count(warnings, "警告", "warning", "warnings");
    count(notes, "提示", "note", "notes");
    if (line.empty()) return;
    out << line << (zh ? "\n" : " generated\n");
}

}  // namespace xxgk::backends
