#include "framing.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <optional>
#include <poll.h>
#include <unistd.h>

namespace xxgk::lsp {

namespace {

// A header block is a few dozen bytes; this much without an empty line is not a header.
constexpr std::size_t kMaxHeaderBytes = 8 * 1024;
// Of an oversized body, this much is kept: enough to find the request's id, which clients write
// first.
constexpr std::size_t kKeptPrefixBytes = 64 * 1024;
constexpr std::size_t kReadChunk = 64 * 1024;

constexpr std::string_view kContentLength = "content-length:";

// `prefix` is in lower case.
bool starts_with_ignoring_case(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), s.begin(), [](char lower, char c) {
               return std::tolower(static_cast<unsigned char>(c)) == lower;
           });
}

std::size_t find_ignoring_case(std::string_view s, std::string_view needle) {
    for (std::size_t i = 0; i + needle.size() <= s.size(); ++i)
        if (starts_with_ignoring_case(s.substr(i), needle)) return i;
    return std::string_view::npos;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

// A line such as `Content-Type: application/vscode-jsonrpc; charset=utf-8`: a token, a colon.
bool is_header_line(std::string_view line) {
    const auto colon = line.find(':');
    return colon != std::string_view::npos && colon > 0 &&
           std::all_of(line.begin(), line.begin() + static_cast<std::ptrdiff_t>(colon),
                       [](unsigned char c) { return std::isalnum(c) || c == '-' || c == '_'; });
}

struct Header {
    std::optional<std::size_t> content_length;
    std::string problem;
};

// Reads the Content-Length from a header block, tolerating what is not a header: garbage lines,
// or garbage glued to the front of the Content-Length line, are noted and passed over, so that
// the next valid message is found again.
Header parse_header(std::string_view block) {
    Header h;
    std::size_t garbage = 0;
    while (!block.empty()) {
        const auto eol = block.find('\n');
        const std::string_view line = trim(block.substr(0, eol));
        block = eol == std::string_view::npos ? std::string_view{} : block.substr(eol + 1);
        if (line.empty()) continue;
        const auto at = find_ignoring_case(line, kContentLength);
        if (at == std::string_view::npos) {
            if (!is_header_line(line)) garbage += line.size();
            continue;
        }
        garbage += at;
        const std::string_view digits = trim(line.substr(at + kContentLength.size()));
        std::size_t length = 0;
        const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), length);
        if (digits.empty() || ec != std::errc{} || end != digits.data() + digits.size()) {
            h.problem = "a Content-Length that is not a number (" + std::string(digits.substr(0, 40)) + ")";
            h.content_length.reset();
            return h;
        }
        if (h.content_length && *h.content_length != length) {
            h.problem = "two different Content-Length headers";
            h.content_length.reset();
            return h;
        }
        h.content_length = length;
    }
    if (!h.content_length) h.problem = "a header without Content-Length";
    if (garbage > 0) {
        const std::string skipped = std::to_string(garbage) + " bytes that are not a header skipped";
        h.problem = h.problem.empty() ? skipped : h.problem + "; " + skipped;
    }
    return h;
}

}  // namespace

FrameReader::FrameReader(int fd, std::size_t max_body) : fd_(fd), max_body_(max_body) {}

bool FrameReader::fill() {
    if (start_ > 0 && start_ * 2 >= buffer_.size()) {
        buffer_.erase(0, start_);
        start_ = 0;
    }
    const std::size_t old_size = buffer_.size();
    buffer_.resize(old_size + kReadChunk);
    ssize_t n;
    do {
        n = ::read(fd_, buffer_.data() + old_size, kReadChunk);
    } while (n < 0 && errno == EINTR);
    buffer_.resize(old_size + static_cast<std::size_t>(std::max<ssize_t>(n, 0)));
    return n > 0;
}

void FrameReader::consume(std::size_t n) {
    start_ += n;
    if (start_ == buffer_.size()) {
        buffer_.clear();
        start_ = 0;
    }
}

bool FrameReader::input_waiting() const {
    if (start_ < buffer_.size()) return true;
    pollfd p{fd_, POLLIN, 0};
    return ::poll(&p, 1, 0) > 0;
}

Frame FrameReader::next() {
    for (;;) {
        // Line ends between messages are not part of the next header.
        while (start_ < buffer_.size() && (buffer_[start_] == '\r' || buffer_[start_] == '\n')) consume(1);
        const std::string_view data(buffer_.data() + start_, buffer_.size() - start_);
        const auto crlf = data.find("\r\n\r\n");
        const auto lf = data.find("\n\n");
        const std::size_t header_end = std::min(crlf, lf);
        if (header_end == std::string_view::npos) {
            if (data.size() > kMaxHeaderBytes) {
                Frame f{Frame::Kind::Malformed, {}, 0,
                        std::to_string(data.size()) + " bytes without the empty line that ends a header skipped"};
                consume(data.size());
                return f;
            }
            if (!fill()) {
                Frame f;
                if (!data.empty()) f.problem = "the input ended inside a header";
                consume(data.size());
                return f;
            }
            continue;
        }
        const Header header = parse_header(data.substr(0, header_end));
        consume(header_end + (header_end == crlf ? 4 : 2));
        if (!header.content_length) return Frame{Frame::Kind::Malformed, {}, 0, header.problem};
        const std::size_t length = *header.content_length;

        if (length > max_body_) {
            Frame f{Frame::Kind::Oversized, {}, length, header.problem};
            std::size_t remaining = length;
            for (;;) {
                const std::size_t available = std::min(remaining, buffer_.size() - start_);
                if (f.body.size() < kKeptPrefixBytes)
                    f.body.append(buffer_, start_, std::min(available, kKeptPrefixBytes - f.body.size()));
                consume(available);
                remaining -= available;
                if (remaining == 0) return f;
                if (!fill()) return Frame{Frame::Kind::End, {}, 0, "the input ended inside an oversized message"};
            }
        }
        while (buffer_.size() - start_ < length)
            if (!fill()) return Frame{Frame::Kind::End, {}, 0, "the input ended inside a message"};
        Frame f{Frame::Kind::Message, buffer_.substr(start_, length), length, header.problem};
        consume(length);
        return f;
    }
}

bool write_frame(int fd, std::string_view body) {
    std::string out = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
    out.append(body);
    std::size_t written = 0;
    while (written < out.size()) {
        const ssize_t n = ::write(fd, out.data() + written, out.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        written += static_cast<std::size_t>(n);
    }
    return true;
}

}  // namespace xxgk::lsp
