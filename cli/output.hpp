#pragma once
// Output files written atomically (contract §1): into a temporary file beside the target, renamed
// over it once complete, so that no reader ever sees half a file. A failed or interrupted run
// (SIGINT, SIGTERM, SIGHUP) removes its temporary files and leaves the targets as they were. A
// target that is a device or a pipe (-o /dev/stdout) is written directly: it holds no file.
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace xxgk::cli {

class AtomicFile {
public:
    // Creates the target's directory if need be and opens the temporary file; `ok()` says whether it could.
    explicit AtomicFile(std::filesystem::path target);
    ~AtomicFile();  // removes the temporary file unless committed
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    [[nodiscard]] bool ok() const { return static_cast<bool>(out_); }
    std::ostream& stream() { return out_; }
    // Closes the temporary file and renames it over the target; false with `error` when either fails.
    bool commit(std::string& error);
    [[nodiscard]] const std::filesystem::path& target() const { return target_; }
    // Why the file is not ok(), as the system said it.
    [[nodiscard]] const std::string& error() const { return error_; }

private:
    std::filesystem::path target_, temp_;
    std::ofstream out_;
    std::string error_;
    int cleanup_slot_ = -1;  // where the signal handler finds the temporary file's name
    bool direct_ = false;    // the target is a device or a pipe, written as it is
    bool committed_ = false;
};

// The whole of `content` to `target`, atomically.
bool write_atomically(const std::filesystem::path& target, std::string_view content, std::string& error);

}  // namespace xxgk::cli
