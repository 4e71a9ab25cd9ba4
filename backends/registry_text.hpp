#pragma once
// Registry texts shown on their own, without a diagnostic's arguments (rule descriptions in
// SARIF, `xxgk explain`).
#include <string>
#include <string_view>

namespace xxgk::backends {

// The text with each argument ({0}, {1} …) shown as "…", and fmt's escaped braces as braces.
inline std::string without_arguments(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((text[i] == '{' || text[i] == '}') && i + 1 < text.size() && text[i + 1] == text[i]) {
            out += text[i++];
        } else if (text[i] == '{') {
            const auto close = text.find('}', i);
            if (close == std::string_view::npos) {
                out += text.substr(i);
                break;
            }
            out += "…";
            i = close;
        } else {
            out += text[i];
        }
    }
    return out;
}

}  // namespace xxgk::backends
