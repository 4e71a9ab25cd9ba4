// --template auto: which form the report's tables follow, from the labels only one form has
// (format.md §7.12: 本年新制作数量 or the （九） block mean 2019; 本年制发件数 or the three
// （六）其他处理 rows mean 2021). The labels come from the template data, so a new form is
// detected by the labels it adds, without code.
#include <algorithm>
#include <functional>
#include <set>

#include "lexicon.hpp"
#include "passes.hpp"

namespace xxgk::passes {

namespace {

void add_labels(const tpl::Template& form, std::set<std::string>& out) {
    for (const auto& table : form.tables)
        for (const auto label : table.labels()) out.insert(grammar::fold(label));
}

// Per form, the folded labels no other form has, and that no other form's label contains
// (a 2019 label inside a 2021 one would count for both).
std::vector<std::vector<std::string>> distinctive_labels() {
    const auto forms = tpl::all_templates();
    std::vector<std::set<std::string>> labels(forms.size());
    for (std::size_t i = 0; i < forms.size(); ++i) add_labels(*forms[i], labels[i]);
    std::vector<std::vector<std::string>> out(forms.size());
    for (std::size_t i = 0; i < forms.size(); ++i) {
        for (const auto& label : labels[i]) {
            bool shared = false;
            for (std::size_t j = 0; j < forms.size() && !shared; ++j) {
                if (j == i) continue;
                shared = std::any_of(labels[j].begin(), labels[j].end(),
                                     [&](const std::string& other) { return other.find(label) != std::string::npos; });
            }
            if (!shared) out[i].push_back(label);
        }
    }
    return out;
}

// The distinctive labels of every form with a Boyer-Moore-Horspool searcher each: every report's
// whole text is searched for each of them, and a label of Han characters (whose UTF-8 bytes begin
// with the same few lead bytes) makes a byte-by-byte find stop at almost every character.
class LabelSearch {
public:
    using Searcher = std::boyer_moore_horspool_searcher<std::string::const_iterator>;

    LabelSearch() : labels_(distinctive_labels()) {
        for (const auto& form : labels_) {
            auto& searchers = searchers_.emplace_back();
            for (const auto& label : form) searchers.emplace_back(label.begin(), label.end());
        }
    }
    // How many of form i's distinctive labels the text has.
    [[nodiscard]] std::size_t found(std::size_t i, std::string_view text) const {
        return static_cast<std::size_t>(std::count_if(searchers_[i].begin(), searchers_[i].end(), [&](const Searcher& s) {
            return std::search(text.begin(), text.end(), s) != text.end();
        }));
    }

private:
    std::vector<std::vector<std::string>> labels_;  // what the searchers point into
    std::vector<std::vector<Searcher>> searchers_;
};

}  // namespace

DetectedForm detect_form(std::string_view normalised_text) {
    static const LabelSearch search;  // read-only once built: shared by the worker threads
    const auto forms = tpl::all_templates();
    DetectedForm best{&tpl::template_2019(), 0};
    for (std::size_t i = 0; i < forms.size(); ++i) {
        const std::size_t found = search.found(i, normalised_text);
        if (found > best.evidence) best = {forms[i], found};
    }
    return best;
}

}  // namespace xxgk::passes
