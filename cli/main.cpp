// xxgk: the command line (contract §1). Finds the inputs, compiles them on -j worker threads,
// hands the results to a backend in input order, and turns what happened into the exit code.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <unistd.h>

#include "backends.hpp"
#include "batch.hpp"
#include "output.hpp"
#include "progress.hpp"
#include "server.hpp"
#include "pipeline.hpp"

namespace fs = std::filesystem;
using namespace xxgk;

namespace {

enum Exit { kOk = 0, kErrors = 1, kUsage = 2, kInternal = 3 };

struct Options {
    std::vector<std::string> paths;
    std::string format;  // diagnostics format; empty: human on a terminal, else gcc
    std::string lang;
    std::string color = "auto";
    std::string column_unit = "char";
    std::string severity = "note";  // the least severe diagnostic shown
    bool quiet = false;             // no summary line, no progress bar
    std::string template_version = "auto";
    std::string warnings_as;  // -W error
    bool werror = false;
    std::string emit;
    std::string output;
    std::string stdin_filename = "<stdin>";
    unsigned jobs = 0;  // worker threads; 0: one per core
};

diag::Lang lang_from_environment() {
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(name);
        if (value != nullptr && *value != '\0') return std::string_view(value).starts_with("zh") ? diag::Lang::Zh : diag::Lang::En;
    }
    return diag::Lang::En;
}

// What a worker hands back for one input: its output and diagnostics already rendered, and what
// the summary counts. It holds no compiled report (so that memory is bounded by rendered text),
// except for SARIF, whose log numbers the files in order and so renders them as they are delivered.
struct FileResult {
    std::string output;       // its part of --emit: CSV rows, a JSON Lines line or a JSON document
    std::string diagnostics;  // in --format, at or above --severity (every format but SARIF)
    std::unique_ptr<passes::Compilation> compilation;  // for SARIF only
    std::optional<diag::Diagnostic> not_read;          // why the input was not read: XG0001, XG0009
    std::string internal_error;                        // what stopped its compilation: a bug
    std::string_view form;                             // the template version compiled against
    std::vector<std::pair<diag::Code, diag::Severity>> found;  // every diagnostic, shown or not
};

// Thrown when an output cannot be written, which ends the batch.
struct OutputError : std::runtime_error {
    OutputError(std::string target, const std::string& error) : std::runtime_error(error), target(std::move(target)) {}
    std::string target;
};

// Each worker runs this many inputs ahead of the output at most: enough that one slow report
// does not idle the others, few enough that the results waiting are a few megabytes.
constexpr std::size_t kResultsPerWorker = 16;

class Driver {
public:
    explicit Driver(const Options& o) : o_(o) {
        render_.lang = o.lang.empty() ? lang_from_environment() : (o.lang == "zh" ? diag::Lang::Zh : diag::Lang::En);
        render_.column_unit = o.column_unit == "byte"      ? source::ColumnUnit::Byte
                              : o.column_unit == "display" ? source::ColumnUnit::Display
                              : o.column_unit == "utf16"   ? source::ColumnUnit::Utf16
                                                           : source::ColumnUnit::Char;
        threshold_ = o.severity == "error"     ? diag::Severity::Error
                     : o.severity == "warning" ? diag::Severity::Warning
                                               : diag::Severity::Note;
        werror_ = o.werror || o.warnings_as == "error";
        form_ = tpl::find_template(o.template_version);
    }

    // check: diagnostics on stdout.
    int check() {
        inputs_ = cli::expand_paths(o_.paths, o_.stdin_filename);
        start_diagnostics(std::cout, STDOUT_FILENO);
        compile_all();
        return finish();
    }

