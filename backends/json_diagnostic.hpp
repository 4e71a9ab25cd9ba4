#pragma once
// The JSON object of one diagnostic (contract §5), shared by the report JSON and `check --format json`.
#include <nlohmann/json.hpp>

#include "backends.hpp"

namespace xxgk::backends {

nlohmann::ordered_json diagnostic_json(const source::SourceFile* file, const std::string& path, const diag::Diagnostic& d,
                                       const RenderOptions& options);

}  // namespace xxgk::backends
