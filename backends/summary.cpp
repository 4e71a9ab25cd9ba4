#include <algorithm>
#include <vector>

#include "backends.hpp"

namespace xxgk::backends {

// "2 errors, 1 warning generated" as clang ends; in Chinese "2 个错误，1 个警告".
void write_summary(std::ostream& out, const DiagnosticCounts& counts, const RenderOptions& options) {
    const bool zh = options.lang == diag::Lang::Zh;
    std::string line;
    auto count = [&](std::size_t n, std::string_view zh_unit, std::string_view en_one, std::string_view en_many) {
        if (n == 0) return;
        if (!line.empty()) line += zh ? "，" : ", ";
        line.append(std::to_string(n)).append(zh ? " 个" : " ").append(zh ? zh_unit : n == 1 ? en_one : en_many);
    };
    count(counts.errors, "错误", "error", "errors");
    count(counts.warnings, "警告", "warning", "warnings");
    count(counts.notes, "提示", "note", "notes");
    if (line.empty()) return;
    out << line << (zh ? "\n" : " generated\n");
}

void write_summary(std::ostream& out, std::span<const FileDiagnostic> diagnostics, const RenderOptions& options) {
    DiagnosticCounts counts;
    for (const auto& fd : diagnostics) counts.add(fd.diagnostic->severity);
    write_summary(out, counts, options);
}

// Three lines after a batch:
//   100000 files: 99998 compiled (80000 on the 2019 form, 19998 on the 2021 form), 2 not read
//   20000 with errors, 5000 with warnings only, 74998 without either
//   most frequent: XG3003 ×12000, XG2001 ×9000, …
void write_batch_summary(std::ostream& out, const BatchSummary& summary, const RenderOptions& options) {
    const bool zh = options.lang == diag::Lang::Zh;
    const std::string_view comma = zh ? "，" : ", ";
    std::size_t compiled = 0;
    for (const auto& [form, n] : summary.by_form) compiled += n;

    if (zh) out << summary.inputs << " 个文件：编译 " << compiled << " 个";
    else out << summary.inputs << " files: " << compiled << " compiled";
    bool first = true;
    for (const auto& [form, n] : summary.by_form) {
        out << (first ? (zh ? "（" : " (") : comma);
        if (zh) out << form << " 版 " << n << " 个";
        else out << n << " on the " << form << " form";
        first = false;
    }
    if (!first) out << (zh ? "）" : ")");
    if (summary.not_read > 0) {
        if (zh) out << comma << "未读取 " << summary.not_read << " 个";
        else out << comma << summary.not_read << " not read";
    }
    if (summary.failed > 0) {
        if (zh) out << comma << "内部错误 " << summary.failed << " 个";
        else out << comma << summary.failed << " stopped by an internal error";
    }
    out << '\n';

    const std::size_t clean = compiled - summary.with_errors - summary.with_warnings;
    if (zh)
        out << "有错误 " << summary.with_errors << " 个，仅有警告 " << summary.with_warnings << " 个，无错误和警告 " << clean << " 个\n";
    else
        out << summary.with_errors << " with errors, " << summary.with_warnings << " with warnings only, " << clean
            << " without either\n";

    if (summary.by_code.empty()) return;
    std::vector<std::pair<diag::Code, std::size_t>> codes(summary.by_code.begin(), summary.by_code.end());
    // Most frequent first; equal counts in code order, so that the line is the same on every run.
    std::stable_sort(codes.begin(), codes.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    constexpr std::size_t kShown = 10;
    out << (zh ? "最常见的诊断：" : "most frequent: ");
    for (std::size_t i = 0; i < codes.size() && i < kShown; ++i)
        out << (i > 0 ? comma : "") << diag::info(codes[i].first).name << " ×" << codes[i].second;
    out << '\n';
}

}  // namespace xxgk::backends
