#pragma once
// The passes that turn the grammar's tree into a checked report. Each pass reads the tree,
// fills in what it owns and appends diagnostics; none prints. pipeline.hpp runs them in order.
#include "report.hpp"

namespace xxgk::passes {

// Sections: all six present, in order, once, with content (XG0006, XG1001–XG1004).
void check_sections(ast::Report& report);

// Label canonicalisation: deals each row's value run to the template's rows and columns, giving
// every cell its stable ids; reports missing, duplicate, out-of-order and ragged rows
// (XG1101–XG1108). Reads digits run together into cells (XG1110–XG1112), weighing section 一's
// figures of the report year: runs after extract_metadata.
void assemble_tables(ast::Report& report);

// Value normalisation: counts, signed changes and amounts (to 万元); unfilled cells stay unknown
// (XG3001–XG3006).
void normalise_values(ast::Report& report);

// The identities of the template (勾稽关系), with unknown propagation (XG2000–XG2004).
void check_identities(ast::Report& report);

// A report of the form before the 2019 revision (a year before 2019, or the part 收费及减免 and
// none of the tables): everything said about it is replaced by one XG0010. True when it is one.
bool is_earlier_form(ast::Report& report);

// Title, agency, year and publication date, from wherever the page put them: a crawler's
// header (标题:, 发布时间:, 发布机构:) or the title lines before section 一.
void extract_metadata(ast::Report& report);

// The form compiled against fits the report year (XG1109). Needs the year (extract_metadata).
void check_form_version(ast::Report& report);

// The form whose distinctive labels (those no other form has) the text shows most; `evidence`
// counts them, and is 0 when the text shows none (the 2019 form is then a default, not a finding).
struct DetectedForm {
    const tpl::Template* form;
    std::size_t evidence;
};
DetectedForm detect_form(std::string_view normalised_text);

// The template's plausibility bounds, such as 本年新公开数量 ≤ 对外公开总数量 (XG3101, XG3102).
void check_plausibility(ast::Report& report);

// Figures the prose states against the tables, and 2021 fee reporting (XG4001–XG4008). Needs the
// year (extract_metadata).
void check_narrative(ast::Report& report);

// A list in a message, with the enumeration comma: 自然人、总计. The items are the tables' Chinese
// labels and values, so the comma is the same in either language.
std::string enumerate(const std::vector<std::string>& parts);

// A human-readable name of a cell for messages: 「（七）总计」「自然人」.
std::string row_label(const ast::Report& report, tpl::TableKind table, std::size_t row);
std::string column_label(const ast::Report& report, tpl::TableKind table, std::size_t row, std::size_t column);

}  // namespace xxgk::passes
