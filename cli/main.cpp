// xxgk: the command line (contract §1). Reads inputs, runs the pipeline, hands the results to
// a backend, and turns what happened into the exit code.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <unistd.h>

#include "backends.hpp"
#include "pipeline.hpp"
#include "server.hpp"

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
    bool quiet = false;             // no summary line
    std::string template_version = "auto";
    std::string warnings_as;  // -W error
    bool werror = false;
    std::string emit;
    std::string output;
    std::string stdin_filename = "<stdin>";
};

diag::Lang lang_from_environment() {
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(name);
        if (value != nullptr && *value != '\0') return std::string_view(value).starts_with("zh") ? diag::Lang::Zh : diag::Lang::En;
    }
    return diag::Lang::En;
}

// One input: a file's bytes, or why it could not be read.
struct Input {
    std::string path;
    std::optional<std::string> bytes;
    std::string error;
};

// In a directory walk: *.txt and *.md, except a folder's own documentation (README.md …), which
// every corpus folder has and no report is called.
bool is_report_file(const fs::path& p) {
    if (p.extension() != ".txt" && p.extension() != ".md") return false;
    std::string stem = p.stem().string();
    std::transform(stem.begin(), stem.end(), stem.begin(), [](unsigned char c) { return std::toupper(c); });
    return stem != "README" && stem != "CHANGELOG" && stem != "LICENSE";
}

std::optional<std::string> read_file(const std::string& path, std::string& error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = std::strerror(errno);
        return std::nullopt;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) {
        error = std::strerror(errno);
        return std::nullopt;
    }
    return std::move(ss).str();
}

// Expands the PATH arguments: files as given, directories walked for *.txt and *.md in sorted
// order (the same order on every machine), `-` for standard input.
std::vector<Input> collect_inputs(const Options& o) {
    std::vector<Input> inputs;
    for (const auto& path : o.paths) {
        if (path == "-") {
            std::ostringstream ss;
            ss << std::cin.rdbuf();
            inputs.push_back({o.stdin_filename, std::move(ss).str(), {}});
            continue;
        }
        std::error_code ec;
        if (fs::is_directory(path, ec)) {
            std::vector<std::string> found;
            for (fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
                 !ec && it != end; it.increment(ec)) {
                if (it->is_regular_file(ec) && is_report_file(it->path())) found.push_back(it->path().string());
            }
            if (ec) {
                inputs.push_back({path, std::nullopt, ec.message()});
                continue;
            }
            if (found.empty()) inputs.push_back({path, std::nullopt, "the directory holds no *.txt or *.md report files"});
            std::sort(found.begin(), found.end());
            for (auto& f : found) {
                Input in{f, std::nullopt, {}};
                in.bytes = read_file(f, in.error);
                inputs.push_back(std::move(in));
            }
            continue;
        }
        Input in{path, std::nullopt, {}};
        in.bytes = read_file(path, in.error);
        inputs.push_back(std::move(in));
    }
    return inputs;
}

// Writes through a temporary file and a rename, so that no reader ever sees half a file.
bool write_atomically(const fs::path& target, const std::string& content, std::string& error) {
    const fs::path temp = target.string() + ".tmp" + std::to_string(::getpid());
    {
        std::ofstream out(temp, std::ios::binary);
        out << content;
        out.flush();
        if (!out) {
            error = std::strerror(errno);
            std::error_code ignored;
            fs::remove(temp, ignored);
            return false;
        }
    }
    std::error_code ec;
    fs::rename(temp, target, ec);
    if (ec) {
        error = ec.message();
        fs::remove(temp, ec);
        return false;
    }
    return true;
}

class Driver {
public:
    explicit Driver(const Options& o) : o_(o) {
        render_.lang = o.lang.empty() ? lang_from_environment() : (o.lang == "zh" ? diag::Lang::Zh : diag::Lang::En);
        render_.column_unit = o.column_unit == "byte"      ? source::ColumnUnit::Byte
                              : o.column_unit == "display" ? source::ColumnUnit::Display
                              : o.column_unit == "utf16"   ? source::ColumnUnit::Utf16
                                                           : source::ColumnUnit::Char;
        werror_ = o.werror || o.warnings_as == "error";
    }

    int check() {
        compile_all();
        print_diagnostics(std::cout, ::isatty(STDOUT_FILENO) != 0);
        return exit_code();
    }

