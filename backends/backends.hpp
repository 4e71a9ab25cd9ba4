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
void write_diagnostics_json(std::ostream& out, std::span<const FileDiagnostic> diagnostics, const RenderOptions& options);

}  // namespace xxgk::backends
