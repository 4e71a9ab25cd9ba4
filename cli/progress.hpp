#pragma once
// The progress line of a batch on stderr: files done of all, their rate and the time left.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <ostream>

namespace xxgk::cli {

class Progress {
public:
    // Draws nothing unless `enabled` (stderr is a terminal and --quiet is not given).
    Progress(std::ostream& out, std::size_t total, bool enabled);

    // One more file done; redraws at most ten times a second.
    void advance();
    // Takes the line off the terminal before other output goes there; the next advance() redraws it.
    void clear();

private:
    using Clock = std::chrono::steady_clock;
    void draw();

    std::ostream& out_;
    std::size_t total_;
    bool enabled_;
    std::size_t done_ = 0;
    bool shown_ = false;
    Clock::time_point start_ = Clock::now(), drawn_ = start_;
};

}  // namespace xxgk::cli
