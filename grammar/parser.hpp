#pragma once
// The grammar's entry point. Callers see a plain function; PEGTL stays inside parser.cpp.
#include "report.hpp"

namespace xxgk::grammar {

// Parses `text` (the normalised form of `file`) against the template `form`: the sections with
// their headings and bodies, and for each table the anchors and values it holds, in order.
// Every span in the result is a range of the original file.
ast::Report parse(const source::SourceFile& file, const source::NormalisedText& text, const tpl::Template& form);

}  // namespace xxgk::grammar
