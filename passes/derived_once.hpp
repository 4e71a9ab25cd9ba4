#pragma once
// What a pass derives from a table of a form (its slots, the words that name its rows) is the
// same in every report of that form: derived once, not per report.
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

#include "template.hpp"

namespace xxgk::passes {

// derive(form, table): for every table of the built-in forms computed once, on first use, and only
// read after (reports are compiled on several threads); for a table of another form (one a test
// builds) computed into `own`, which the caller keeps as long as it uses the answer. Each call site
// (each Derive type) keeps its own set.
template <typename Derive, typename Derived = std::invoke_result_t<Derive, const tpl::Template&, const tpl::Table&>>
const Derived& derived_once(const tpl::Template& form, const tpl::Table& table, std::optional<Derived>& own, Derive derive) {
    static const auto built_in = [&derive] {
        std::vector<std::pair<const tpl::Table*, Derived>> all;
        for (const tpl::Template* f : tpl::all_templates())
            for (const auto& t : f->tables) all.emplace_back(&t, derive(*f, t));
        return all;
    }();
    for (const auto& [t, derived] : built_in)
        if (t == &table) return derived;
    return own.emplace(derive(form, table));
}

}  // namespace xxgk::passes
