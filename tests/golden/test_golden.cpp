// Golden tests: every report in corpus/ compiles to exactly its reviewed expected diagnostics
// (NAME.expected.diag) and, where it has them, its reviewed expected cells (NAME.expected.csv).
// Every diagnostic code has a fixture pair in corpus/rules/CODE/: trigger.txt shows it,
// clean.txt, nearly the same, does not.
#define BOOST_TEST_MODULE xxgk golden tests
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "invariants.hpp"
#include "corpus_files.hpp"
#include "pipeline.hpp"

namespace fs = std::filesystem;
using namespace xxgk;

namespace {

fs::path corpus_dir() { return test::argument_dir(); }

using test::slurp;

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
                          {"raw", std::string(c.file->text_of(cell.span.begin, cell.span.end))},
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

fs::path expected_diag(const fs::path& report) { return fs::path(report).replace_extension(".expected.diag"); }
fs::path expected_csv(const fs::path& report) { return fs::path(report).replace_extension(".expected.csv"); }

// The form a report is compiled against, as its .expected.diag names it in a "# template: 2021"
// line, like --template; without one, auto.
const tpl::Template* named_form(const fs::path& report) {
    std::istringstream in(slurp(expected_diag(report)));
    constexpr std::string_view directive = "# template: ";
    for (std::string line; std::getline(in, line);) {
        if (!line.starts_with(directive)) continue;
        const tpl::Template* form = tpl::find_template(std::string_view(line).substr(directive.size()));
        BOOST_TEST_REQUIRE(form != nullptr, report << ": no form " << line);
        return form;
    }
    return nullptr;
}

passes::Compilation compiled(const fs::path& report) {
    return passes::compile(report.filename().string(), slurp(report), named_form(report));
}

// The codes of an .expected.diag's diagnostic lines ("LINE:COL: SEVERITY: CODE").
std::set<std::string> codes_in(const std::string& expected) {
    std::set<std::string> codes;
    std::istringstream in(without_comments(expected));
    for (std::string line; std::getline(in, line);)
        if (!line.starts_with(" ")) codes.insert(line.substr(line.rfind(' ') + 1));
    return codes;
}

// Codes no fixture here can show: XG0001 is a file that cannot be read at all, XG0011 an output
// that cannot be written; XG0009 needs a file over 64 MiB. The hostile-input suite
// (tests/hostile/) makes all three on the fly.
const std::set<std::string> kNotTextExpressible = {"XG0001", "XG0009", "XG0011"};

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
    for (const auto& p : all) BOOST_TEST(fs::exists(expected_diag(p)), p);
    // The seeds are real reports: their cells are reviewed too.
    for (const auto& e : fs::directory_iterator(corpus_dir() / "seeds"))
        if (e.path().extension() == ".txt") BOOST_TEST(fs::exists(expected_csv(e.path())), e.path());
}

BOOST_AUTO_TEST_CASE(every_code_has_a_trigger_and_a_clean_fixture) {
    const fs::path rules = corpus_dir() / "rules";
    for (const auto& code : diag::all_codes()) {
        const std::string name(code.name);
        if (kNotTextExpressible.count(name) != 0) continue;
        BOOST_TEST_CONTEXT(name) {
            const fs::path trigger = rules / name / "trigger.txt", clean = rules / name / "clean.txt";
            if (fs::exists(expected_diag(trigger)))
                BOOST_TEST(codes_in(slurp(expected_diag(trigger))).count(name) == 1u, trigger << " does not show " << name);
            else
                BOOST_ERROR("no fixture " << trigger);
            if (fs::exists(expected_diag(clean)))
                BOOST_TEST(codes_in(slurp(expected_diag(clean))).count(name) == 0u, clean << " shows " << name);
            else
                BOOST_ERROR("no fixture " << clean);
        }
    }
}