    // compile: the output on stdout, in one file, or in one file per input; diagnostics on stderr.
    int compile() {
        inputs_ = cli::expand_paths(o_.paths, o_.stdin_filename);
        std::error_code ec;
        per_input_ = !o_.output.empty() && (o_.emit == "json" || o_.output.ends_with('/') || fs::is_directory(o_.output, ec));
        if (o_.emit == "json" && o_.output.empty() && inputs_.size() > 1) {
            std::cerr << "xxgk: --emit json with several inputs needs -o DIR (or --emit jsonl)\n";
            return kUsage;
        }
        start_diagnostics(std::cerr, STDERR_FILENO);
        std::optional<cli::AtomicFile> file;
        if (!per_input_ && !o_.output.empty()) {
            file.emplace(o_.output);
            // Nothing is compiled for an output that cannot be written.
            if (!file->ok()) return cannot_write(o_.output, file->error()), finish();
        }
        output_ = file ? &file->stream() : per_input_ ? nullptr : &std::cout;
        if (output_ != nullptr && o_.emit == "csv") backends::write_csv_header(*output_);
        // A batch that did not end leaves the aggregate file as it was (the temporary file goes).
        if (compile_all() && file) {
            std::string error;
            if (!file->commit(error)) cannot_write(o_.output, error);
        }
        return finish();
    }

private:
    void start_diagnostics(std::ostream& diagnostics, int diagnostics_fd) {
        diagnostics_ = &diagnostics;
        diagnostics_terminal_ = ::isatty(diagnostics_fd) != 0;
        format_ = o_.format.empty() ? (diagnostics_terminal_ ? "human" : "gcc") : o_.format;
        const char* no_color = std::getenv("NO_COLOR");
        render_.color = format_ == "human" && (o_.color == "always" || (o_.color == "auto" && diagnostics_terminal_ &&
                                                                          (no_color == nullptr || *no_color == '\0')));
        if (format_ == "sarif") sarif_.emplace(render_);
        if (format_ == "json") json_array_.emplace(diagnostics);
        progress_.emplace(std::cerr, inputs_.size(), ::isatty(STDERR_FILENO) != 0 && !o_.quiet);
        summary_.inputs = inputs_.size();
    }

    // Compiles every input on -j workers and writes the results in input order as they come;
    // false when an output could not be written, which ends the batch.
    bool compile_all() {
        const unsigned jobs = o_.jobs > 0 ? o_.jobs : std::max(1u, std::thread::hardware_concurrency());
        try {
            cli::run_in_order<FileResult>(
                inputs_.size(), jobs, kResultsPerWorker * jobs, [this](std::size_t i) { return compile_input(i); },
                [this](std::size_t i, FileResult&& r) { deliver(i, std::move(r)); });
        } catch (const OutputError& e) {
            cannot_write(e.target, e.what());
            return false;
        }
        return true;
    }

    // An output that cannot be written (XG0011) ends the run like an unreadable input: exit 2.
    void cannot_write(const std::string& target, const std::string& error) {
        const auto d = diag::make(diag::Code::XG0011, {}, {target, error});
        const backends::FileDiagnostic fd{nullptr, target, &d};
        write_diagnostics(std::span(&fd, 1));
        counts_.add(d.severity);
        ++summary_.by_code[d.code];
        unreadable_ = true;
    }

    // The diagnostics after the last file, the summaries, and the exit code.
    int finish() {
        progress_->clear();
        if (sarif_) sarif_->write(*diagnostics_);
        if (json_array_) json_array_->finish();
        diagnostics_->flush();
        // The summaries go to stderr, unless it carries diagnostics for tools (compile --format json).
        const bool stderr_free = diagnostics_ == &std::cout || format_ == "human" || format_ == "gcc";
        if (!o_.quiet && (format_ == "human" || format_ == "gcc")) backends::write_summary(std::cerr, counts_, render_);
        if (!o_.quiet && stderr_free && inputs_.size() > 1) backends::write_batch_summary(std::cerr, summary_, render_);
        if (internal_errors_) return kInternal;
        if (unreadable_) return kUsage;
        return errors_ ? kErrors : kOk;
    }

