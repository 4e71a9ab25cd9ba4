#pragma once
// The report template (报告格式) as data: sections, tables, blocks, rows, columns, label
// variants and identities of each version of the form. The grammar takes its anchors from here,
// the passes their row/column ids and identities, the backends their ids and labels, and the
// docs their tables. A new version of the form is a new `Template` value, not new code.
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace xxgk::tpl {

enum class ValueKind {
    Count,        // a non-negative number of items
    SignedCount,  // 本年增/减: +44, -369, 8
    Money,        // an amount; the unit is written in the cell or the header, normalised to 万元
};

enum class TableKind { ActiveDisclosure, Applications, ReviewLitigation };

struct Column {
    std::string_view id;     // stable id (contract §3)
    std::string_view label;  // official label
    ValueKind kind = ValueKind::Count;
    std::vector<std::string_view> variants;  // other spellings seen in real reports
    // The unit the form prints in the column's header (2021: 本年收费金额（单位：万元）): a bare
    // amount is in it. Empty when the form prescribes none (2019 采购总金额).
    std::string_view unit = {};
};

struct Block {  // a 第二十条第（N）项 block of table 二; tables 三 and 四 are one block each
    std::string_view id;
    std::string_view title;  // empty when the block has no title row
    std::vector<Column> columns;
};

struct Row {
    std::string_view id;     // stable id
    std::string_view label;  // official label
    bool numeric = true;     // false for group rows such as （三）不予公开
    std::size_t block = 0;   // index into Table::blocks
    std::vector<std::string_view> variants;
};

struct Table {
    TableKind kind;
    std::string_view id;     // active_disclosure, applications, review_litigation
    std::string_view title;  // as in messages: 主动公开政府信息情况 …
    int section = 0;         // the section (1-based) whose body holds it
    std::vector<Block> blocks;
    std::vector<Row> rows;
    // Labels of the header that are neither columns nor rows (申请人情况, 信息内容 …).
    std::vector<std::string_view> header_labels;
    // Table 四 is one physical row of 15 numbers under a three-level header: its values come as
    // one run and are dealt to the logical rows in order.
    bool values_in_one_run = false;

    [[nodiscard]] std::span<const Column> columns_of(std::size_t row) const { return blocks[rows[row].block].columns; }
    // Every label a report may write for this table's blocks, columns and rows, variants included
    // (header labels are not among them: they name no cell).
    [[nodiscard]] std::vector<std::string_view> labels() const;
    [[nodiscard]] std::optional<std::size_t> row_index(std::string_view row_id) const;
    [[nodiscard]] std::optional<std::size_t> column_index(std::size_t row, std::string_view column_id) const;
};

struct Section {
    int number = 0;              // 1..6
    std::string_view numeral;    // 一 … 六
    std::string_view title;      // official title
    // A heading line matches when its title contains every keyword of one of these sets.
    std::vector<std::vector<std::string_view>> keyword_sets;
    std::vector<std::string_view> variants;  // whole headings seen in real reports (for docs and tests)
    bool may_be_empty = false;
};

// One identity (勾稽关系): Σ lhs = Σ rhs, evaluated once per column (terms are row ids) or once
// per row (terms are column ids).
enum class IdentityAxis { PerColumn, PerRow };

struct Identity {
    std::string_view code;     // XG2001 …
    std::string_view name;     // T3-BAL …
    std::string_view formula;  // for messages, lhs first: （七）总计 + 四 = 一 + 二
    TableKind table;
    IdentityAxis axis;
    std::vector<std::string_view> lhs;  // the side that holds the stated total
    std::vector<std::string_view> rhs;
    // Per-row identities apply to these rows only; empty means every numeric row.
    std::vector<std::string_view> rows;
};

// One identity applied to one column (per-column identities) or one row (per-row), with its ids
// resolved to row and column indices: the passes evaluate thousands of these per batch and so
// never look an id up. Derived from `Template::identities` by `instantiate_identities`.
struct IdentityInstance {
    struct Term {
        std::size_t row, column;
        int coefficient;  // +1 on the side that holds the stated total (lhs), −1 on the other
    };
    std::size_t identity = 0;  // index into Template::identities
    std::string_view where;    // the label of the column or row it is applied to
    std::vector<Term> terms;   // lhs then rhs, in the identity's order
};

// A plausibility rule (format.md §5): Σ lhs ≤ Σ rhs in each of `rows` (terms are column ids; an
// empty side is 0). Nothing in the form states it, so a failure is a warning, never an error.
struct Bound {
    std::string_view code;     // XG3101 …
    std::string_view name;     // T2-19-PUB …
    std::string_view formula;  // 本年新公开数量 ≤ 对外公开总数量
    TableKind table;
    std::vector<std::string_view> lhs;
    std::vector<std::string_view> rhs;
    std::vector<std::string_view> rows;
};

struct Template {
    std::string_view version;  // "2019", "2021"
    std::string_view source;   // the notice that defines it
    int first_year = 0;        // the first report year it applies to
    std::vector<Section> sections;
    std::vector<Table> tables;
    std::vector<Identity> identities;
    std::vector<Bound> bounds;
    // `instantiate_identities` of the above, in the order of `identities`, each identity's
    // instances in column or row order; the forms fill it in once built.
    std::vector<IdentityInstance> identity_instances = {};

    [[nodiscard]] const Table* table(TableKind kind) const;
};

// Every identity of `form` applied to each column (per column: the columns of the table's first
// block) or each numeric row it names (per row: every numeric row when it names none).
std::vector<IdentityInstance> instantiate_identities(const Template& form);

const Template& template_2019();
const Template& template_2021();
// Oldest first.
std::span<const Template* const> all_templates();
// The form called `version` ("2019", "2021"), if there is one.
const Template* find_template(std::string_view version);
// The form a report for `year` must use: the newest whose first year is not after it; nullptr
// for years before the first form this project knows.
const Template* template_for_year(int year);


}  // namespace xxgk::tpl
