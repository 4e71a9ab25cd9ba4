#pragma once
// What the 2019 and 2021 forms have in common, for the template_*.cpp files only: the six
// sections, table 三 except its （六）其他处理 rows, table 四, and the identities.
#include <vector>

#include "template.hpp"

namespace xxgk::tpl::shared {

std::vector<Section> sections();

// Table 三 with `other_processing` as its （六）其他处理 rows: one leaf in 2019; a group row with
// three leaves in 2021.
Table applications(std::vector<Row> other_processing);

Table review_litigation();

// T3-BAL, T3-OUT, T3-COL and T4-SUM; T3-OUT sums every outcome leaf of `applications`.
std::vector<Identity> identities(const Table& applications);

}  // namespace xxgk::tpl::shared
