#pragma once
// Batch compilation: the inputs a command line names, found without being read, then read and
// compiled on worker threads and handed back in their order whatever the number of workers, with
// no more of them in memory at once than the workers' window.
#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace xxgk::cli {

// One input named on the command line or found in a directory: a path, not yet read.
struct InputPath {
    std::string path;   // as given or as found under a directory; the name messages use
    std::string error;  // why there is nothing to read (an empty directory), or empty
    bool is_stdin = false;
};

// Expands PATH arguments: a file as given, a directory walked recursively for report files
// (*.txt and *.md but README.md and the like) in sorted order, the same on every machine, and
// `-` for standard input, named `stdin_name`.
std::vector<InputPath> expand_paths(const std::vector<std::string>& paths, const std::string& stdin_name);

// What reading an input gave: its bytes, or why there are none.
struct ReadInput {
    std::optional<std::string> bytes;
    std::string error;                       // it cannot be read: why, as the system says
    std::optional<std::uint64_t> too_large;  // larger than the limit: its size (of a pipe, what was read)
};

// Reads an input whole, unless it is larger than `limit`: then only as much as tells so, so that a
// huge file (a disk image, /dev/zero) costs neither the time nor the memory of reading it.
ReadInput read_input(const InputPath& input, std::size_t limit);

// Runs work(i) for every i in [0, count) on `jobs` threads and calls deliver(i, result) for each,
// in order of i and one call at a time, on the worker that completed result i (or on the one that
// is delivering already, which goes on with every result ready after its own). Workers start
// at most `window` inputs beyond the last delivered, so that no more than `window` results wait at
// once. If work or deliver throws, no more work starts and the first exception is rethrown once
// every thread has stopped.
template <class Result, class Work, class Deliver>
void run_in_order(std::size_t count, unsigned jobs, std::size_t window, Work work, Deliver deliver) {
    std::mutex mutex;
    std::condition_variable window_moved;
    std::vector<std::optional<Result>> waiting(window);  // result i in slot i % window
    std::size_t next_to_start = 0, next_to_deliver = 0;
    bool delivering = false;
    std::exception_ptr failure;

    auto fail = [&](std::unique_lock<std::mutex>& lock) {
        if (!lock.owns_lock()) lock.lock();
        if (!failure) failure = std::current_exception();
        window_moved.notify_all();
    };
    auto worker = [&] {
        std::unique_lock lock(mutex);
        for (;;) {
            window_moved.wait(lock, [&] { return failure || next_to_start == count || next_to_start < next_to_deliver + window; });
            if (failure || next_to_start == count) return;
            const std::size_t i = next_to_start++;
            lock.unlock();
            try {
                Result result = work(i);
                lock.lock();
                waiting[i % window].emplace(std::move(result));
            } catch (...) {
                fail(lock);
                return;
            }
            // Whoever completes the next result in order delivers it and every one ready after it,
            // while the other workers go on compiling.
            if (delivering) continue;
            delivering = true;
            while (!failure && waiting[next_to_deliver % window]) {
                const std::size_t index = next_to_deliver;
                Result ready = std::move(*waiting[index % window]);
                waiting[index % window].reset();
                lock.unlock();
                try {
                    deliver(index, std::move(ready));
                } catch (...) {
                    fail(lock);
                    delivering = false;
                    return;
                }
                lock.lock();
                ++next_to_deliver;
                window_moved.notify_all();
            }
            delivering = false;
        }
    };
    std::vector<std::jthread> threads;
    for (unsigned t = 0; t < std::max(jobs, 1u); ++t) threads.emplace_back(worker);
    threads.clear();  // joins
    if (failure) std::rethrow_exception(failure);
}

}  // namespace xxgk::cli