    // On a worker: reads, compiles and renders one input.
    FileResult compile_input(std::size_t i) {
        const cli::InputPath& input = inputs_[i];
        FileResult r;
        auto read = cli::read_input(input, passes::kMaxInputBytes);
        if (!read.bytes) {
            r.not_read = read.too_large ? diag::make(diag::Code::XG0009, {}, {std::to_string(*read.too_large), std::to_string(passes::kMaxInputBytes)})
                                        : diag::make(diag::Code::XG0001, {}, {input.path + ": " + read.error});
            r.found.emplace_back(r.not_read->code, r.not_read->severity);
            if (!sarif_) {
                const backends::FileDiagnostic fd{nullptr, input.path, &*r.not_read};
                r.diagnostics = render_diagnostics(std::span(&fd, 1));
            }
            return r;
        }
        try {
            auto c = std::make_unique<passes::Compilation>(passes::compile(input.path, std::move(*read.bytes), form_));
            r.form = c->report.form->version;
            std::ostringstream output;
            if (per_input_ && o_.emit == "csv") backends::write_csv_header(output);
            if (o_.emit == "csv") backends::write_csv_rows(output, c->report, render_);
            else if (o_.emit == "jsonl") backends::write_json(output, c->report, render_, false);
            else if (o_.emit == "json") backends::write_json(output, c->report, render_, true);
            r.output = std::move(output).str();
            for (const auto& d : c->report.diagnostics) r.found.emplace_back(d.code, d.severity);
            if (sarif_) r.compilation = std::move(c);
            else r.diagnostics = render_diagnostics(shown(*c));
        } catch (const std::exception& e) {
            r = FileResult{};
            r.internal_error = e.what();
        }
        return r;
    }

    std::vector<backends::FileDiagnostic> shown(const passes::Compilation& c) const {
        std::vector<backends::FileDiagnostic> out;
        // Severities are declared from the most severe down.
        for (const auto& d : c.report.diagnostics)
            if (d.severity <= threshold_) out.push_back({c.file.get(), c.file->name(), &d});
        return out;
    }

    std::string render_diagnostics(std::span<const backends::FileDiagnostic> diagnostics) const {
        std::ostringstream out;
        if (format_ == "json") backends::write_diagnostics_json_part(out, diagnostics, render_);
        else if (format_ == "jsonl") backends::write_diagnostics_json(out, diagnostics, render_, true);
        else if (format_ == "human") backends::write_human(out, diagnostics, render_);
        else backends::write_gcc(out, diagnostics, render_);
        return std::move(out).str();
    }

    // In input order, one at a time: writes a result, counts it, and lets it go.
    void deliver(std::size_t i, FileResult&& r) {
        const std::string& path = inputs_[i].path;
        if (!r.internal_error.empty()) {
            progress_->clear();
            std::cerr << "xxgk: internal error while compiling " << path << ": " << r.internal_error
                      << "\nThis is a bug in xxgk. Please report it with the input that caused it.\n";
        } else if (!r.not_read) {
            write_output(path, r.output);
        }
        if (!sarif_) {
            write_rendered(r.diagnostics);
        } else if (r.not_read) {
            const backends::FileDiagnostic fd{nullptr, path, &*r.not_read};
            sarif_->add(std::span(&fd, 1));
        } else if (r.compilation) {
            sarif_->add(shown(*r.compilation));
        }
        count(r);
        progress_->advance();
    }

    void write_diagnostics(std::span<const backends::FileDiagnostic> diagnostics) {
        if (sarif_) sarif_->add(diagnostics);
        else write_rendered(render_diagnostics(diagnostics));
    }

    void write_rendered(const std::string& diagnostics) {
        if (json_array_) {
            json_array_->add(diagnostics);
        } else if (!diagnostics.empty()) {
            if (diagnostics_terminal_) progress_->clear();
            *diagnostics_ << diagnostics;
        }
    }

    void write_output(const std::string& path, const std::string& text) {
        if (output_ != nullptr) {
            output_->write(text.data(), static_cast<std::streamsize>(text.size()));
            if (!*output_) throw OutputError(o_.output.empty() ? "<stdout>" : o_.output, "the write failed");
            return;
        }
        if (!per_input_) return;
        const fs::path target = fs::path(o_.output) / (fs::path(path).stem().string() + "." + o_.emit);
        std::string error;
        if (!cli::write_atomically(target, text, error)) throw OutputError(target.string(), error);
    }

