#pragma once
// `xxgk lsp`: a Language Server (LSP 3.17) that compiles each open report as it is edited and
// gives its diagnostics, their fixes as quick fixes, and a hover on every table cell.
#include <cstddef>
#include <optional>

#include "diagnostic.hpp"
#include "framing.hpp"

namespace xxgk::lsp {

struct ServerOptions {
    std::optional<diag::Lang> lang;             // --lang: wins over the client's locale
    diag::Lang fallback_lang = diag::Lang::En;  // with neither --lang nor a client locale
    std::size_t max_message_bytes = kMaxMessageBytes;
};

// Serves the client on `in_fd`/`out_fd` until `exit` or the end of the input. Returns the
// process's exit code as LSP prescribes: 0 when `shutdown` came first, 1 otherwise.
int serve(int in_fd, int out_fd, const ServerOptions& options);

}  // namespace xxgk::lsp
