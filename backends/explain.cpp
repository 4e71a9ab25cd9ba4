// `xxgk explain`: the registry as text for people.
#include "backends.hpp"
#include "registry_text.hpp"

namespace xxgk::backends {

namespace {

std::string_view severity_word(diag::Severity s, diag::Lang lang) {
    if (lang == diag::Lang::En) return diag::severity_name(s);
    switch (s) {
        case diag::Severity::Error: return "错误";
        case diag::Severity::Warning: return "警告";
        case diag::Severity::Note: return "提示";
    }
    return "错误";
}

}  // namespace

void write_explanation(std::ostream& out, const diag::CodeInfo& code, diag::Lang lang) {
    const bool zh = lang == diag::Lang::Zh;
    out << code.name << (zh ? "（" : " (") << severity_word(code.severity, lang) << (zh ? "）\n" : ")\n");
    if (!code.formula.empty()) out << (zh ? "公式：" : "formula: ") << code.formula << '\n';
    out << (zh ? "消息：" : "message: ") << without_arguments(zh ? code.message_zh : code.message_en) << "\n\n"
        << (zh ? code.explain_zh : code.explain_en) << '\n';
}

void write_code_list(std::ostream& out, diag::Lang lang) {
    for (const auto& code : diag::all_codes()) {
        std::string severity(severity_word(code.severity, lang));
        if (lang == diag::Lang::En) severity.resize(7, ' ');  // as wide as "warning"
        out << code.name << "  " << severity << "  "
            << without_arguments(lang == diag::Lang::Zh ? code.message_zh : code.message_en) << '\n';
    }
}

}  // namespace xxgk::backends
