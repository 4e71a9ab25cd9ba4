#pragma once
// The LSP base protocol: messages framed by a `Content-Length` header, read from and written to
// file descriptors. The reader never trusts its input: a frame it cannot make sense of is
// reported as such and skipped, so one bad message never ends a session.
#include <cstddef>
#include <string>
#include <string_view>

namespace xxgk::lsp {

// The largest message body accepted (16 MiB: a report is tens of kilobytes, and a whole-document
// sync of even a very large one stays far below). A larger body is read and dropped, never held.
inline constexpr std::size_t kMaxMessageBytes = std::size_t{16} << 20;

struct Frame {
    enum class Kind {
        Message,    // `body` is one complete message body
        Oversized,  // the body exceeded the limit; `body` holds its first bytes only
        Malformed,  // a header block without a usable Content-Length; `problem` says why
        End,        // the input is closed
    };
    Kind kind = Kind::End;
    std::string body;
    std::size_t declared_length = 0;  // Message and Oversized: the Content-Length
    std::string problem;              // Malformed, and bytes skipped before a valid header
};

class FrameReader {
public:
    explicit FrameReader(int fd, std::size_t max_body = kMaxMessageBytes);

    // Blocks until a frame is complete or the input ends.
    Frame next();
    // Whether input is waiting: buffered bytes, or bytes the descriptor can deliver at once.
    [[nodiscard]] bool input_waiting() const;

private:
    // Reads what the descriptor has into the buffer; false at end of input.
    bool fill();
    void consume(std::size_t n);

    int fd_;
    std::size_t max_body_;
    std::string buffer_;
    std::size_t start_ = 0;  // buffer_ before start_ is already consumed
};

// Writes one framed message, retrying short writes; false when the output is gone.
bool write_frame(int fd, std::string_view body);

}  // namespace xxgk::lsp