    int compile() {
        compile_all();
        if (o_.emit == "json" && o_.output.empty() && compiled_.size() > 1) {
            std::cerr << "xxgk: --emit json with several inputs needs -o DIR (or --emit jsonl)\n";
            return kUsage;
        }
        std::ostringstream out;
        if (o_.emit == "csv") backends::write_csv_header(out);
        for (const auto& c : compiled_) {
            if (o_.emit == "csv") {
                backends::write_csv_rows(out, c.report, render_);
            } else if (o_.emit == "jsonl") {
                backends::write_json(out, c.report, render_, false);
            } else if (!o_.output.empty()) {
                std::ostringstream doc;
                backends::write_json(doc, c.report, render_, true);
                const fs::path target = fs::path(o_.output) / (fs::path(c.file->name()).stem().string() + ".json");
                write_output(target, doc.str());
            } else {
                backends::write_json(out, c.report, render_, true);
            }
        }
        if (o_.emit != "json" || o_.output.empty()) {
            if (o_.output.empty()) std::cout << out.str();
            else write_output(o_.output, out.str());
        }
        print_diagnostics(std::cerr, ::isatty(STDERR_FILENO) != 0);
        return exit_code();
    }

private:
    void compile_all() {
        for (auto& input : collect_inputs(o_)) {
            if (!input.bytes) {
                unreadable(input.path, input.error);
                continue;
            }
            compiled_.push_back(passes::compile(input.path, std::move(*input.bytes), tpl::find_template(o_.template_version)));
        }
    }

    void unreadable(const std::string& path, const std::string& why) {
        unread_.push_back(diag::make(diag::Code::XG0001, {}, {path + ": " + why}));
        unread_paths_.push_back(path);
    }

    void write_output(const fs::path& target, const std::string& content) {
        std::error_code ec;
        if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
        std::string error;
        if (!write_atomically(target, content, error)) unreadable(target.string(), "cannot write: " + error);
    }

    // Writes the diagnostics at or above --severity; after human and gcc output, the summary
    // line on stderr, which counts them all (as the exit code does).
    void print_diagnostics(std::ostream& out, bool terminal) {
        const auto threshold = o_.severity == "error"     ? diag::Severity::Error
                               : o_.severity == "warning" ? diag::Severity::Warning
                                                          : diag::Severity::Note;
        std::vector<backends::FileDiagnostic> all, shown;
        for (std::size_t i = 0; i < unread_.size(); ++i) all.push_back({nullptr, unread_paths_[i], &unread_[i]});
        for (const auto& c : compiled_)
            for (const auto& d : c.report.diagnostics) all.push_back({c.file.get(), c.file->name(), &d});
        // Severities are declared from the most severe down.
        for (const auto& fd : all)
            if (fd.diagnostic->severity <= threshold) shown.push_back(fd);
        const std::string format = o_.format.empty() ? (terminal ? "human" : "gcc") : o_.format;
        const char* no_color = std::getenv("NO_COLOR");
        render_.color = o_.color == "always" || (o_.color == "auto" && terminal && (no_color == nullptr || *no_color == '\0'));
        if (format == "json" || format == "jsonl") {
            backends::write_diagnostics_json(out, shown, render_, format == "jsonl");
            return;
        }
        if (format == "sarif") {
            backends::write_sarif(out, shown, render_);
            return;
        }
        if (format == "human") backends::write_human(out, shown, render_);
        else backends::write_gcc(out, shown, render_);
        out.flush();
        if (!o_.quiet) backends::write_summary(std::cerr, all, render_);
    }

    int exit_code() const {
        if (!unread_.empty()) return kUsage;
        for (const auto& c : compiled_)
            for (const auto& d : c.report.diagnostics)
                if (d.severity == diag::Severity::Error || (werror_ && d.severity == diag::Severity::Warning)) return kErrors;
        return kOk;
    }

    const Options& o_;
    backends::RenderOptions render_;
    bool werror_ = false;
    std::vector<passes::Compilation> compiled_;
    std::vector<diag::Diagnostic> unread_;
    std::vector<std::string> unread_paths_;
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
    cmd.add_flag("-q,--quiet", o.quiet, "no summary line (\"2 errors, 1 warning generated\") after human and gcc output");
    cmd.add_option("--template", o.template_version, "report format to compile against: 2019, 2021, or auto (detected from the labels only one form has; 2019 when the text shows none)")->check(CLI::IsMember({"auto", "2019", "2021"}));
    cmd.add_option("-W", o.warnings_as, "-W error: warnings count as errors for the exit code")->check(CLI::IsMember({"error"}));
    cmd.add_flag("--werror", o.werror, "warnings count as errors for the exit code");
    cmd.add_option("--stdin-filename", o.stdin_filename, "the name of standard input in messages");
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
    compile->add_option("-o", o.output, "output: a directory for json, a file for jsonl and csv (default: stdout)");

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
