// Edit-to-diagnostics latency of the language server: the time from writing a didChange to
// `xxgk lsp` until its publishDiagnostics for that version has been read back, over pipes, as an
// editor sees it (the server recompiles the whole report on every edit).
//   usage: xxgk_lsp_bench XXGK [REPORT] [EDITS] [GROW_TO_BYTES]
// REPORT defaults to the largest *.txt under corpus/. With GROW_TO_BYTES, the prose of the
// report's section 一 is repeated until the report is at least that large, for a report the
// size of the longest real ones.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#include "framing.hpp"

namespace fs = std::filesystem;
using Json = nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

fs::path largest_report(const fs::path& dir) {
    fs::path best;
    std::uintmax_t best_size = 0;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file() && e.path().extension() == ".txt" && e.file_size() > best_size)
            best = e.path(), best_size = e.file_size();
    return best;
}

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return std::move(ss).str();
}

// Where the first line after `from` whose text (after indentation) starts with `heading` begins.
std::size_t find_heading(const std::string& text, std::string_view heading, std::size_t from) {
    for (std::size_t line = from; line < text.size();) {
        const std::size_t indented = text.find_first_not_of(" \t", line);
        if (indented != std::string::npos && std::string_view(text).substr(indented).starts_with(heading)) return line;
        const std::size_t eol = text.find('\n', line);
        if (eol == std::string::npos) break;
        line = eol + 1;
    }
    return std::string::npos;
}

// Repeats the body of section 一 (the lines between the headings 一、 and 二、) until the text
// has at least `size` bytes.
std::string grow(const std::string& text, std::size_t size) {
    const std::size_t first = find_heading(text, "一、", 0);
    const std::size_t second = first == std::string::npos ? first : find_heading(text, "二、", first);
    if (second == std::string::npos) throw std::runtime_error("no section 一 to grow the report with");
    const std::size_t body = text.find('\n', first) + 1;
    const std::string prose = text.substr(body, second - body);
    std::string grown = text.substr(0, second);
    while (grown.size() + (text.size() - second) < size) grown += prose;
    return grown + text.substr(second);
}

class Server {
public:
    explicit Server(const std::string& xxgk) {
        int to_server[2], from_server[2];
        if (::pipe(to_server) != 0 || ::pipe(from_server) != 0) throw std::runtime_error("pipe failed");
        pid_ = ::fork();
        if (pid_ == 0) {
            ::dup2(to_server[0], STDIN_FILENO);
            ::dup2(from_server[1], STDOUT_FILENO);
            for (int fd : {to_server[0], to_server[1], from_server[0], from_server[1]}) ::close(fd);
            ::execl(xxgk.c_str(), xxgk.c_str(), "lsp", static_cast<char*>(nullptr));
            ::_exit(127);
        }
        ::close(to_server[0]);
        ::close(from_server[1]);
        in_ = to_server[1];
        reader_.emplace(from_server[0]);
    }

    void send(const Json& message) { xxgk::lsp::write_frame(in_, message.dump()); }

    // Reads messages until one satisfies `done`.
    template <typename Done>
    Json until(Done done) {
        for (;;) {
            auto frame = reader_->next();
            if (frame.kind == xxgk::lsp::Frame::Kind::End) throw std::runtime_error("the server closed its output");
            if (frame.kind != xxgk::lsp::Frame::Kind::Message) continue;
            Json m = Json::parse(frame.body);
            if (done(m)) return m;
        }
    }

    int stop() {
        send({{"jsonrpc", "2.0"}, {"id", 99}, {"method", "shutdown"}});
        until([](const Json& m) { return m.value("id", 0) == 99; });
        send({{"jsonrpc", "2.0"}, {"method", "exit"}});
        ::close(in_);
        int status = 0;
        ::waitpid(pid_, &status, 0);
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }

private:
    pid_t pid_ = -1;
    int in_ = -1;
    std::optional<xxgk::lsp::FrameReader> reader_;
};

struct Figures {
    double median, p90, max, mean;
    std::size_t diagnostics;
};

Figures measure(const std::string& xxgk, const std::string& text, int edits) {
    const std::string uri = "file:///bench/report.txt";
    Server server(xxgk);
    server.send({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"}, {"params", {{"capabilities", Json::object()}}}});
    server.until([](const Json& m) { return m.value("id", 0) == 1; });
    server.send({{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", Json::object()}});
    server.send({{"jsonrpc", "2.0"},
                 {"method", "textDocument/didOpen"},
                 {"params", {{"textDocument", {{"uri", uri}, {"languageId", "plaintext"}, {"version", 0}, {"text", text}}}}}});
    auto is_publication_of = [&](int version) {
        return [version](const Json& m) {
            return m.value("method", "") == "textDocument/publishDiagnostics" && m.at("params").value("version", -1) == version;
        };
    };
    const Json first = server.until(is_publication_of(0));
    std::vector<double> ms;
    for (int version = 1; version <= edits; ++version) {
        // Typing on the title line: a space in, then out again. Every edit recompiles the report.
        const Json range = {{"start", {{"line", 0}, {"character", 0}}}, {"end", {{"line", 0}, {"character", version % 2 == 0 ? 1 : 0}}}};
        const auto t0 = Clock::now();
        server.send({{"jsonrpc", "2.0"},
                     {"method", "textDocument/didChange"},
                     {"params", {{"textDocument", {{"uri", uri}, {"version", version}}},
                                 {"contentChanges", Json::array({{{"range", range}, {"text", version % 2 == 0 ? "" : " "}}})}}}});
        server.until(is_publication_of(version));
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    if (server.stop() != 0) throw std::runtime_error("the server did not exit with 0 after shutdown");
    std::sort(ms.begin(), ms.end());
    double sum = 0;
    for (double m : ms) sum += m;
    return {ms[ms.size() / 2], ms[ms.size() * 9 / 10], ms.back(), sum / static_cast<double>(ms.size()),
            first["params"]["diagnostics"].size()};
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        fmt::print(stderr, "usage: xxgk_lsp_bench XXGK [REPORT] [EDITS] [GROW_TO_BYTES]\n");
        return 2;
    }
    const std::string xxgk = argv[1];
    const fs::path report = argc > 2 ? fs::path(argv[2]) : largest_report("corpus");
    const int edits = argc > 3 ? std::stoi(argv[3]) : 200;
    std::string text = read_file(report);
    if (argc > 4) text = grow(text, std::stoul(argv[4]));
    const Figures f = measure(xxgk, text, edits);
    fmt::print("{} ({:.1f} KB, {} diagnostics): {} edits, edit to diagnostics median {:.2f} ms, p90 {:.2f} ms, "
               "max {:.2f} ms, mean {:.2f} ms\n",
               report.filename().string(), text.size() / 1e3, f.diagnostics, edits, f.median, f.p90, f.max, f.mean);
    return 0;
}
