#pragma once
// One report through the whole front and middle end: decode, normalise, parse, passes.
#include <memory>
#include <string>

#include "report.hpp"

namespace xxgk::passes {

// Everything a compiled report refers to lives here, so that spans and pointers stay valid.
struct Compilation {
    std::unique_ptr<source::SourceFile> file;
    std::unique_ptr<source::NormalisedText> text;
    ast::Report report;
};

// The largest input compiled (XG0009 beyond): a hundred times the longest real report.
inline constexpr std::size_t kMaxInputBytes = 64u << 20;

// Compiles `bytes` read from `name` against `form` (--template 2019|2021), or, when it is null
// (--template auto), against the form chosen for the report. Never throws for bad input:
// problems are diagnostics.
Compilation compile(std::string name, std::string bytes, const tpl::Template* form = nullptr);

}  // namespace xxgk::passes
