#include <boost/test/unit_test.hpp>
#include <set>

#include "template.hpp"

using namespace xxgk::tpl;

namespace {

std::size_t numeric_cells(const Table& t) {
    std::size_t n = 0;
    for (std::size_t r = 0; r < t.rows.size(); ++r)
        if (t.rows[r].numeric) n += t.columns_of(r).size();
    return n;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(template_data)

BOOST_AUTO_TEST_CASE(the_2019_form_has_the_official_shape) {
    const Template& t = template_2019();
    BOOST_TEST(t.sections.size() == 6u);
    BOOST_TEST(numeric_cells(*t.table(TableKind::ActiveDisclosure)) == 22u);
    BOOST_TEST(numeric_cells(*t.table(TableKind::Applications)) == 161u);  // 23 rows × 7
    BOOST_TEST(numeric_cells(*t.table(TableKind::ReviewLitigation)) == 15u);
}

BOOST_AUTO_TEST_CASE(ids_are_unique_within_a_table) {
    for (const Template* form : all_templates()) {
        for (const auto& table : form->tables) {
            std::set<std::string_view> rows;
            for (const auto& r : table.rows) BOOST_TEST(rows.insert(r.id).second, r.id);
            for (const auto& b : table.blocks) {
                std::set<std::string_view> columns;
                for (const auto& c : b.columns) BOOST_TEST(columns.insert(c.id).second, c.id);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(identities_name_rows_and_columns_that_exist) {
    for (const Template* form : all_templates()) {
        for (const auto& identity : form->identities) {
            const Table* table = form->table(identity.table);
            BOOST_REQUIRE(table != nullptr);
            for (const auto* side : {&identity.lhs, &identity.rhs}) {
                for (const auto term : *side) {
                    if (identity.axis == IdentityAxis::PerColumn) {
                        BOOST_TEST(table->row_index(term).has_value(), identity.name << ": " << term);
                    } else {
                        BOOST_TEST(table->column_index(0, term).has_value(), identity.name << ": " << term);
                    }
                }
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(identity_instances_apply_each_identity_to_each_column_or_row) {
    const Template& t = template_2019();
    const Table& applications = *t.table(TableKind::Applications);
    const auto instances_of = [&](std::string_view code) {
        std::vector<const IdentityInstance*> out;
        for (const auto& in : t.identity_instances)
            if (t.identities[in.identity].code == code) out.push_back(&in);
        return out;
    };
    // XG2001, （七）总计 + 四 = 一 + 二, holds in each of the 7 applicant columns.
    const auto balance = instances_of("XG2001");
    BOOST_REQUIRE(balance.size() == 7u);
    BOOST_TEST(balance[0]->where == "自然人");
    BOOST_TEST(balance[6]->where == "总计");
    const auto& terms = balance[1]->terms;  // 商业企业, the second column
    BOOST_REQUIRE(terms.size() == 4u);
    BOOST_TEST(applications.rows[terms[0].row].id == "3.7");
    BOOST_TEST(applications.rows[terms[1].row].id == "4");
    BOOST_TEST(applications.rows[terms[2].row].id == "1");
    BOOST_TEST(applications.rows[terms[3].row].id == "2");
    for (const auto& term : terms) BOOST_TEST(term.column == 1u);
    BOOST_TEST(terms[0].coefficient == 1);
    BOOST_TEST(terms[3].coefficient == -1);
    // XG2003, 总计 = the six applicant columns, holds in each of the 23 numeric rows.
    const auto columns = instances_of("XG2003");
    BOOST_REQUIRE(columns.size() == 23u);
    BOOST_TEST(columns[0]->terms.size() == 7u);
    BOOST_TEST(applications.columns_of(columns[0]->terms[0].row)[columns[0]->terms[0].column].id == "total");
    BOOST_TEST(applications.columns_of(columns[0]->terms[6].row)[columns[0]->terms[6].column].id == "other_org");
}

BOOST_AUTO_TEST_CASE(the_outcome_rows_are_every_numeric_leaf_under_row_3) {
    const Template& t = template_2019();
    const Table& apps = *t.table(TableKind::Applications);
    std::vector<std::string_view> leaves;
    for (const auto& r : apps.rows)
        if (r.numeric && r.id.starts_with("3.") && r.id != "3.7") leaves.push_back(r.id);
    const auto& out = t.identities[1];
    BOOST_TEST(out.name == "T3-OUT");
    BOOST_TEST(out.rhs == leaves);
    BOOST_TEST(leaves.size() == 19u);
}

BOOST_AUTO_TEST_SUITE_END()