    void count(const FileResult& r) {
        if (!r.internal_error.empty()) {
            ++summary_.failed;
            internal_errors_ = true;
            return;
        }
        if (r.not_read) {
            ++summary_.not_read;
            unreadable_ |= r.not_read->code == diag::Code::XG0001;
        } else {
            ++summary_.by_form[std::string(r.form)];
        }
        bool error = false, warning = false;
        for (const auto& [code, severity] : r.found) {
            counts_.add(severity);
            ++summary_.by_code[code];
            error |= severity == diag::Severity::Error;
            warning |= severity == diag::Severity::Warning;
        }
        if (error || (werror_ && warning)) errors_ = true;
        if (r.not_read) return;
        if (error) ++summary_.with_errors;
        else if (warning) ++summary_.with_warnings;
    }

    const Options& o_;
    backends::RenderOptions render_;
    diag::Severity threshold_ = diag::Severity::Note;  // the least severe diagnostic shown
    bool werror_ = false;
    const tpl::Template* form_ = nullptr;  // --template; null for auto
    std::vector<cli::InputPath> inputs_;
    std::string format_;  // of the diagnostics
    std::ostream* diagnostics_ = nullptr;
    bool diagnostics_terminal_ = false;
    std::ostream* output_ = nullptr;  // stdout or the aggregate file; null when there is one file per input
    bool per_input_ = false;          // -o DIR: one output file per input
    std::optional<backends::SarifLog> sarif_;
    std::optional<backends::JsonDiagnosticsArray> json_array_;
    std::optional<cli::Progress> progress_;
    backends::DiagnosticCounts counts_;
    backends::BatchSummary summary_;
    bool errors_ = false, unreadable_ = false, internal_errors_ = false;
};

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// `xxgk explain`: every code with its message; `xxgk explain CODE`: one code in --lang, or in
// both languages with the locale's first (contract §1). Codes are also found as xg2001 or 2001.
int explain(const std::string& code, const std::string& lang) {
    const auto environment = lang_from_environment();
    const auto chosen = lang.empty() ? environment : (lang == "zh" ? diag::Lang::Zh : diag::Lang::En);
    if (code.empty()) {
        backends::write_code_list(std::cout, chosen);
        return kOk;
    }
    std::string name = code;
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::toupper(c); });
    if (name.size() == 4 && std::all_of(name.begin(), name.end(), [](unsigned char c) { return std::isdigit(c); }))
        name.insert(0, "XG");
    const auto* info = diag::find_code(name);
    if (info == nullptr) {
        std::size_t nearest = 3;  // suggest only codes at most two edits away
        std::vector<std::string_view> suggestions;
        for (const auto& c : diag::all_codes()) {
            const auto distance = edit_distance(name, c.name);
            if (distance < nearest) suggestions.clear(), nearest = distance;
            if (distance == nearest) suggestions.push_back(c.name);
        }
        std::cerr << "xxgk: unknown diagnostic code " << code;
        for (std::size_t i = 0; i < suggestions.size(); ++i)
            std::cerr << (i == 0 ? "; did you mean " : i + 1 == suggestions.size() ? " or " : ", ") << suggestions[i];
        std::cerr << (suggestions.empty() ? "; codes look like XG2001" : "?")
                  << "\n`xxgk explain` with no code lists them all.\n";
        return kUsage;
    }
    if (!lang.empty()) {
        backends::write_explanation(std::cout, *info, chosen);
        return kOk;
    }
    backends::write_explanation(std::cout, *info, environment);
    std::cout << '\n';
    backends::write_explanation(std::cout, *info, environment == diag::Lang::Zh ? diag::Lang::En : diag::Lang::Zh);
    return kOk;
}

