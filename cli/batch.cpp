#include "batch.hpp"

#include <cctype>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace xxgk::cli {

namespace {

// In a directory walk: *.txt and *.md, except a folder's own documentation (README.md …), which
// every corpus folder has and no report is called.
bool is_report_file(const fs::path& p) {
    if (p.extension() != ".txt" && p.extension() != ".md") return false;
    std::string stem = p.stem().string();
    std::transform(stem.begin(), stem.end(), stem.begin(), [](unsigned char c) { return std::toupper(c); });
    return stem != "README" && stem != "CHANGELOG" && stem != "LICENSE";
}

}  // namespace

std::vector<InputPath> expand_paths(const std::vector<std::string>& paths, const std::string& stdin_name) {
    std::vector<InputPath> inputs;
    for (const auto& path : paths) {
        if (path == "-") {
            inputs.push_back({stdin_name, {}, true});
            continue;
        }
        std::error_code ec;
        if (!fs::is_directory(path, ec)) {
            inputs.push_back({path, {}, false});
            continue;
        }
        std::vector<std::string> found;
        for (fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
             !ec && it != end; it.increment(ec)) {
            if (it->is_regular_file(ec) && is_report_file(it->path())) found.push_back(it->path().string());
        }
        if (ec) {
            inputs.push_back({path, ec.message(), false});
            continue;
        }
        if (found.empty()) inputs.push_back({path, "the directory holds no *.txt or *.md report files", false});
        std::sort(found.begin(), found.end());
        for (auto& f : found) inputs.push_back({std::move(f), {}, false});
    }
    return inputs;
}

namespace {

// Reads fd to its end. A regular file is read in one piece of its size (and one byte more, to see
// its end); anything else (standard input, a pipe, a device) in growing pieces, up to one byte
// past the limit, which tells that it is too large.
ReadInput read_all(int fd, std::size_t limit) {
    ReadInput r;
    struct stat st {};
    const bool regular = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
    if (regular && static_cast<std::uint64_t>(st.st_size) > limit) {
        r.too_large = static_cast<std::uint64_t>(st.st_size);
        return r;
    }
    std::string bytes(regular ? static_cast<std::size_t>(st.st_size) + 1 : std::min<std::size_t>(1u << 16, limit + 1), '\0');
    std::size_t size = 0;
    for (;;) {
        if (size == bytes.size()) bytes.resize(std::min(2 * size, limit + 1));
        const ssize_t n = ::read(fd, bytes.data() + size, bytes.size() - size);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            r.error = std::strerror(errno);
            return r;
        }
        if (n == 0) break;
        size += static_cast<std::size_t>(n);
        if (size > limit) {
            r.too_large = size;
            return r;
        }
    }
    bytes.resize(size);
    r.bytes = std::move(bytes);
    return r;
}

}  // namespace

ReadInput read_input(const InputPath& input, std::size_t limit) {
    if (!input.error.empty()) return {std::nullopt, input.error, std::nullopt};
    if (input.is_stdin) return read_all(STDIN_FILENO, limit);
    const int fd = ::open(input.path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return {std::nullopt, std::strerror(errno), std::nullopt};
    auto r = read_all(fd, limit);
    ::close(fd);
    return r;
}

}  // namespace xxgk::cli
