// Prints a libFuzzer dictionary of the words reports are made of, from the template data: section
// headings and keywords, block titles, row and column labels with their variants. Mutations that
// splice these in reach the grammar's deeper states far sooner than random bytes do.
#include <iostream>
#include <set>
#include <string>

#include "template.hpp"

namespace {

std::string quoted(std::string_view s) {
    std::string out = "\"";
    for (const unsigned char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (c < 0x20 || c >= 0x7f) {
            static const char* hex = "0123456789abcdef";
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += static_cast<char>(c);
        }
    }
    return out + "\"";
}

}  // namespace

int main() {
    std::set<std::string> words = {"|", " | ", "\n", "0", "+44", "-8", "66976万元", "2500元", "/", "—", "无"};
    for (const auto* form : xxgk::tpl::all_templates()) {
        for (const auto& s : form->sections) {
            words.insert(std::string(s.numeral) + "、" + std::string(s.title));
            for (const auto& set : s.keyword_sets)
                for (const auto k : set) words.insert(std::string(k));
        }
        for (const auto& t : form->tables) {
            for (const auto h : t.header_labels) words.insert(std::string(h));
            for (const auto label : t.labels()) words.insert(std::string(label));
        }
    }
    for (const auto& w : words) std::cout << quoted(w) << '\n';
}
