#pragma once
// Output formats. Each reads a compiled report and writes one format; none re-parses or checks.
#include <ostream>
#include <span>

#include "report.hpp"

namespace xxgk::backends {

struct RenderOptions {
    diag::Lang lang = diag::Lang::En;
    source::ColumnUnit column_unit = source::ColumnUnit::Char;
    bool color = false;
};

// A diagnostic with the file it belongs to (diagnostics of several reports are printed together).
struct FileDiagnostic {
    const source::SourceFile* file;  // nullptr for problems with no file (a path that does not exist)
    std::string path;
    const diag::Diagnostic* diagnostic;
};

// CSV (contract §4): one row per cell, RFC 4180 quoting.
void write_csv_header(std::ostream& out);
void write_csv_rows(std::ostream& out, const ast::Report& report, const RenderOptions& options);

// JSON (contract §4): one object per report, schema xxgk/report@1.
void write_json(std::ostream& out, const ast::Report& report, const RenderOptions& options, bool pretty);

// Diagnostics (contract §5).
void write_gcc(std::ostream& out, std::span<const FileDiagnostic> diagnostics, const RenderOptions& options);
void write_human(std::ostream& out, std::span<const FileDiagnostic> diagnostics, const RenderOptions& options);
// One JSON array, or with `lines` one object per line (JSON Lines).
void write_diagnostics_json(std::ostream& out, std::span<const FileDiagnostic> diagnostics, const RenderOptions& options,
                            bool lines);
// One SARIF 2.1.0 log. Its columns count code points, or UTF-16 code units when the column unit
// is utf16 (SARIF knows no other kind); every region also carries byteOffset and byteLength.
void write_sarif(std::ostream& out, std::span<const FileDiagnostic> diagnostics, const RenderOptions& options);

// The line compilers end with, "2 errors, 1 warning generated", counting every diagnostic
// given; nothing when there are none.
void write_summary(std::ostream& out, std::span<const FileDiagnostic> diagnostics, const RenderOptions& options);

// `xxgk explain`: one code in one language (severity, formula, message, explanation with its
// example), and the list of every code with its message.
void write_explanation(std::ostream& out, const diag::CodeInfo& code, diag::Lang lang);
void write_code_list(std::ostream& out, diag::Lang lang);

}  // namespace xxgk::backends