void add_common(CLI::App& cmd, Options& o) {
    cmd.add_option("paths", o.paths, "report files, directories (walked for *.txt and *.md, README.md excepted), or - for standard input")->required();
    cmd.add_option("--format", o.format,
                   "diagnostics format: human, gcc, json (an array), jsonl (one object per line) or sarif (SARIF 2.1.0) "
                   "(default: human on a terminal, else gcc)")
        ->check(CLI::IsMember({"human", "gcc", "json", "jsonl", "sarif"}));
    cmd.add_option("--lang", o.lang, "message language (default: from LC_ALL/LC_MESSAGES/LANG)")->check(CLI::IsMember({"zh", "en"}));
    cmd.add_option("--color", o.color, "colour of human output: auto, always or never (NO_COLOR is honoured)")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    cmd.add_option("--column-unit", o.column_unit,
                   "what a column counts: char (code points), byte, display (terminal columns; CJK is 2) or utf16; "
                   "SARIF columns count code points, or UTF-16 units with utf16, and SARIF regions always carry "
                   "byteOffset/byteLength")
        ->check(CLI::IsMember({"char", "byte", "display", "utf16"}));
    cmd.add_option("--severity", o.severity, "show diagnostics of this severity and above: error, warning or note (default: note); the exit code still counts all")
        ->check(CLI::IsMember({"error", "warning", "note"}));
    cmd.add_flag("-q,--quiet", o.quiet, "no summary line (\"2 errors, 1 warning generated\") after human and gcc output, "
                                        "no batch summary and no progress bar");
    cmd.add_option("--template", o.template_version, "report format to compile against: 2019, 2021, or auto (detected from the labels only one form has; 2019 when the text shows none)")->check(CLI::IsMember({"auto", "2019", "2021"}));
    cmd.add_option("-W", o.warnings_as, "-W error: warnings count as errors for the exit code")->check(CLI::IsMember({"error"}));
    cmd.add_flag("--werror", o.werror, "warnings count as errors for the exit code");
    cmd.add_option("--stdin-filename", o.stdin_filename, "the name of standard input in messages");
    cmd.add_option("-j,--jobs", o.jobs, "compile on N worker threads (default: one per core); the output is the same for every N")
        ->check(CLI::PositiveNumber);
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"xxgk: a compiler for 政府信息公开工作年度报告 (government information disclosure annual reports)"};
    app.set_version_flag("--version", std::string("xxgk ") + XXGK_VERSION);
    app.require_subcommand(1);
    Options o;

    auto* check = app.add_subcommand("check", "compile and print diagnostics");
    add_common(*check, o);
    auto* compile = app.add_subcommand("compile", "compile and write JSON or CSV; diagnostics go to stderr");
    add_common(*compile, o);
    compile->add_option("--emit", o.emit, "output format")->required()->check(CLI::IsMember({"json", "jsonl", "csv"}));
    compile->add_option("-o", o.output,
                        "output: for csv and jsonl one file, or with an existing directory or a path ending in / one file per "
                        "input (DIR/<input stem>.csv|jsonl); for json a directory, one DIR/<input stem>.json per input "
                        "(default: stdout)");

    std::string code, explain_lang;
    auto* explain_cmd = app.add_subcommand("explain", "the long explanation of a diagnostic code; with no code, the list of codes");
    explain_cmd->add_option("code", code, "a code such as XG2001");
    explain_cmd->add_option("--lang", explain_lang, "zh or en (default: both, the locale's language first; the list in the locale's)")
        ->check(CLI::IsMember({"zh", "en"}));

    std::string lsp_lang;
    auto* lsp_cmd = app.add_subcommand("lsp", "a Language Server (LSP 3.17) on stdin/stdout, for editors");
    lsp_cmd->add_option("--lang", lsp_lang, "message language (default: the editor's locale, else LC_ALL/LC_MESSAGES/LANG)")
        ->check(CLI::IsMember({"zh", "en"}));
    lsp_cmd->add_flag("--stdio")->description("stdin/stdout, the only transport (accepted because LSP clients pass it)");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? kOk : kUsage;
    }
    try {
        if (*check) return Driver(o).check();
        if (*compile) return Driver(o).compile();
        if (*lsp_cmd)
            return lsp::serve(STDIN_FILENO, STDOUT_FILENO,
                              {lsp_lang.empty() ? std::nullopt : std::optional(lsp_lang == "zh" ? diag::Lang::Zh : diag::Lang::En),
                               lang_from_environment()});
        return explain(code, explain_lang);
    } catch (const std::exception& e) {
        std::cerr << "xxgk: internal error: " << e.what()
                  << "\nThis is a bug in xxgk. Please report it with the input that caused it.\n";
        return kInternal;
    }
}
