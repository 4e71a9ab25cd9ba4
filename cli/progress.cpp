#include "progress.hpp"

#include <cstdio>
#include <string>

namespace xxgk::cli {

namespace {

constexpr auto kRedrawEvery = std::chrono::milliseconds(100);
// A batch that ends sooner shows no bar at all, rather than a flash of one.
constexpr auto kFirstDrawAfter = std::chrono::milliseconds(300);
constexpr std::size_t kBarWidth = 24;

std::string duration(double seconds) {
    const auto s = static_cast<long>(seconds + 0.5);
    char text[32];
    if (s >= 3600) std::snprintf(text, sizeof text, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
    else std::snprintf(text, sizeof text, "%ld:%02ld", s / 60, s % 60);
    return text;
}

}  // namespace

Progress::Progress(std::ostream& out, std::size_t total, bool enabled) : out_(out), total_(total), enabled_(enabled) {}

void Progress::advance() {
    ++done_;
    if (!enabled_) return;
    const auto now = Clock::now();
    if (now - start_ < kFirstDrawAfter || (now - drawn_ < kRedrawEvery && done_ < total_)) return;
    drawn_ = now;
    draw();
}

// [#########...............]  12034/100000 files  1650 files/s  ETA 0:47
void Progress::draw() {
    const double elapsed = std::chrono::duration<double>(Clock::now() - start_).count();
    const double rate = elapsed > 0 ? static_cast<double>(done_) / elapsed : 0;
    const std::size_t filled = total_ == 0 ? kBarWidth : kBarWidth * done_ / total_;
    std::string line = "\r[" + std::string(filled, '#') + std::string(kBarWidth - filled, '.') + "]  " + std::to_string(done_) +
                       "/" + std::to_string(total_) + " files  " + std::to_string(static_cast<long>(rate + 0.5)) + " files/s";
    if (rate > 0 && done_ < total_) line += "  ETA " + duration(static_cast<double>(total_ - done_) / rate);
    out_ << line << "\x1b[K" << std::flush;
    shown_ = true;
}

void Progress::clear() {
    if (!shown_) return;
    out_ << "\r\x1b[K" << std::flush;
    shown_ = false;
}

}  // namespace xxgk::cli
