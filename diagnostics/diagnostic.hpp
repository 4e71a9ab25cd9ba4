#pragma once
// What a check reports: a code from the registry, where, with which arguments, and the other
// places that take part. Checks build these; only backends turn them into text.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk::diag {

enum class Severity { Error, Warning, Note };
enum class Lang { Zh, En };

enum class Code : std::uint16_t {
#define XG_DIAGNOSTIC(code, severity, formula, zh, en, explain_zh, explain_en) code,
#define XG_NOTE(name, zh, en)
#include "registry.def"
#undef XG_DIAGNOSTIC
#undef XG_NOTE
};

enum class NoteId : std::uint16_t {
#define XG_DIAGNOSTIC(code, severity, formula, zh, en, explain_zh, explain_en)
#define XG_NOTE(name, zh, en) name,
#include "registry.def"
#undef XG_DIAGNOSTIC
#undef XG_NOTE
};

// A byte range [begin, end) of the original input.
struct Span {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
};

// Another place that takes part (a term of a failed sum), or, without a span, a note that
// belongs to no place in particular.
struct Related {
    std::optional<Span> span;
    NoteId note;
    std::vector<std::string> args;
};

// A suggested replacement of the text at `span`, with what it does in words. The fixes of one
// diagnostic are one repair, to be applied together (the two cells of a blamed （七）总计 row):
// SARIF makes them one fix, the language server one code action.
struct Fix {
    Span span;
    std::string replacement;
    NoteId note;
    std::vector<std::string> args;
};

struct Diagnostic {
    Code code;
    Severity severity;
    Span span;
    std::vector<std::string> args;
    // A registered alternative to the code's own message, filled with `args` (a blamed cell
    // rather than the failed sum).
    std::optional<NoteId> headline;
    std::vector<Related> related;
    std::vector<Fix> fixes;
};

struct CodeInfo {
    Code code;
    std::string_view name;  // "XG2001"
    Severity severity;
    std::string_view formula;  // empty when the rule is not a formula
    std::string_view message_zh, message_en;
    std::string_view explain_zh, explain_en;
};

std::span<const CodeInfo> all_codes();
const CodeInfo& info(Code code);
const CodeInfo* find_code(std::string_view name);

// Fills {0} {1} … of the registry text in `lang` with `args`.
std::string message(const Diagnostic& d, Lang lang);
std::string message(const Related& r, Lang lang);
std::string message(const Fix& f, Lang lang);
std::string message(NoteId note, const std::vector<std::string>& args, Lang lang);

std::string_view severity_name(Severity s);

// Adds a diagnostic with the registry's default severity.
Diagnostic make(Code code, Span span, std::vector<std::string> args = {});

}  // namespace xxgk::diag
