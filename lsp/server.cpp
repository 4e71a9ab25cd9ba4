#include "server.hpp"

#include <chrono>
#include <csignal>
#include <map>
#include <string>
#include <vector>

#include "pipeline.hpp"
#include "report_to_lsp.hpp"

namespace xxgk::lsp {

namespace {

using Clock = std::chrono::steady_clock;

// Edits are compiled once the input falls quiet, so a burst of keystrokes is compiled once, at
// its latest version. Edits that never pause are still compiled this often.
constexpr auto kLongestWait = std::chrono::milliseconds(100);

// JSON-RPC 2.0 and LSP error codes.
enum ErrorCode {
    kParseError = -32700,
    kInvalidRequest = -32600,
    kMethodNotFound = -32601,
    kInvalidParams = -32602,
    kInternalError = -32603,
    kServerNotInitialized = -32002,
    kRequestFailed = -32803,
};

enum MessageType { kLogError = 1, kLogWarning = 2 };

// What a request handler throws to answer with an error.
struct RequestError {
    int code;
    std::string message;
};

struct Document {
    Document(std::string text, std::int64_t version) : text(std::move(text)), version(version) {}

    TextDocument text;
    std::int64_t version;
    std::optional<passes::Compilation> compiled;  // of the current text, unless `stale`
    bool stale = true;
    std::string result_id;         // names the compilation, for pull diagnostics
    bool publish_pending = false;  // the client has not seen the diagnostics of this version
    Clock::time_point changed_at;
};

const Json* find_path(const Json& j, std::initializer_list<const char*> path) {
    const Json* at = &j;
    for (const char* key : path) {
        if (!at->is_object()) return nullptr;
        const auto it = at->find(key);
        if (it == at->end()) return nullptr;
        at = &*it;
    }
    return at;
}

bool offers(const Json& caps, std::initializer_list<const char*> path, std::string_view value) {
    const Json* list = find_path(caps, path);
    if (list == nullptr || !list->is_array()) return false;
    for (const auto& v : *list)
        if (v.is_string() && v.get<std::string>() == value) return true;
    return false;
}

// LSP messages nest a dozen levels at most. Deeper JSON is refused before it is parsed, since
// copying or printing such a value recurses once per level.
constexpr std::size_t kMaxNesting = 100;

bool nested_too_deep(std::string_view body) {
    std::size_t depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < body.size(); ++i) {
        const char c = body[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxNesting) return true;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return false;
}

// Of a message that cannot be held or parsed, the id, method and document, from what can be
// read of it: enough to answer the request, or to know which document the client and server
// no longer agree on.
class EnvelopeScan : public nlohmann::json_sax<Json> {
public:
    Json id;  // null when not found
    std::string method, uri;

    bool null() override { return value(nullptr); }
    bool boolean(bool v) override { return value(v); }
    bool number_integer(number_integer_t v) override { return value(v); }
    bool number_unsigned(number_unsigned_t v) override { return value(v); }
    bool number_float(number_float_t v, const string_t&) override { return value(v); }
    bool string(string_t& v) override { return value(v); }
    bool binary(binary_t&) override { return value(nullptr); }
    bool start_object(std::size_t) override {
        keys_.emplace_back();
        return keys_.size() <= kMaxNesting;
    }
    bool end_object() override {
        keys_.pop_back();
        return true;
    }
    bool start_array(std::size_t) override {
        keys_.emplace_back("[]");
        return keys_.size() <= kMaxNesting;
    }
    bool end_array() override {
        keys_.pop_back();
        return true;
    }
    bool key(string_t& k) override {
        keys_.back() = k;
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

private:
    bool value(const Json& v) {
        if (keys_.size() == 1 && keys_[0] == "id") id = v;
        if (keys_.size() == 1 && keys_[0] == "method" && v.is_string()) method = v.get<std::string>();
        if (keys_.size() == 3 && keys_[0] == "params" && keys_[1] == "textDocument" && keys_[2] == "uri" && v.is_string())
            uri = v.get<std::string>();
        return true;
    }
    std::vector<std::string> keys_;
};

class Server {
public:
    Server(int in_fd, int out_fd, const ServerOptions& options)
        : reader_(in_fd, options.max_message_bytes), out_fd_(out_fd), options_(options),
          lang_(options.lang.value_or(options.fallback_lang)) {}

