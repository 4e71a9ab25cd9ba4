#pragma once
// The JSON object of one diagnostic (contract §5), shared by the report JSON and `check --format json`/`jsonl`.
#include <nlohmann/json.hpp>

#include "backends.hpp"
#include "json_writer.hpp"

namespace xxgk::backends {

// A path is bytes from the file system and need not be UTF-8; such bytes are written as U+FFFD
// rather than failing the whole output.
constexpr auto kInvalidUtf8 = nlohmann::ordered_json::error_handler_t::replace;

void write_diagnostic(JsonWriter& w, const source::SourceFile* file, const std::string& path, const diag::Diagnostic& d,
                      const RenderOptions& options);

}  // namespace xxgk::backends
