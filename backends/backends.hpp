#pragma once
// Output formats. Each reads a compiled report and writes one format; none re-parses or checks.
#include <map>
#include <memory>
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
// The array of write_diagnostics_json in parts, for a batch that renders each file's diagnostics
// on its own (on a worker thread) and writes them in order: the part is the array's objects,
// indented as in the array and separated by ",\n"; the writer puts the brackets around the parts.
void write_diagnostics_json_part(std::ostream& out, std::span<const FileDiagnostic> diagnostics, const RenderOptions& options);
class JsonDiagnosticsArray {
public:
    explicit JsonDiagnosticsArray(std::ostream& out) : out_(out) {}
    void add(std::string_view part);  // nothing for an empty part
    void finish();
private:
    std::ostream& out_;
    bool empty_ = true;
};

// One SARIF 2.1.0 log. Its columns count code points, or UTF-16 code units when the column unit
// is utf16 (SARIF knows no other kind); every region also carries byteOffset and byteLength.
void write_sarif(std::ostream& out, std::span<const FileDiagnostic> diagnostics, const RenderOptions& options);
// The same log built file by file: add() renders a file's results at once, so that a batch holds
// rendered text rather than compiled reports until write() puts the one log together.
class SarifLog {
public:
    explicit SarifLog(const RenderOptions& options);
    ~SarifLog();
    void add(std::span<const FileDiagnostic> diagnostics);
    void write(std::ostream& out) const;
private:
    class Builder;
    std::unique_ptr<Builder> builder_;
};

// Diagnostics by severity, as the summary line and the exit code count them.
struct DiagnosticCounts {
    std::size_t errors = 0, warnings = 0, notes = 0;
    void add(diag::Severity s) { ++(s == diag::Severity::Error ? errors : s == diag::Severity::Warning ? warnings : notes); }
};

// The line compilers end with, "2 errors, 1 warning generated", counting every diagnostic
// given; nothing when there are none.
void write_summary(std::ostream& out, const DiagnosticCounts& counts, const RenderOptions& options);
void write_summary(std::ostream& out, std::span<const FileDiagnostic> diagnostics, const RenderOptions& options);

// What a batch of inputs came to, for the summary after it.
struct BatchSummary {
    std::size_t inputs = 0;                      // files named or found
    std::size_t not_read = 0;                    // unreadable (XG0001) or too large (XG0009)
    std::size_t failed = 0;                      // compilation stopped by an internal error
    std::map<std::string, std::size_t> by_form;  // compiled files per template version
    std::size_t with_errors = 0;                 // files with an error
    std::size_t with_warnings = 0;               // files with a warning and no error
    std::map<diag::Code, std::size_t> by_code;   // diagnostics per code
};
// The closing summary of a batch: files compiled, by form, with errors, the ten most frequent codes.
void write_batch_summary(std::ostream& out, const BatchSummary& summary, const RenderOptions& options);

// `xxgk explain`: one code in one language (severity, formula, message, explanation with its
// example), and the list of every code with its message.
void write_explanation(std::ostream& out, const diag::CodeInfo& code, diag::Lang lang);
void write_code_list(std::ostream& out, diag::Lang lang);

}  // namespace xxgk::backends