    int run() {
        while (!exit_requested_ && !output_lost_) {
            if (edits_waiting() && (!reader_.input_waiting() || Clock::now() - oldest_edit() >= kLongestWait))
                publish_pending();
            Frame frame = reader_.next();
            // A header the reader could not use was never a request, so there is no one to answer.
            if (!frame.problem.empty()) log(kLogWarning, "skipped input: " + frame.problem);
            switch (frame.kind) {
                case Frame::Kind::End: return shutdown_requested_ ? 0 : 1;
                case Frame::Kind::Malformed: break;
                case Frame::Kind::Oversized: oversized(frame); break;
                case Frame::Kind::Message: message(frame.body); break;
            }
        }
        return shutdown_requested_ && !output_lost_ ? 0 : 1;
    }

private:
    // ---- the wire

    void send(const Json& message) {
        if (!output_lost_ && !write_frame(out_fd_, message.dump(-1, ' ', false, Json::error_handler_t::replace)))
            output_lost_ = true;
    }
    void respond(const Json& id, Json result) { send({{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}}); }
    void respond_error(const Json& id, int code, const std::string& text) {
        send({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", text}}}});
    }
    void notify(std::string_view method, Json params) {
        send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
    }
    void log(MessageType type, const std::string& text) {
        notify("window/logMessage", {{"type", type}, {"message", "xxgk: " + text}});
    }

    void oversized(const Frame& frame) {
        EnvelopeScan scan;
        Json::sax_parse(frame.body, &scan, nlohmann::detail::input_format_t::json, false);
        const std::string what = "a message of " + std::to_string(frame.declared_length) + " bytes exceeds the limit of " +
                                 std::to_string(options_.max_message_bytes) + " bytes";
        if (!scan.id.is_null()) {
            respond_error(scan.id, kInvalidRequest, what);
            return;
        }
        log(kLogError, what + (scan.method.empty() ? "" : " (" + scan.method + ")") + "; it was ignored");
        // A lost open or change leaves this copy of the document wrong: forget it rather than
        // compile text the editor does not have.
        if ((scan.method == "textDocument/didOpen" || scan.method == "textDocument/didChange") && documents_.erase(scan.uri) > 0) {
            if (push_diagnostics_) notify("textDocument/publishDiagnostics", {{"uri", scan.uri}, {"diagnostics", Json::array()}});
            log(kLogError, scan.uri + " is closed on the server; reopen it to check it again");
        }
    }

    void message(const std::string& body) {
        if (nested_too_deep(body)) {
            EnvelopeScan scan;
            Json::sax_parse(body, &scan, nlohmann::detail::input_format_t::json, false);
            respond_error(scan.id, kInvalidRequest, "JSON nested more than " + std::to_string(kMaxNesting) + " levels deep");
            return;
        }
        Json m;
        try {
            m = Json::parse(body);
        } catch (const Json::parse_error& e) {
            respond_error(nullptr, kParseError, e.what());
            return;
        }
        if (!m.is_object()) {
            respond_error(nullptr, kInvalidRequest, "a message must be a JSON object");
            return;
        }
        const auto id_at = m.find("id");
        const bool is_request = id_at != m.end();
        const Json id = is_request ? *id_at : Json(nullptr);
        if (is_request && !id.is_string() && !id.is_number_integer()) {
            respond_error(nullptr, kInvalidRequest, "an id must be an integer or a string");
            return;
        }
        const auto method_at = m.find("method");
        if (method_at == m.end()) {
            // A response: this server sends no requests, so there is nothing to match it to.
            if (m.contains("result") || m.contains("error")) return;
            respond_error(id, kInvalidRequest, "a message without a method");
            return;
        }
        const auto version = m.find("jsonrpc");
        if (!method_at->is_string() || version == m.end() || *version != "2.0") {
            if (is_request) respond_error(id, kInvalidRequest, "not a JSON-RPC 2.0 request");
            else log(kLogWarning, "skipped a notification that is not JSON-RPC 2.0");
            return;
        }
        const std::string method = method_at->get<std::string>();
        const Json params = m.value("params", Json::object());
        if (is_request) {
            try {
                respond(id, request(method, params));
            } catch (const RequestError& e) {
                respond_error(id, e.code, e.message);
            } catch (const Json::exception& e) {
                respond_error(id, kInvalidParams, e.what());
            } catch (const std::exception& e) {
                respond_error(id, kInternalError, std::string("internal error (a bug in xxgk): ") + e.what());
            }
            return;
        }
        try {
            notification(method, params);
        } catch (const std::exception& e) {
            log(kLogError, method + ": " + e.what());
        }
    }

    // ---- dispatch

    Json request(const std::string& method, const Json& params) {
        if (method == "initialize") return initialize(params);
        if (!initialized_) throw RequestError{kServerNotInitialized, "the server is not initialized"};
        if (shutdown_requested_) throw RequestError{kInvalidRequest, "the server is shutting down"};
        if (method == "shutdown") {
            shutdown_requested_ = true;
            return nullptr;
        }
        if (method == "textDocument/diagnostic") return pull_diagnostics(params);
        if (method == "textDocument/codeAction") return code_actions(params);
        if (method == "textDocument/hover") return hover(params);
        throw RequestError{kMethodNotFound, "unknown method " + method};
    }

    void notification(const std::string& method, const Json& params) {
        if (method == "exit") {
            exit_requested_ = true;
            return;
        }
        // Before initialize and after shutdown, LSP has notifications dropped.
        if (!initialized_ || shutdown_requested_) return;
        if (method == "textDocument/didOpen") did_open(params);
        else if (method == "textDocument/didChange") did_change(params);
        else if (method == "textDocument/didSave") did_save(params);
        else if (method == "textDocument/didClose") did_close(params);
        // Everything else (initialized, $/cancelRequest, $/setTrace, configuration) needs nothing:
        // requests are answered at once and there are no settings.
    }

    // ---- lifecycle

    Json initialize(const Json& params) {
        if (initialized_) throw RequestError{kInvalidRequest, "initialize was already sent"};
        const Json caps = params.value("capabilities", Json::object());
        // utf-8 or utf-32 when the client offers them, in its order of preference; else utf-16,
        // which every client must understand.
        if (const Json* offered = find_path(caps, {"general", "positionEncodings"}); offered != nullptr && offered->is_array())
            for (const auto& name : *offered) {
                const auto e = name.is_string() ? find_encoding(name.get<std::string>()) : std::nullopt;
                if (e && *e != PositionEncoding::Utf16) {
                    encoding_ = *e;
                    break;
                }
            }
        // A client that pulls diagnostics would show pushed ones twice.
        push_diagnostics_ = find_path(caps, {"textDocument", "diagnostic"}) == nullptr;
        markdown_hover_ = offers(caps, {"textDocument", "hover", "contentFormat"}, "markdown");
        const Json* versioned = find_path(caps, {"workspace", "workspaceEdit", "documentChanges"});
        versioned_edits_ = versioned != nullptr && versioned->is_boolean() && versioned->get<bool>();
        if (!options_.lang && params.contains("locale") && params["locale"].is_string())
            lang_ = params["locale"].get<std::string>().starts_with("zh") ? diag::Lang::Zh : diag::Lang::En;
        initialized_ = true;
        return {{"capabilities",
                 {{"positionEncoding", encoding_name(encoding_)},
                  {"textDocumentSync", {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
                  {"hoverProvider", true},
                  {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}},
                  {"diagnosticProvider", {{"identifier", "xxgk"}, {"interFileDependencies", false}, {"workspaceDiagnostics", false}}}}},
                {"serverInfo", {{"name", "xxgk"}, {"version", XXGK_VERSION}}}};
    }

    // ---- documents

    void did_open(const Json& params) {
        const Json& item = params.at("textDocument");
        const std::string uri = item.at("uri").get<std::string>();
        Document& d = documents_
                          .insert_or_assign(uri, Document(item.at("text").get<std::string>(), item.at("version").get<std::int64_t>()))
                          .first->second;
        changed(d);
    }

    void did_change(const Json& params) {
        const std::string uri = params.at("textDocument").at("uri").get<std::string>();
        const auto it = documents_.find(uri);
        if (it == documents_.end()) {
            log(kLogWarning, "a change to " + uri + ", which is not open, was ignored");
            return;
        }
        Document& d = it->second;
        for (const auto& change : params.at("contentChanges")) {
            std::string text = change.at("text").get<std::string>();
            const auto range = change.find("range");
            if (range == change.end()) {
                d.text.assign(std::move(text));
                continue;
            }
            const auto begin = d.text.offset_of(position(range->at("start")), encoding_);
            const auto end = d.text.offset_of(position(range->at("end")), encoding_);
            d.text.replace(begin, end, text);
        }
        d.version = params.at("textDocument").at("version").get<std::int64_t>();
        changed(d);
    }

    void did_save(const Json& params) {
        // The text is only there if a client sends it unasked; then it is the text to check.
        const auto it = documents_.find(params.at("textDocument").at("uri").get<std::string>());
        if (it == documents_.end() || !params.contains("text")) return;
        it->second.text.assign(params["text"].get<std::string>());
        changed(it->second);
    }

    void did_close(const Json& params) {
        const std::string uri = params.at("textDocument").at("uri").get<std::string>();
        if (documents_.erase(uri) > 0 && push_diagnostics_)
            notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", Json::array()}});
    }

    void changed(Document& d) {
        d.stale = true;
        if (!push_diagnostics_) return;  // compiled when the client asks
        if (!d.publish_pending) d.changed_at = Clock::now();
        d.publish_pending = true;
    }

    static Position position(const Json& p) {
        return {p.at("line").get<std::uint32_t>(), p.at("character").get<std::uint32_t>()};
    }

    // The document a request is about, compiled.
    Document& open_document(const Json& params) {
        const std::string& uri = params.at("textDocument").at("uri").get_ref<const std::string&>();
        const auto it = documents_.find(uri);
        if (it == documents_.end()) throw RequestError{kRequestFailed, "the document is not open: " + uri};
        compile(it->second, uri);
        return it->second;
    }

    void compile(Document& d, const std::string& uri) {
        if (!d.stale) return;
        d.compiled = passes::compile(uri, d.text.text());
        d.stale = false;
        d.result_id = std::to_string(++compilations_);
    }

    Rendering rendering(const Document& d, const std::string& uri) const { return {d.text, uri, encoding_, lang_}; }

    // ---- diagnostics

    bool edits_waiting() const {
        for (const auto& [uri, d] : documents_)
            if (d.publish_pending) return true;
        return false;
    }

    Clock::time_point oldest_edit() const {
        auto oldest = Clock::time_point::max();
        for (const auto& [uri, d] : documents_)
            if (d.publish_pending) oldest = std::min(oldest, d.changed_at);
        return oldest;
    }

    void publish_pending() {
        for (auto& [uri, d] : documents_) {
            if (!d.publish_pending) continue;
            d.publish_pending = false;
            compile(d, uri);
            notify("textDocument/publishDiagnostics",
                   {{"uri", uri}, {"version", d.version}, {"diagnostics", diagnostics_json(d.compiled->report, rendering(d, uri))}});
        }
    }

    Json pull_diagnostics(const Json& params) {
        const Document& d = open_document(params);
        const std::string& uri = params.at("textDocument").at("uri").get_ref<const std::string&>();
        if (params.value("previousResultId", "") == d.result_id) return {{"kind", "unchanged"}, {"resultId", d.result_id}};
        return {{"kind", "full"}, {"resultId", d.result_id}, {"items", diagnostics_json(d.compiled->report, rendering(d, uri))}};
    }

    Json code_actions(const Json& params) {
        const Document& d = open_document(params);
        const std::string& uri = params.at("textDocument").at("uri").get_ref<const std::string&>();
        if (const Json* only = find_path(params, {"context", "only"}); only != nullptr && only->is_array()) {
            bool wanted = false;
            for (const auto& kind : *only) wanted = wanted || (kind.is_string() && (kind == "quickfix" || kind == ""));
            if (!wanted) return Json::array();
        }
        const Json& range = params.at("range");
        const diag::Span requested{d.text.offset_of(position(range.at("start")), encoding_),
                                   d.text.offset_of(position(range.at("end")), encoding_)};
        return quick_fixes(d.compiled->report, requested, rendering(d, uri),
                           versioned_edits_ ? std::optional<std::int64_t>(d.version) : std::nullopt);
    }

    Json hover(const Json& params) {
        const Document& d = open_document(params);
        const std::string& uri = params.at("textDocument").at("uri").get_ref<const std::string&>();
        const auto offset = d.text.offset_of(position(params.at("position")), encoding_);
        return cell_hover(d.compiled->report, offset, rendering(d, uri), markdown_hover_).value_or(Json(nullptr));
    }

    FrameReader reader_;
    int out_fd_;
    ServerOptions options_;
    diag::Lang lang_;
    PositionEncoding encoding_ = PositionEncoding::Utf16;
    bool push_diagnostics_ = true;
    bool markdown_hover_ = false;
    bool versioned_edits_ = false;
    bool initialized_ = false, shutdown_requested_ = false, exit_requested_ = false, output_lost_ = false;
    std::map<std::string, Document> documents_;
    std::uint64_t compilations_ = 0;
};

}  // namespace

int serve(int in_fd, int out_fd, const ServerOptions& options) {
    // A client that goes away must end the session, not kill the process mid-write.
    std::signal(SIGPIPE, SIG_IGN);
    return Server(in_fd, out_fd, options).run();
}

}  // namespace xxgk::lsp
