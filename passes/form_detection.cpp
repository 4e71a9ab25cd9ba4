// --template auto: which form the report's tables follow, from the labels only one form has
// (format.md §7.12: 本年新制作数量 or the （九） block mean 2019; 本年制发件数 or the three
// （六）其他处理 rows mean 2021). The labels come from the template data, so a new form is
// detected by the labels it adds, without code.
#include <algorithm>
#include <array>
#include <cstdint>
#include <set>
#include <stdexcept>

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

// The distinctive labels of every form, found in one pass over a text (Wu–Manber): a window as
// long as the shortest label slides along the text, and the two bytes that end it tell how far it
// can move without passing the start of a label. Only where they could end the first bytes of a
// label are labels compared. (A search per label read the whole text once for each of them.)
// A label shorter than kMinWindow (3.其他, eight bytes) would hold every window to its length
// and the pass to short moves: it is searched for on its own, from its first byte.
class LabelSearch {
public:
    LabelSearch() {
        const auto by_form = distinctive_labels();
        for (std::size_t form = 0; form < by_form.size(); ++form)
            for (const auto& label : by_form[form]) labels_.push_back({label, form});
        forms_ = by_form.size();
        if (std::any_of(labels_.begin(), labels_.end(), [](const Label& l) { return l.text.size() < 2; }))
            throw std::logic_error("a distinctive label is shorter than two bytes");
        for (std::size_t i = 0; i < labels_.size(); ++i)
            if (labels_[i].text.size() < kMinWindow) short_labels_.push_back(i);
            else window_ = window_ == 0 ? labels_[i].text.size() : std::min(window_, labels_[i].text.size());
        if (window_ == 0) return;  // every label is short
        // A shift may be smaller than it could be (pairs of bytes that share a slot, a window
        // longer than 255 bytes), never larger: no label is passed over.
        const auto at_most = [](std::size_t shift) { return static_cast<std::uint8_t>(std::min<std::size_t>(shift, UINT8_MAX)); };
        shift_.fill(at_most(window_ - 1));
        for (std::size_t i = 0; i < labels_.size(); ++i) {
            const std::string_view label = labels_[i].text;
            if (label.size() < kMinWindow) continue;
            // A window that ends with bytes q-2 and q-1 of the label is window_ - q bytes short of
            // ending where the label's first window_ bytes do.
            for (std::size_t q = 2; q <= window_; ++q) {
                auto& shift = shift_[slot(label[q - 2], label[q - 1])];
                shift = std::min(shift, at_most(window_ - q));
            }
            ending_[slot(label[window_ - 2], label[window_ - 1])].push_back(i);
        }
    }

    // How many of each form's distinctive labels the text has.
    [[nodiscard]] std::vector<std::size_t> found(std::string_view text) const {
        std::vector<std::size_t> counts(forms_);
        std::vector<bool> seen(labels_.size());
        for (const std::size_t label : short_labels_) seen[label] = text.find(labels_[label].text) != std::string_view::npos;
        if (window_ != 0) {
            for (std::size_t end = window_ - 1; end < text.size();) {  // the window's last byte
                const std::size_t at = slot(text[end - 1], text[end]);
                if (shift_[at] != 0) {
                    end += shift_[at];
                    continue;
                }
                const std::string_view window_start = text.substr(end + 1 - window_);
                for (const std::size_t label : ending_[at])
                    if (window_start.starts_with(labels_[label].text)) seen[label] = true;
                ++end;
            }
        }
        for (std::size_t i = 0; i < labels_.size(); ++i)
            if (seen[i]) ++counts[labels_[i].form];
        return counts;
    }

private:
    // Pairs of bytes share slots: 4096 of them keep the table small enough for the L1 cache, and
    // the odd multiplier spreads the pairs that Han characters' bytes make over all of them.
    static constexpr std::size_t kSlots = 4096;
    static std::size_t slot(char a, char b) {
        return (static_cast<unsigned char>(a) * std::size_t{131} + static_cast<unsigned char>(b)) % kSlots;
    }

    struct Label {
        std::string text;
        std::size_t form;
    };
    static constexpr std::size_t kMinWindow = 12;  // four Han characters

    std::vector<Label> labels_;
    std::size_t forms_ = 0;
    std::vector<std::size_t> short_labels_;              // those shorter than kMinWindow
    std::size_t window_ = 0;                             // the shortest other label's length; 0: none
    std::array<std::uint8_t, kSlots> shift_{};           // how far a window ending in the slot's bytes moves
    std::array<std::vector<std::size_t>, kSlots> ending_;  // the labels whose first window_ bytes end in the slot's
};

}  // namespace

DetectedForm detect_form(std::string_view normalised_text) {
    static const LabelSearch search;  // read-only once built: shared by the worker threads
    const auto forms = tpl::all_templates();
    const auto found = search.found(normalised_text);
    DetectedForm best{&tpl::template_2019(), 0};
    for (std::size_t i = 0; i < forms.size(); ++i)
        if (found[i] > best.evidence) best = {forms[i], found[i]};
    return best;
}

}  // namespace xxgk::passes
