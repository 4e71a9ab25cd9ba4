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

// Each element as nlohmann::json lays it out at `depth` levels of indentation of 2 (JSON strings
// hold no raw line breaks, so every line break is the layout's).
std::string element_at_depth(const json& element, int depth) {
    const std::string margin(static_cast<std::size_t>(2 * depth), ' ');
    std::string out = margin;
    for (const char c : element.dump(2, ' ', false, kInvalidUtf8)) {
        out += c;
        if (c == '\n') out += margin;
    }
    return out;
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

    void add(const FileDiagnostic& fd) {
        const auto& d = *fd.diagnostic;
        json result;
        result["ruleId"] = diag::info(d.code).name;
        result["ruleIndex"] = static_cast<std::size_t>(d.code);
        result["level"] = level(d.severity);
        result["message"]["text"] = diag::message(d, options_.lang);
        const json artifact = artifact_location(fd);
        result["locations"] = json::array({physical(artifact, fd.file, d.span)});
        json related = json::array();
        for (const auto& r : d.related) {
            json location;
            location["id"] = related.size();
            // A note that belongs to no place in particular is a location with a message only.
            if (r.span) location.update(physical(artifact, fd.file, *r.span));
            location["message"]["text"] = diag::message(r, options_.lang);
            related.push_back(std::move(location));
        }
        if (!related.empty()) result["relatedLocations"] = std::move(related);
        // A diagnostic's fixes are one repair (diagnostic.hpp): one SARIF fix whose replacements
        // are applied together, described by the fixes' messages in order.
        if (fd.file != nullptr && !d.fixes.empty()) {
            json replacements = json::array();
            std::string description;
            for (const auto& f : d.fixes) {
                json replacement;
                replacement["deletedRegion"] = region(*fd.file, f.span);
                replacement["insertedContent"]["text"] = f.replacement;
                replacements.push_back(std::move(replacement));
                if (!description.empty()) description += "; ";
                description += diag::message(f, options_.lang);
            }
            json change;
            change["artifactLocation"] = artifact;
            change["replacements"] = std::move(replacements);
            json fix;
            fix["description"]["text"] = std::move(description);
            fix["artifactChanges"] = json::array({std::move(change)});
            result["fixes"] = json::array({std::move(fix)});
        }
        append(results_, result);
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
    static void append(std::string& elements, const json& element) {
        if (!elements.empty()) elements += ",\n";
        elements += element_at_depth(element, kRunDepth + 1);
    }

    // The input's entry in run.artifacts (added on first use) and a location that refers to it.
    json artifact_location(const FileDiagnostic& fd) {
        json location;
        location["uri"] = uri_of(fd.path);
        if (!fd.path.starts_with('/')) {
            location["uriBaseId"] = kSourceRoot;
            relative_paths_ = true;
        }
        auto [it, added] = artifact_index_.try_emplace(fd.path, artifact_index_.size());
        if (added) {
            json artifact;
            artifact["location"] = location;
            if (fd.file) {
                artifact["length"] = fd.file->size();
                artifact["encoding"] = charset(fd.file->decoding().encoding);
            }
            artifact["roles"] = json::array({"analysisTarget"});
            append(artifacts_, artifact);
        }
        location["index"] = it->second;
        return location;
    }

    [[nodiscard]] json region(const source::SourceFile& file, diag::Span span) const {
        const auto begin = file.line_col(span.begin, column_unit_);
        const auto end = file.line_col(span.end, column_unit_);
        json r;
        r["startLine"] = begin.line;
        r["startColumn"] = begin.col;
        r["endLine"] = end.line;
        r["endColumn"] = end.col;
        r["byteOffset"] = span.begin;
        r["byteLength"] = span.end - span.begin;
        return r;
    }

    // An input that could not be read has a location but no region.
    [[nodiscard]] json physical(const json& artifact, const source::SourceFile* file, diag::Span span) const {
        json location;
        location["physicalLocation"]["artifactLocation"] = artifact;
        if (file) location["physicalLocation"]["region"] = region(*file, span);
        return location;
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
