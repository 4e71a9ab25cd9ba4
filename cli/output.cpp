#include "output.hpp"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <unistd.h>

namespace fs = std::filesystem;

namespace xxgk::cli {

namespace {

// The temporary files open at this moment, for the signal handler: fixed storage and lock-free
// flags, since a handler may call neither malloc nor take a lock. A batch has at most two open at
// once (the aggregate output and one per-input file).
constexpr int kCleanupSlots = 4;
constexpr std::size_t kLongestPath = 4096;
char cleanup_paths[kCleanupSlots][kLongestPath];
std::atomic<bool> cleanup_claimed[kCleanupSlots];  // a file owns the slot
std::atomic<bool> cleanup_armed[kCleanupSlots];    // its name is complete: the handler may use it

extern "C" void remove_temporaries_and_die(int signal) {
    for (int i = 0; i < kCleanupSlots; ++i)
        if (cleanup_armed[i].load()) ::unlink(cleanup_paths[i]);
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

int claim_cleanup_slot(const std::string& path) {
    static const bool installed = [] {
        for (const int s : {SIGINT, SIGTERM, SIGHUP}) std::signal(s, remove_temporaries_and_die);
        return true;
    }();
    (void)installed;
    if (path.size() >= kLongestPath) return -1;
    for (int i = 0; i < kCleanupSlots; ++i) {
        bool expected = false;
        if (!cleanup_claimed[i].compare_exchange_strong(expected, true)) continue;
        std::memcpy(cleanup_paths[i], path.c_str(), path.size() + 1);
        cleanup_armed[i].store(true);
        return i;
    }
    return -1;
}

}  // namespace

AtomicFile::AtomicFile(fs::path target) : target_(std::move(target)) {
    std::error_code ec;
    const auto status = fs::status(target_, ec);
    if (!ec && fs::exists(status) && !fs::is_regular_file(status)) {
        // A device or a pipe (/dev/null, /dev/stdout on a terminal): there is no file to replace,
        // and renaming over it would replace the device itself.
        direct_ = true;
        out_.open(target_, std::ios::binary | std::ios::trunc);
        if (!out_) error_ = std::strerror(errno);
        return;
    }
    // Through a symbolic link (even one to a file not yet written), the file it names is
    // replaced, not the link.
    for (int links = 0; links < 40 && fs::is_symlink(fs::symlink_status(target_, ec)); ++links) {
        const fs::path to = fs::read_symlink(target_, ec);
        if (ec) break;
        target_ = to.is_absolute() ? to : target_.parent_path() / to;
    }
    if (target_.has_parent_path()) fs::create_directories(target_.parent_path(), ec);
    temp_ = target_.string() + ".tmp" + std::to_string(::getpid());
    cleanup_slot_ = claim_cleanup_slot(temp_.string());
    out_.open(temp_, std::ios::binary | std::ios::trunc);
    if (!out_) error_ = std::strerror(errno);
}

AtomicFile::~AtomicFile() {
    if (!committed_ && !direct_) {
        out_.close();
        std::error_code ignored;
        fs::remove(temp_, ignored);
    }
    if (cleanup_slot_ >= 0) {
        cleanup_armed[cleanup_slot_].store(false);
        cleanup_claimed[cleanup_slot_].store(false);
    }
}

bool AtomicFile::commit(std::string& error) {
    out_.flush();
    out_.close();
    if (!out_) {
        error = error_.empty() ? std::strerror(errno) : error_;
        return false;
    }
    if (direct_) {
        committed_ = true;
        return true;
    }
    std::error_code ec;
    fs::rename(temp_, target_, ec);
    if (ec) {
        error = ec.message();
        return false;
    }
    committed_ = true;
    return true;
}

bool write_atomically(const fs::path& target, std::string_view content, std::string& error) {
    AtomicFile file(target);
    if (!file.ok()) {
        error = file.error();
        return false;
    }
    file.stream().write(content.data(), static_cast<std::streamsize>(content.size()));
    return file.commit(error);
}

}  // namespace xxgk::cli
