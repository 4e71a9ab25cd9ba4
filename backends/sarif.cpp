// SARIF 2.1.0 (OASIS), the format code-scanning services and editors import: one log, one run,
// a rule for every registry code, a result for every diagnostic.
#include <algorithm>
#include <filesystem>
#include <unordered_map>

#include "json_diagnostic.hpp"
#include "registry_text.hpp"

namespace xxgk::backends {

namespace {

using json = nlohmann::ordered_json;

constexpr std::string_view kSchema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
// Relative paths are relative to the directory xxgk ran in, which the log names under this id.
constexpr std::string_view kSourceRoot = "%SRCROOT%";

std::string_view level(diag::Severity s) {
    switch (s) {
        case diag::Severity::Error: return "error";
        case diag::Severity::Warning: return "warning";
        case diag::Severity::Note: return "note";
    }
    return "error";
}

// A path as a URI reference: every byte but the unreserved characters and `/` percent-encoded
// (report names are often Chinese); absolute paths as file: URIs.
std::string uri_of(std::string_view path) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out = path.starts_with('/') ? "file://" : "";
    for (const char ch : path) {
        const auto c = static_cast<unsigned char>(ch);
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                                c == '.' || c == '_' || c == '~';
        if (unreserved || c == '/') {
            out += ch;
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

// The IANA name SARIF wants for the encoding that byte offsets count in.
std::string_view charset(source::Encoding e) {
    switch (e) {
        case source::Encoding::Utf8:
        case source::Encoding::Utf8WithBom: return "UTF-8";
        case source::Encoding::Utf16Le: return "UTF-16LE";
        case source::Encoding::Utf16Be: return "UTF-16BE";
        case source::Encoding::Gb18030: return "GB18030";
    }
    return "UTF-8";
}

// The explanation without its worked example (which follows the first line break).
std::string_view first_paragraph(std::string_view text) { return text.substr(0, text.find('\n')); }

json rule(const diag::CodeInfo& code, diag::Lang lang) {
    const bool zh = lang == diag::Lang::Zh;
    const auto explanation = zh ? code.explain_zh : code.explain_en;
    json r;
    r["id"] = code.name;
    r["name"] = code.name;
    r["shortDescription"]["text"] = without_arguments(zh ? code.message_zh : code.message_en);
    r["fullDescription"]["text"] = first_paragraph(explanation);
    r["help"]["text"] = explanation;
    r["defaultConfiguration"]["level"] = level(code.severity);
    if (!code.formula.empty()) r["properties"]["formula"] = code.formula;
    return r;
}

// Puts rendered elements into the empty array `"key": []` of a laid-out document, as
// nlohmann::json would have laid them out with the closing bracket at `depth`. Inside a JSON
// string every quote is escaped, so the pattern can only be the key itself.
void fill_array(std::string& document, std::string_view key, const std::string& elements, int depth) {
    if (elements.empty()) return;
    std::string empty = "\"";
    empty.append(key).append("\": []");
    std::string filled = empty.substr(0, empty.size() - 1);
    filled.append("\n").append(elements).append("\n").append(static_cast<std::size_t>(2 * depth), ' ').append("]");
    document.replace(document.find(empty), empty.size(), filled);
}

}  // namespace

// The log's rules and run properties are fixed; its artifacts and results grow with the inputs,
// so they are kept as text, laid out where they will stand: in log.runs[0], three levels down.
class SarifLog::Builder {
public:
    static constexpr int kRunDepth = 3;

    explicit Builder(const RenderOptions& options)
        : options_(options),
          column_unit_(options.column_unit == source::ColumnUnit::Utf16 ? source::ColumnUnit::Utf16 : source::ColumnUnit::Char) {}

    // The result is written straight into results_ where it will stand in the log (a tree per
    // result, then printed and indented, cost more than compiling the report).
    void add(const FileDiagnostic& fd) {
        const auto& d = *fd.diagnostic;
        const ArtifactLocation artifact = artifact_location(fd);
        JsonWriter w = element_writer(results_);
        w.begin_object();
        w.key("ruleId"); w.string(diag::info(d.code).name);
        w.key("ruleIndex"); w.number(static_cast<std::uint64_t>(d.code));
        w.key("level"); w.string(level(d.severity));
        write_message(w, diag::message(d, options_.lang));
        w.key("locations");
        w.begin_array();
        w.begin_object();
        write_physical(w, artifact, fd.file, d.span);
        w.end_object();
        w.end_array();
        if (!d.related.empty()) {
            w.key("relatedLocations");
            w.begin_array();
            for (std::size_t i = 0; i < d.related.size(); ++i) {
                const auto& r = d.related[i];
                w.begin_object();
                w.key("id"); w.number(static_cast<std::uint64_t>(i));
                // A note that belongs to no place in particular is a location with a message only.
                if (r.span) write_physical(w, artifact, fd.file, *r.span);
                write_message(w, diag::message(r, options_.lang));
                w.end_object();
            }
            w.end_array();
        }
        // A diagnostic's fixes are one repair (diagnostic.hpp): one SARIF fix whose replacements
        // are applied together, described by the fixes' messages in order.
        if (fd.file != nullptr && !d.fixes.empty()) write_fix(w, artifact, *fd.file, d.fixes);
        w.end_object();
    }

    void write(std::ostream& out) const {
        json driver;
        driver["name"] = "xxgk";
        driver["version"] = XXGK_VERSION;
        if (!std::string_view(XXGK_HOMEPAGE_URL).empty()) driver["informationUri"] = XXGK_HOMEPAGE_URL;
        driver["rules"] = json::array();
        for (const auto& code : diag::all_codes()) driver["rules"].push_back(rule(code, options_.lang));
        json run;
        run["tool"]["driver"] = std::move(driver);
        if (relative_paths_) {
            std::error_code ec;
            auto cwd = std::filesystem::current_path(ec).string();
            if (!ec) {
                if (!cwd.ends_with('/')) cwd += '/';
                run["originalUriBaseIds"][kSourceRoot]["uri"] = uri_of(cwd);
            }
        }
        run["artifacts"] = json::array();
        run["results"] = json::array();
        run["language"] = options_.lang == diag::Lang::Zh ? "zh-CN" : "en-US";
        run["columnKind"] = column_unit_ == source::ColumnUnit::Utf16 ? "utf16CodeUnits" : "unicodeCodePoints";
        json log;
        log["$schema"] = kSchema;
        log["version"] = "2.1.0";
        log["runs"] = json::array({std::move(run)});
        std::string document = log.dump(2, ' ', false, kInvalidUtf8);
        fill_array(document, "artifacts", artifacts_, kRunDepth);
        fill_array(document, "results", results_, kRunDepth);
        out << document << '\n';
    }

private:
    // An input's artifactLocation: its URI, relative to %SRCROOT% or not, and its index in run.artifacts.
    struct ArtifactLocation {
        std::string uri;
        bool relative;
        std::size_t index;
    };

    // A writer for the next element of a laid-out array (results_ or artifacts_).
    static JsonWriter element_writer(std::string& elements) {
        if (!elements.empty()) elements += ",\n";
        elements.append(static_cast<std::size_t>(2 * (kRunDepth + 1)), ' ');
        return JsonWriter(elements, 2, kRunDepth + 1);
    }

    static void write_message(JsonWriter& w, std::string_view text) {
        w.key("message");
        w.begin_object();
        w.key("text"); w.string(text);
        w.end_object();
    }

    static void write_uri(JsonWriter& w, const ArtifactLocation& artifact) {
        w.key("uri"); w.string(artifact.uri);
        if (artifact.relative) {
            w.key("uriBaseId"); w.string(kSourceRoot);
        }
    }

    static void write_artifact_location(JsonWriter& w, const ArtifactLocation& artifact) {
        w.key("artifactLocation");
        w.begin_object();
        write_uri(w, artifact);
        w.key("index"); w.number(static_cast<std::uint64_t>(artifact.index));
        w.end_object();
    }

    // The input's entry in run.artifacts (added on first use) and a location that refers to it.
    ArtifactLocation artifact_location(const FileDiagnostic& fd) {
        ArtifactLocation artifact{uri_of(fd.path), !fd.path.starts_with('/'), 0};
        if (artifact.relative) relative_paths_ = true;
        auto [it, added] = artifact_index_.try_emplace(fd.path, artifact_index_.size());
        artifact.index = it->second;
        if (added) {
            JsonWriter w = element_writer(artifacts_);
            w.begin_object();
            w.key("location");
            w.begin_object();
            write_uri(w, artifact);
            w.end_object();
            if (fd.file) {
                w.key("length"); w.number(static_cast<std::uint64_t>(fd.file->size()));
                w.key("encoding"); w.string(charset(fd.file->decoding().encoding));
            }
            w.key("roles");
            w.begin_array();
            w.string("analysisTarget");
            w.end_array();
            w.end_object();
        }
        return artifact;
    }

    void write_region(JsonWriter& w, std::string_view key, const source::SourceFile& file, diag::Span span) const {
        const auto begin = file.line_col(span.begin, column_unit_);
        const auto end = file.line_col(span.end, column_unit_);
        w.key(key);
        w.begin_object();
        w.key("startLine"); w.number(begin.line);
        w.key("startColumn"); w.number(begin.col);
        w.key("endLine"); w.number(end.line);
        w.key("endColumn"); w.number(end.col);
        w.key("byteOffset"); w.number(span.begin);
        w.key("byteLength"); w.number(span.end - span.begin);
        w.end_object();
    }

    // An input that could not be read has a location but no region.
    void write_physical(JsonWriter& w, const ArtifactLocation& artifact, const source::SourceFile* file, diag::Span span) const {
        w.key("physicalLocation");
        w.begin_object();
        write_artifact_location(w, artifact);
        if (file) write_region(w, "region", *file, span);
        w.end_object();
    }

    void write_fix(JsonWriter& w, const ArtifactLocation& artifact, const source::SourceFile& file,
                   const std::vector<diag::Fix>& fixes) const {
        std::string description;
        for (const auto& f : fixes) {
            if (!description.empty()) description += "; ";
            description += diag::message(f, options_.lang);
        }
        w.key("fixes");
        w.begin_array();
        w.begin_object();
        w.key("description");
        w.begin_object();
        w.key("text"); w.string(description);
        w.end_object();
        w.key("artifactChanges");
        w.begin_array();
        w.begin_object();
        write_artifact_location(w, artifact);
        w.key("replacements");
        w.begin_array();
        for (const auto& f : fixes) {
            w.begin_object();
            write_region(w, "deletedRegion", file, f.span);
            w.key("insertedContent");
            w.begin_object();
            w.key("text"); w.string(f.replacement);
            w.end_object();
            w.end_object();
        }
        w.end_array();
        w.end_object();
        w.end_array();
        w.end_object();
        w.end_array();
    }

    RenderOptions options_;
    source::ColumnUnit column_unit_;  // what SARIF columns count: code points, or UTF-16 code units
    std::unordered_map<std::string, std::size_t> artifact_index_;  // path → index in run.artifacts
    std::string artifacts_, results_;  // laid-out elements of run.artifacts and run.results
    bool relative_paths_ = false;
};

SarifLog::SarifLog(const RenderOptions& options) : builder_(std::make_unique<Builder>(options)) {}
SarifLog::~SarifLog() = default;

void SarifLog::add(std::span<const FileDiagnostic> diagnostics) {
    for (const auto& fd : diagnostics) builder_->add(fd);
}

void SarifLog::write(std::ostream& out) const { builder_->write(out); }

void write_sarif(std::ostream& out, std::span<const FileDiagnostic> diagnostics, const RenderOptions& options) {
    SarifLog log(options);
    log.add(diagnostics);
    log.write(out);
}

}  // namespace xxgk::backends
