#include "diagnostic.hpp"

#include <functional>

#include <fmt/args.h>
#include <fmt/format.h>

namespace xxgk::diag {

namespace {

constexpr CodeInfo kCodes[] = {
#define XG_DIAGNOSTIC(code, severity, formula, zh, en, explain_zh, explain_en) \
    {Code::code, #code, Severity::severity, formula, zh, en, explain_zh, explain_en},
#define XG_NOTE(name, zh, en)
#include "registry.def"
#undef XG_DIAGNOSTIC
#undef XG_NOTE
};

struct NoteText {
    std::string_view zh, en;
};

constexpr NoteText kNotes[] = {
#define XG_DIAGNOSTIC(code, severity, formula, zh, en, explain_zh, explain_en)
#define XG_NOTE(name, zh, en) {zh, en},
#include "registry.def"
#undef XG_DIAGNOSTIC
#undef XG_NOTE
};

std::string fill(std::string_view text, const std::vector<std::string>& args) {
    fmt::dynamic_format_arg_store<fmt::format_context> store;
    store.reserve(args.size(), 0);
    // By reference: the arguments outlive the call, and a copy of each would be an allocation
    // per argument of every message a batch prints.
    for (const auto& a : args) store.push_back(std::cref(a));
    return fmt::vformat(text, store);
}

}  // namespace

std::span<const CodeInfo> all_codes() { return kCodes; }

const CodeInfo& info(Code code) { return kCodes[static_cast<std::size_t>(code)]; }

const CodeInfo* find_code(std::string_view name) {
    for (const auto& c : kCodes)
        if (c.name == name) return &c;
    return nullptr;
}

std::string message(const Diagnostic& d, Lang lang) {
    if (d.headline) return message(*d.headline, d.args, lang);
    const auto& i = info(d.code);
    return fill(lang == Lang::Zh ? i.message_zh : i.message_en, d.args);
}

std::string message(NoteId note, const std::vector<std::string>& args, Lang lang) {
    const auto& n = kNotes[static_cast<std::size_t>(note)];
    return fill(lang == Lang::Zh ? n.zh : n.en, args);
}

std::string message(const Related& r, Lang lang) { return message(r.note, r.args, lang); }

std::string message(const Fix& f, Lang lang) { return message(f.note, f.args, lang); }

std::string_view severity_name(Severity s) {
    switch (s) {
        case Severity::Error: return "error";
        case Severity::Warning: return "warning";
        case Severity::Note: return "note";
    }
    return "error";
}

Diagnostic make(Code code, Span span, std::vector<std::string> args) {
    return Diagnostic{code, info(code).severity, span, std::move(args), std::nullopt, {}, {}};
}

}  // namespace xxgk::diag
