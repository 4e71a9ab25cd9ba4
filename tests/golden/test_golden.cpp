// Golden tests: every report in corpus/ compiles to exactly its reviewed expected cells
// (NAME.expected.csv) and expected diagnostics (NAME.expected.diag).
#define BOOST_TEST_MODULE xxgk golden tests
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "pipeline.hpp"

namespace fs = std::filesystem;
using namespace xxgk;

namespace {

fs::path corpus_dir() {
    const auto& suite = boost::unit_test::framework::master_test_suite();
    BOOST_REQUIRE_MESSAGE(suite.argc >= 2, "usage: xxgk_golden_tests -- CORPUS_DIR");
    return suite.argv[suite.argc - 1];
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return std::move(ss).str();
}

// RFC 4180 records (quoted fields may hold commas, quotes and line breaks).
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
    std::vector<std::vector<std::string>> records(1);
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field += text[++i];
            else if (c == '"') quoted = false;
            else field += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            records.back().push_back(std::move(field));
            field.clear();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            records.back().push_back(std::move(field));
            field.clear();
            records.emplace_back();
        } else {
            field += c;
        }
    }
    if (!field.empty() || !records.back().empty()) records.back().push_back(std::move(field));
    if (records.back().empty()) records.pop_back();
    return records;
}

using CellKey = std::string;  // table.row.column
using CellFacts = std::map<std::string, std::string>;  // value, unit, raw, line, col

std::map<CellKey, CellFacts> expected_cells(const fs::path& csv) {
    const auto records = parse_csv(slurp(csv));
    BOOST_REQUIRE(!records.empty());
    const auto& header = records.front();
    std::map<CellKey, CellFacts> cells;
    for (std::size_t r = 1; r < records.size(); ++r) {
        CellFacts f;
        for (std::size_t i = 0; i < header.size() && i < records[r].size(); ++i) f[header[i]] = records[r][i];
        cells[f["table"] + "." + f["row"] + "." + f["column"]] = {
            {"value", f["value"]}, {"unit", f["unit"]}, {"raw", f["raw"]}, {"line", f["line"]}, {"col", f["col"]}};
    }
    return cells;
}

std::map<CellKey, CellFacts> actual_cells(const passes::Compilation& c) {
    std::map<CellKey, CellFacts> cells;
    const auto& r = c.report;
    for (const auto& table : r.tables) {
        const auto& spec = *r.form->table(table.kind);
        for (const auto& cell : table.cells) {
            const auto at = c.file->line_col(cell.span.begin);
            const std::string key = std::string(spec.id) + "." + std::string(spec.rows[cell.row].id) + "." +
                                    std::string(spec.columns_of(cell.row)[cell.column].id);
            cells[key] = {{"value", cell.value ? cell.value->to_string() : ""},
                          {"unit", cell.unit},
                          {"raw", std::string(c.file->bytes().substr(cell.span.begin, cell.span.end - cell.span.begin))},
                          {"line", std::to_string(at.line)},
                          {"col", std::to_string(at.col)}};
        }
    }
    return cells;
}

// The reviewed form of diagnostics: LINE:COL: SEVERITY: CODE, then "  related LINE:COL" lines and
// "  fix LINE:COL REPLACEMENT" lines.
std::string diagnostics_digest(const passes::Compilation& c) {
    std::string out;
    auto pos = [&](diag::Span s) {
        const auto at = c.file->line_col(s.begin);
        return std::to_string(at.line) + ":" + std::to_string(at.col);
    };
    for (const auto& d : c.report.diagnostics) {
        out += pos(d.span) + ": " + std::string(diag::severity_name(d.severity)) + ": " + std::string(diag::info(d.code).name) + "\n";
        for (const auto& rel : d.related)
            if (rel.span) out += "  related " + pos(*rel.span) + "\n";
        for (const auto& fix : d.fixes) out += "  fix " + pos(fix.span) + " " + fix.replacement + "\n";
    }
    return out;
}

std::string without_comments(const std::string& text) {
    std::istringstream in(text);
    std::string line, out;
    while (std::getline(in, line))
        if (!line.starts_with("#") && !line.empty()) out += line + "\n";
    return out;
}

std::vector<fs::path> reports() {
    std::vector<fs::path> found;
    for (const auto& e : fs::recursive_directory_iterator(corpus_dir()))
        if (e.is_regular_file() && e.path().extension() == ".txt") found.push_back(e.path());
    std::sort(found.begin(), found.end());
    return found;
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_corpus_report_has_expectations) {
    const auto all = reports();
    BOOST_TEST(all.size() >= 5u);
    for (const auto& p : all) {
        BOOST_TEST(fs::exists(fs::path(p).replace_extension(".expected.csv")), p);
        BOOST_TEST(fs::exists(fs::path(p).replace_extension(".expected.diag")), p);
    }
}

BOOST_AUTO_TEST_CASE(cells_match_the_expected_cells) {
    std::size_t total = 0;
    for (const auto& p : reports()) {
        BOOST_TEST_CONTEXT(p.filename().string()) {
            const auto c = passes::compile(p.filename().string(), slurp(p));
            const auto want = expected_cells(fs::path(p).replace_extension(".expected.csv"));
            const auto got = actual_cells(c);
            for (const auto& [key, facts] : want) {
                const auto it = got.find(key);
                BOOST_TEST_CONTEXT(key) {
                    BOOST_TEST_REQUIRE((it != got.end()));
                    for (const auto& [field, value] : facts) BOOST_TEST(it->second.at(field) == value, field);
                }
            }
            for (const auto& [key, facts] : got) BOOST_TEST(want.count(key) == 1u, "extra cell " << key);
            total += want.size();
        }
    }
    BOOST_TEST_MESSAGE("cells compared: " << total);
}

BOOST_AUTO_TEST_CASE(diagnostics_match_the_expected_diagnostics) {
    for (const auto& p : reports()) {
        BOOST_TEST_CONTEXT(p.filename().string()) {
            const auto c = passes::compile(p.filename().string(), slurp(p));
            BOOST_TEST(diagnostics_digest(c) == without_comments(slurp(fs::path(p).replace_extension(".expected.diag"))));
        }
    }
}