// docs/rules.md repeats each code's severity and formula from the registry; they must agree.
BOOST_AUTO_TEST_CASE(the_rule_catalogue_follows_the_registry) {
    const fs::path catalogue = corpus_dir().parent_path() / "docs" / "rules.md";
    BOOST_TEST_REQUIRE(fs::exists(catalogue), catalogue);
    std::map<std::string, std::pair<std::string, std::string>> rows;  // code → severity, formula
    std::istringstream in(slurp(catalogue));
    for (std::string line; std::getline(in, line);) {
        if (!line.starts_with("| XG")) continue;
        std::vector<std::string> cells;
        for (std::size_t at = 2, end; (end = line.find(" | ", at)) != std::string::npos; at = end + 3)
            cells.push_back(line.substr(at, end - at));
        BOOST_TEST_REQUIRE(cells.size() >= 3u, line);
        rows[cells[0]] = {cells[1], cells[2] == "—" ? "" : cells[2]};
    }
    for (const auto& code : diag::all_codes()) {
        const std::string name(code.name);
        const auto it = rows.find(name);
        BOOST_TEST_CONTEXT(name) {
            BOOST_TEST_REQUIRE((it != rows.end()), name << " is not in " << catalogue);
            BOOST_TEST(it->second.first == std::string(diag::severity_name(code.severity)));
            BOOST_TEST(it->second.second == std::string(code.formula));
        }
        rows.erase(name);
    }
    for (const auto& [name, row] : rows) BOOST_ERROR(name << " is in " << catalogue << " but not in the registry");
}

BOOST_AUTO_TEST_CASE(cells_match_the_expected_cells) {
    std::size_t total = 0;
    for (const auto& p : reports()) {
        if (!fs::exists(expected_csv(p))) continue;  // a rule fixture: diagnostics only
        BOOST_TEST_CONTEXT(fs::relative(p, corpus_dir()).string()) {
            const auto c = compiled(p);
            const auto want = expected_cells(expected_csv(p));
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
        BOOST_TEST_CONTEXT(fs::relative(p, corpus_dir()).string()) {
            BOOST_TEST(diagnostics_digest(compiled(p)) == without_comments(slurp(expected_diag(p))));
        }
    }
}

// Every value the grammar saw is in a cell or named by a diagnostic (tests/support/invariants.hpp).
BOOST_AUTO_TEST_CASE(nothing_is_lost) {
    for (const auto& p : reports()) {
        BOOST_TEST_CONTEXT(fs::relative(p, corpus_dir()).string()) {
            const auto c = compiled(p);
            for (const auto* item : test::unaccounted_values(c.report))
                BOOST_ERROR("value \"" << item->text << "\" at " << c.file->line_col(item->span.begin).line << ":"
                                       << c.file->line_col(item->span.begin).col << " is in no cell and no diagnostic");
        }
    }
}

// A report cut at any byte (a download that stopped, a scraper's limit) compiles: no crash, every
// location inside the file, nothing lost. Every prefix of the smallest seed.
BOOST_AUTO_TEST_CASE(every_prefix_of_a_seed_compiles) {
    fs::path smallest;
    for (const auto& e : fs::directory_iterator(corpus_dir() / "seeds"))
        if (e.path().extension() == ".txt" && (smallest.empty() || fs::file_size(e.path()) < fs::file_size(smallest)))
            smallest = e.path();
    const std::string text = slurp(smallest);
    std::size_t failures = 0;
    for (std::size_t n = 0; n <= text.size(); ++n) {
        const auto c = passes::compile("prefix.txt", text.substr(0, n));
        if (!test::locations_inside_file(c) || !test::unaccounted_values(c.report).empty()) {
            if (++failures <= 5) BOOST_ERROR("the prefix of " << n << " bytes of " << smallest.filename());
        }
    }
    BOOST_TEST(failures == 0u);
    BOOST_TEST_MESSAGE("prefixes compiled: " << text.size() + 1);
}
